package io.satc.compiler.plan;

import java.util.Arrays;

/**
 * Plain shortest-path latencies (no tie-breaks, no paths) for one payload over a {@link LinkGraph}:
 * the least {@code Σ (D/R + P)} from a node to every node, or from every node to a node. Cost model
 * 2 uses them only as lower bounds: a route's latency, summed in hop order, is at least the
 * forward distance of its path; distances towards a node sum in the other order and are therefore
 * lowered by a relative 1e−12 wherever they bound anything.
 */
final class Distances {

    private Distances() {}

    /** Least latency from {@code from} to every node for {@code bits} (+∞ where unreachable). */
    static double[] from(LinkGraph g, int from, double bits) {
        return run(g, from, bits, true);
    }

    /** Least latency from every node to {@code to} for {@code bits} (+∞ where it cannot reach). */
    static double[] to(LinkGraph g, int to, double bits) {
        return run(g, to, bits, false);
    }

    private static double[] run(LinkGraph g, int origin, double bits, boolean forward) {
        int n = g.nodeCount();
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        boolean[] done = new boolean[n];
        // A binary heap of (distance, node) with lazy deletion.
        double[] keys = new double[Math.max(16, 2 * n)];
        int[] nodes = new int[keys.length];
        int size = 0;
        dist[origin] = 0.0;
        keys[0] = 0.0;
        nodes[0] = origin;
        size = 1;
        int[] start = forward ? g.outStart : g.inStart;
        int[] other = forward ? g.outTo : g.inFrom;
        while (size > 0) {
            double d = keys[0];
            int u = nodes[0];
            size--;
            if (size > 0) {
                double k = keys[size];
                int v = nodes[size];
                int i = 0;
                while (true) {
                    int c = 2 * i + 1;
                    if (c >= size) {
                        break;
                    }
                    if (c + 1 < size && keys[c + 1] < keys[c]) {
                        c++;
                    }
                    if (keys[c] >= k) {
                        break;
                    }
                    keys[i] = keys[c];
                    nodes[i] = nodes[c];
                    i = c;
                }
                keys[i] = k;
                nodes[i] = v;
            }
            if (done[u] || d > dist[u]) {
                continue;
            }
            done[u] = true;
            for (int e = start[u]; e < start[u + 1]; e++) {
                int v = other[e];
                int link = forward ? e : g.inEdge[e];
                double hop = bits / g.outRate[link] + g.outDelay[link];
                double cand = forward ? d + hop : hop + d;
                if (cand < dist[v]) {
                    dist[v] = cand;
                    if (size == keys.length) {
                        keys = Arrays.copyOf(keys, 2 * size);
                        nodes = Arrays.copyOf(nodes, 2 * size);
                    }
                    int i = size++;
                    while (i > 0) {
                        int p = (i - 1) >>> 1;
                        if (keys[p] <= cand) {
                            break;
                        }
                        keys[i] = keys[p];
                        nodes[i] = nodes[p];
                        i = p;
                    }
                    keys[i] = cand;
                    nodes[i] = v;
                }
            }
        }
        return dist;
    }
}
