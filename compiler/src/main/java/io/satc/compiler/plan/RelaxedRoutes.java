package io.satc.compiler.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lower bounds on the routes of every window at once, for cost model 2's bounds: over the graph of
 * every link that is up in some window, each pair of nodes at its largest rate and least delay, a
 * "route" from x to y has the least latency {@link Distances} finds there (at most the latency of
 * the route any window takes, which crosses links no faster than these) and, as service time, the
 * larger of the payload's time on x's fastest outgoing link and on y's fastest incoming one (the
 * real route's first and last hops take at least that long). Such routes have no legs.
 *
 * <p>Only the routes to {@code targets} are filled in; the search never asks for others.
 */
final class RelaxedRoutes implements RouteSource {

    private final LinkGraph graph;
    private final int[] targets;
    private final double[] fastestOut;
    private final double[] fastestIn;
    private final Map<Key, Route[]> cache = new HashMap<>();

    private record Key(int from, double bits) {}

    RelaxedRoutes(LinkGraph graph, int[] targets) {
        this.graph = graph;
        this.targets = targets.clone();
        int n = graph.nodeCount();
        fastestOut = new double[n];
        fastestIn = new double[n];
        for (int v = 0; v < n; v++) {
            for (int e = graph.outStart[v]; e < graph.outStart[v + 1]; e++) {
                fastestOut[v] = Math.max(fastestOut[v], graph.outRate[e]);
            }
            for (int e = graph.inStart[v]; e < graph.inStart[v + 1]; e++) {
                fastestIn[v] = Math.max(fastestIn[v], graph.inRate(e));
            }
        }
    }

    @Override
    public Route[] routesFrom(int from, double bits) {
        return cache.computeIfAbsent(new Key(from, bits), k -> compute(k.from, k.bits));
    }

    private Route[] compute(int from, double bits) {
        double[] dist = Distances.from(graph, from, bits);
        Route[] routes = new Route[graph.nodeCount()];
        for (int y : targets) {
            if (y == from) {
                routes[y] = new Route(List.of(), bits, List.of(), 0.0, 0.0);
            } else if (dist[y] < Double.POSITIVE_INFINITY) {
                double service = Math.max(bits / fastestOut[from], bits / fastestIn[y]);
                routes[y] = new Route(List.of(), bits, List.of(), dist[y], service);
            }
        }
        return routes;
    }
}
