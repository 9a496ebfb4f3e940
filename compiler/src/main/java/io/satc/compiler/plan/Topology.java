package io.satc.compiler.plan;

import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.PlacementProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;

/**
 * The constellation as a JGraphT directed multigraph over the problem's nodes, indexed in name
 * order, with each node's outgoing links flattened for the hot loops; shared by the router, the
 * evaluator and the search so that "lexicographic by name" is simply "ascending index".
 */
final class Topology {

    /** A graph edge standing for one directed link; identity equality keeps parallel links apart. */
    static final class LinkEdge {
        final Link link;

        LinkEdge(Link link) {
            this.link = link;
        }
    }

    /** One outgoing link, with the neighbour as an index. */
    record Edge(int to, double rate, double delay) {}

    final PlacementProblem problem;
    final ComputeNode[] nodes;
    final String[] names;
    final List<List<Edge>> out;
    final Graph<Integer, LinkEdge> graph;
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
        graph = new DirectedPseudograph<>(null, null, false);
        for (int i = 0; i < nodes.length; i++) {
            graph.addVertex(i);
        }
        for (Link l : problem.links()) {
            graph.addEdge(index.get(l.from()), index.get(l.to()), new LinkEdge(l));
        }
        out = new ArrayList<>();
        for (int i = 0; i < nodes.length; i++) {
            List<Edge> edges = new ArrayList<>();
            for (LinkEdge e : graph.outgoingEdgesOf(i)) {
                edges.add(new Edge(graph.getEdgeTarget(e), e.link.rateBitsPerSecond(), e.link.propagationSeconds()));
            }
            out.add(edges);
        }
        // Sorted so that parallel links and equal-cost neighbours are always tried in the same order.
        for (List<Edge> edges : out) {
            edges.sort(Comparator.comparingInt(Edge::to)
                    .thenComparing(Edge::rate, Comparator.reverseOrder())
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
