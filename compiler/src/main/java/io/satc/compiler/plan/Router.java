package io.satc.compiler.plan;

import io.satc.compiler.lower.PlacementProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the route of every transfer: minimum {@code Σ (D/R_h + P_h)} for the payload, ties
 * (relative difference under 1e-9) broken by fewer hops, then by the sequence of node names.
 *
 * <p>Routes depend on the payload, so they are computed per payload. A router caches the routes
 * it has computed; create one per planning call, never share one between problems.
 */
public final class Router implements RouteSource {

    /** Relative difference under which two route latencies count as equal. */
    public static final double TIE = 1e-9;

    private final Topology topology;
    private final Map<Key, Route[]> cache = new HashMap<>();

    private record Key(int from, double bits) {}

    /** A router over the links of {@code problem}. */
    public Router(PlacementProblem problem) {
        this(new Topology(problem));
    }

    Router(Topology topology) {
        this.topology = topology;
    }

    /** The route for {@code bits} per micro-batch from {@code from} to {@code to}, empty if unreachable. */
    public Optional<Route> route(String from, String to, double bits) {
        return Optional.ofNullable(routesFrom(topology.indexOf(from), bits)[topology.indexOf(to)]);
    }

    /** Routes from one node to every node (by index), {@code null} where unreachable. */
    @Override
    public Route[] routesFrom(int from, double bits) {
        return cache.computeIfAbsent(new Key(from, bits), k -> dijkstra(k.from, k.bits));
    }

    /** Whether {@code a} is strictly less than {@code b} beyond the tie tolerance. */
    static boolean clearlyLess(double a, double b) {
        return a < b && !tied(a, b);
    }

    static boolean tied(double a, double b) {
        if (a == b) {
            return true;
        }
        return Math.abs(a - b) < TIE * Math.max(Math.abs(a), Math.abs(b));
    }

    // Labels compare by (latency with tolerance, hops, node indices); node indices follow name order.
    private static int compare(double latA, int[] pathA, double latB, int[] pathB) {
        if (!tied(latA, latB)) {
            return latA < latB ? -1 : 1;
        }
        if (pathA.length != pathB.length) {
            return Integer.compare(pathA.length, pathB.length);
        }
        return Arrays.compare(pathA, pathB);
    }

    private Route[] dijkstra(int from, double bits) {
        int n = topology.size();
        double[] lat = new double[n];
        int[][] path = new int[n][];
        boolean[] done = new boolean[n];
        Arrays.fill(lat, Double.POSITIVE_INFINITY);
        lat[from] = 0.0;
        path[from] = new int[] {from};
        while (true) {
            int best = -1;
            for (int v = 0; v < n; v++) {
                if (!done[v] && path[v] != null && (best < 0 || compare(lat[v], path[v], lat[best], path[best]) < 0)) {
                    best = v;
                }
            }
            if (best < 0) {
                break;
            }
            done[best] = true;
            for (Topology.Edge e : topology.out.get(best)) {
                if (done[e.to()]) {
                    continue;
                }
                double cand = lat[best] + (bits / e.rate() + e.delay());
                int[] candPath = Arrays.copyOf(path[best], path[best].length + 1);
                candPath[candPath.length - 1] = e.to();
                if (path[e.to()] == null || compare(cand, candPath, lat[e.to()], path[e.to()]) < 0) {
                    lat[e.to()] = cand;
                    path[e.to()] = candPath;
                }
            }
        }
        Route[] routes = new Route[n];
        for (int v = 0; v < n; v++) {
            if (path[v] != null) {
                routes[v] = build(path[v], bits);
            }
        }
        return routes;
    }

    private Route build(int[] path, double bits) {
        List<String> names = new ArrayList<>();
        List<Route.Leg> legs = new ArrayList<>();
        double latency = 0.0;
        double max = 0.0;
        names.add(topology.names[path[0]]);
        for (int i = 1; i < path.length; i++) {
            Topology.Edge edge = bestEdge(path[i - 1], path[i], bits);
            double tau = bits / edge.rate();
            legs.add(new Route.Leg(topology.names[path[i - 1]], topology.names[path[i]], tau, edge.delay()));
            latency += tau + edge.delay();
            max = Math.max(max, tau);
            names.add(topology.names[path[i]]);
        }
        return new Route(names, bits, legs, latency, max);
    }

    // Among parallel links the relaxation kept the first cheapest one in edge order; pick the same.
    private Topology.Edge bestEdge(int from, int to, double bits) {
        Topology.Edge best = null;
        for (Topology.Edge e : topology.out.get(from)) {
            if (e.to() == to && (best == null || bits / e.rate() + e.delay() < bits / best.rate() + best.delay())) {
                best = e;
            }
        }
        return best;
    }
}
