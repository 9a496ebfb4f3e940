package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.sema.AnalyzedMission.LinkFacts;
import io.satc.compiler.sema.AnalyzedMission.SatelliteFacts;
import io.satc.compiler.source.Span;
import io.satc.compiler.syntax.ast.Ident;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * Reachability over the directed links (a JGraphT breadth-first search): the sink must be reachable from the source (an error
 * otherwise), and a satellite no route from the source reaches can never take part (a warning).
 * Linear in nodes plus links, so it stays cheap on 10,000-satellite constellations.
 */
final class TopologyChecker {

    private TopologyChecker() {}

    static void check(
            String source,
            String sink,
            Span sinkAt,
            Map<String, Ident> nodes,
            List<SatelliteFacts> satellites,
            List<LinkFacts> links,
            Diagnostics diags) {
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>(nodes.keySet());
        Graph<Integer, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
            graph.addVertex(i);
        }
        for (LinkFacts l : links) {
            graph.addEdge(index.get(l.from()), index.get(l.to()));
        }
        boolean[] reached = new boolean[names.size()];
        int s = index.get(source);
        new BreadthFirstIterator<>(graph, s).forEachRemaining(v -> reached[v] = true);
        if (!reached[index.get(sink)]) {
            List<String> reachable = new ArrayList<>();
            for (int i = 0; i < names.size() && reachable.size() < 6; i++) {
                if (reached[i] && i != s) {
                    reachable.add(names.get(i));
                }
            }
            String help = reachable.isEmpty()
                    ? "`" + source + "` has no outgoing link; add one such as `link " + source + " <-> " + sink
                            + " { rate = 0.5 Gbps }`."
                    : "From `" + source + "` the links reach only " + ValueReader.quoteAll(reachable)
                            + (reachable.size() == 6 ? " and more" : "") + "; add a link towards `" + sink
                            + "` (note `->` is one-way).";
            diags.report(
                    DiagnosticCode.NO_ROUTE,
                    sinkAt,
                    "No route leads from the source `" + source + "` to the sink `" + sink + "`.",
                    help);
        }
        for (SatelliteFacts sat : satellites) {
            int i = index.get(sat.name());
            if (!reached[i]) {
                diags.report(
                        DiagnosticCode.UNREACHABLE_SATELLITE,
                        nodes.get(sat.name()).span(),
                        "No route from the source `" + source + "` reaches satellite `" + sat.name()
                                + "`; it cannot take part.",
                        "Link it to the constellation, or remove it.");
            }
        }
    }
}
