package io.satc.compiler.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cost model 1's tie-broken routes over one {@link LinkGraph}, fast enough for constellations of
 * thousands of satellites and hundreds of windows: a binary-heap Dijkstra over the same label order
 * as {@link Router} (latency with the 1e-9 relative tolerance, then fewer hops, then the node
 * sequence), paths kept as parent pointers and compared through them, searches stopped once their
 * targets are settled. Routes to the sink come from one search backwards from the sink per payload,
 * which picks at every node the next hop of the best path in the same order (the order compares
 * paths from their first node, so the best path's tail from any node is that node's best path).
 *
 * <p>Where the label order is a total order (no three latencies chained within the tolerance of
 * each other while the outer two are not), both searches return the {@link Router}'s routes; the
 * tests compare them on random graphs rich in exact ties. A route's latency is summed in hop order,
 * with the parallel link {@link Router} would take, so it equals the {@link Router}'s to the bit.
 * Not thread-safe: one router per graph and planning call.
 */
final class WindowRouter implements RouteSource {

    private final Topology topology;
    private final LinkGraph graph;
    private final int sink;
    private final int n;
    private final double[] lat;
    private final int[] hops;
    /** Forward searches: the previous node of the best path; backward: the next one. */
    private final int[] link;

    private final int[] mark;
    private final int[] heap;
    private final int[] pos;
    private final Scratch scratch;
    private int epoch;
    private int size;
    private final Map<Double, int[]> sinkTrees = new HashMap<>();

    /**
     * The working arrays of a search, shared by the routers of one planning call (which run one at
     * a time) so that hundreds of windows do not each hold their own.
     */
    static final class Scratch {
        final double[] lat;
        final int[] hops;
        final int[] link;
        final int[] mark;
        final int[] heap;
        final int[] pos;
        final boolean[] wanted;
        int epoch;

        Scratch(int nodes) {
            lat = new double[nodes];
            hops = new int[nodes];
            link = new int[nodes];
            mark = new int[nodes];
            heap = new int[nodes];
            pos = new int[nodes];
            wanted = new boolean[nodes];
        }
    }

    WindowRouter(Topology topology, LinkGraph graph) {
        this(topology, graph, new Scratch(topology.size()));
    }

    WindowRouter(Topology topology, LinkGraph graph, Scratch scratch) {
        this.topology = topology;
        this.graph = graph;
        this.sink = topology.sink;
        this.n = topology.size();
        this.scratch = scratch;
        this.lat = scratch.lat;
        this.hops = scratch.hops;
        this.link = scratch.link;
        this.mark = scratch.mark;
        this.heap = scratch.heap;
        this.pos = scratch.pos;
    }

    LinkGraph graph() {
        return graph;
    }

    @Override
    public Route[] routesFrom(int from, double bits) {
        search(from, bits, null);
        Route[] routes = new Route[n];
        for (int v = 0; v < n; v++) {
            if (mark[v] == epoch + 1) {
                routes[v] = build(forwardPath(v), bits);
            }
        }
        if (from != sink) {
            routes[sink] = route(from, sink, bits);
        }
        return routes;
    }

    @Override
    public Route route(int from, int to, double bits) {
        int[] path = path(from, to, bits);
        return path == null ? null : build(path, bits);
    }

    /** The node sequence of the route, or null when there is none. */
    int[] path(int from, int to, double bits) {
        if (to == sink && from != sink) {
            int[] next = sinkTree(bits);
            return next[from] < 0 ? null : sinkPath(next, from);
        }
        search(from, bits, new int[] {to});
        return mark[to] == epoch + 1 ? forwardPath(to) : null;
    }

    /**
     * Latency, largest hop service time and hop count of the routes from {@code from} to each of
     * {@code targets} (the sink among them answered by the backward search), written at
     * {@code at + i}; an unreachable target gets latency +∞ and −1 hops.
     */
    void measure(int from, double bits, int[] targets, double[] latency, double[] service, int[] hopCount, int at) {
        int[] next = null;
        boolean others = false;
        for (int t : targets) {
            if (t == sink && from != sink) {
                next = sinkTree(bits); // before the forward search, whose marks a new tree would reset
            } else {
                others = true;
            }
        }
        if (others) {
            search(from, bits, targets);
        }
        for (int i = 0; i < targets.length; i++) {
            int t = targets[i];
            int[] path;
            if (t == sink && from != sink) {
                path = next[from] < 0 ? null : sinkPath(next, from);
            } else {
                path = mark[t] == epoch + 1 ? forwardPath(t) : null;
            }
            if (path == null) {
                latency[at + i] = Double.POSITIVE_INFINITY;
                service[at + i] = Double.POSITIVE_INFINITY;
                hopCount[at + i] = -1;
            } else {
                double sum = 0.0;
                double max = 0.0;
                for (int h = 1; h < path.length; h++) {
                    int e = graph.bestEdge(path[h - 1], path[h], bits);
                    double tau = bits / graph.outRate[e];
                    sum += tau + graph.outDelay[e];
                    max = Math.max(max, tau);
                }
                latency[at + i] = sum;
                service[at + i] = max;
                hopCount[at + i] = path.length - 1;
            }
        }
    }

    private int[] sinkPath(int[] next, int from) {
        int length = 1;
        for (int v = from; v != sink; v = next[v]) {
            length++;
        }
        int[] path = new int[length];
        int i = 0;
        for (int v = from; v != sink; v = next[v]) {
            path[i++] = v;
        }
        path[i] = sink;
        return path;
    }

    // ---- the forward search: Router's label order, parent pointers -------------------------------

    /**
     * Settles nodes from {@code from} in label order until every one of {@code targets} (all nodes
     * when null; the sink is not waited for) is settled or none is left. Afterwards {@code mark[v]}
     * is {@code epoch + 1} for settled nodes.
     */
    private void search(int from, double bits, int[] targets) {
        scratch.epoch += 2;
        epoch = scratch.epoch; // epoch: labelled and open; epoch + 1: settled
        int waiting = 0;
        boolean[] wanted = null;
        if (targets != null) {
            wanted = scratch.wanted;
            Arrays.fill(wanted, false);
            for (int t : targets) {
                if (t != sink || from == sink) {
                    if (!wanted[t]) {
                        waiting++;
                    }
                    wanted[t] = true;
                }
            }
            if (waiting == 0) {
                return;
            }
        }
        size = 0;
        lat[from] = 0.0;
        hops[from] = 0;
        link[from] = -1;
        mark[from] = epoch;
        push(from, true);
        while (size > 0) {
            int u = pop(true);
            mark[u] = epoch + 1;
            if (wanted != null && wanted[u] && --waiting == 0) {
                return;
            }
            for (int e = graph.outStart[u]; e < graph.outStart[u + 1]; e++) {
                int v = graph.outTo[e];
                if (mark[v] == epoch + 1) {
                    continue;
                }
                double cand = lat[u] + (bits / graph.outRate[e] + graph.outDelay[e]);
                if (mark[v] != epoch) {
                    mark[v] = epoch;
                    lat[v] = cand;
                    hops[v] = hops[u] + 1;
                    link[v] = u;
                    push(v, true);
                } else if (forwardBetter(cand, hops[u] + 1, u, v)) {
                    lat[v] = cand;
                    hops[v] = hops[u] + 1;
                    link[v] = u;
                    up(pos[v], true);
                }
            }
        }
    }

    /** Whether the path to {@code v} through {@code u} (latency {@code cand}) beats v's current one. */
    private boolean forwardBetter(double cand, int candHops, int u, int v) {
        if (!Router.tied(cand, lat[v])) {
            return cand < lat[v];
        }
        if (candHops != hops[v]) {
            return candHops < hops[v];
        }
        // Same length: the paths end in v, so the one whose prefix is smaller wins.
        return comparePrefixes(u, link[v]) < 0;
    }

    /** Lexicographic order of the current paths to {@code a} and {@code b}, which have equally many hops. */
    private int comparePrefixes(int a, int b) {
        if (a == b) {
            return 0;
        }
        if (link[a] >= 0) {
            int c = comparePrefixes(link[a], link[b]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a, b);
    }

    /** Router's label order between two open (or settled) nodes of a forward search. */
    private boolean forwardBefore(int a, int b) {
        if (!Router.tied(lat[a], lat[b])) {
            return lat[a] < lat[b];
        }
        if (hops[a] != hops[b]) {
            return hops[a] < hops[b];
        }
        return comparePrefixes(a, b) < 0;
    }

    private int[] forwardPath(int to) {
        int[] path = new int[hops[to] + 1];
        for (int v = to, i = path.length - 1; v >= 0; v = link[v]) {
            path[i--] = v;
        }
        return path;
    }

    // ---- the backward search from the sink -------------------------------------------------------

    /** For every node, the next node of its route to the sink for {@code bits} (−1: none; the sink: itself). */
    private int[] sinkTree(double bits) {
        int[] next = sinkTrees.get(bits);
        if (next != null) {
            return next;
        }
        scratch.epoch += 2;
        epoch = scratch.epoch;
        size = 0;
        lat[sink] = 0.0;
        hops[sink] = 0;
        link[sink] = sink;
        mark[sink] = epoch;
        push(sink, false);
        while (size > 0) {
            int v = pop(false);
            mark[v] = epoch + 1;
            for (int e = graph.inStart[v]; e < graph.inStart[v + 1]; e++) {
                int u = graph.inFrom[e];
                if (mark[u] == epoch + 1) {
                    continue;
                }
                double cand = (bits / graph.inRate(e) + graph.inDelay(e)) + lat[v];
                if (mark[u] != epoch) {
                    mark[u] = epoch;
                    lat[u] = cand;
                    hops[u] = hops[v] + 1;
                    link[u] = v;
                    push(u, false);
                } else if (backwardBetter(cand, hops[v] + 1, v, u)) {
                    lat[u] = cand;
                    hops[u] = hops[v] + 1;
                    link[u] = v;
                    up(pos[u], false);
                }
            }
        }
        next = new int[n];
        for (int v = 0; v < n; v++) {
            next[v] = mark[v] == epoch + 1 ? link[v] : -1;
        }
        sinkTrees.put(bits, next);
        return next;
    }

    /**
     * Whether {@code u}'s path through the next node {@code v} beats its current one: the paths
     * start with u, so between equally long ones the smaller second node decides (a parallel link
     * to the same next node gives the same path).
     */
    private boolean backwardBetter(double cand, int candHops, int v, int u) {
        if (!Router.tied(cand, lat[u])) {
            return cand < lat[u];
        }
        if (candHops != hops[u]) {
            return candHops < hops[u];
        }
        return v < link[u];
    }

    /** Settling order of the backward search: latency within the tolerance, hops, index. */
    private boolean backwardBefore(int a, int b) {
        if (!Router.tied(lat[a], lat[b])) {
            return lat[a] < lat[b];
        }
        if (hops[a] != hops[b]) {
            return hops[a] < hops[b];
        }
        return a < b;
    }

    // ---- an indexed binary heap over the open nodes ----------------------------------------------

    private boolean before(int a, int b, boolean forward) {
        return forward ? forwardBefore(a, b) : backwardBefore(a, b);
    }

    private void push(int v, boolean forward) {
        heap[size] = v;
        pos[v] = size;
        size++;
        up(size - 1, forward);
    }

    private int pop(boolean forward) {
        int top = heap[0];
        size--;
        if (size > 0) {
            heap[0] = heap[size];
            pos[heap[0]] = 0;
            down(0, forward);
        }
        return top;
    }

    private void up(int i, boolean forward) {
        int v = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = heap[parent];
            if (!before(v, p, forward)) {
                break;
            }
            heap[i] = p;
            pos[p] = i;
            i = parent;
        }
        heap[i] = v;
        pos[v] = i;
    }

    private void down(int i, boolean forward) {
        int v = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child], forward)) {
                child++;
            }
            if (!before(heap[child], v, forward)) {
                break;
            }
            heap[i] = heap[child];
            pos[heap[i]] = i;
            i = child;
        }
        heap[i] = v;
        pos[v] = i;
    }

    // ---- routes ----------------------------------------------------------------------------------

    /** The route along {@code path}, summed in hop order with Router's choice among parallel links. */
    private Route build(int[] path, double bits) {
        List<String> names = new ArrayList<>(path.length);
        List<Route.Leg> legs = new ArrayList<>(path.length - 1);
        double latency = 0.0;
        double max = 0.0;
        names.add(topology.names[path[0]]);
        for (int i = 1; i < path.length; i++) {
            int e = graph.bestEdge(path[i - 1], path[i], bits);
            double tau = bits / graph.outRate[e];
            legs.add(new Route.Leg(topology.names[path[i - 1]], topology.names[path[i]], tau, graph.outDelay[e]));
            latency += tau + graph.outDelay[e];
            max = Math.max(max, tau);
            names.add(topology.names[path[i]]);
        }
        return new Route(names, bits, legs, latency, max);
    }

    @Override
    public String toString() {
        return "WindowRouter" + Arrays.toString(new int[] {n, graph.outTo.length});
    }
}
