package io.satc.compiler.plan;

import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.PlacementProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The problem's nodes indexed in name order, with their outgoing links; shared by the router,
 * the evaluator and the search so that "lexicographic by name" is simply "ascending index".
 */
final class Topology {

    /** One outgoing link, with the neighbour as an index. */
    record Edge(int to, double rate, double delay) {
    }

    final PlacementProblem problem;
    final ComputeNode[] nodes;
    final String[] names;
    final List<List<Edge>> out;
    final int source;
    final int sink;
    private final Map<String, Integer> index = new HashMap<>();

    Topology(PlacementProblem problem) {
        this.problem = problem;
        List<ComputeNode> sorted = new ArrayList<>(problem.nodes());
        sorted.sort(Comparator.comparing(ComputeNode::name));
        nodes = sorted.toArray(new ComputeNode[0]);
        names = new String[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            names[i] = nodes[i].name();
            index.put(names[i], i);
        }
        out = new ArrayList<>();
        for (int i = 0; i < nodes.length; i++) {
            out.add(new ArrayList<>());
        }
        for (Link l : problem.links()) {
            out.get(index.get(l.from())).add(new Edge(index.get(l.to()), l.rateBitsPerSecond(), l.propagationSeconds()));
        }
        // Sorted so that parallel links and equal-cost neighbours are always tried in the same order.
        for (List<Edge> edges : out) {
            edges.sort(Comparator.comparingInt(Edge::to).thenComparing(Edge::rate, Comparator.reverseOrder())
                    .thenComparingDouble(Edge::delay));
        }
        source = index.get(problem.source());
        sink = index.get(problem.sink());
    }

    int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("unknown node " + name);
        }
        return i;
    }

    int size() {
        return nodes.length;
    }
}
