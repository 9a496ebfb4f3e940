package io.satc.compiler.plan;

import io.satc.compiler.lower.Link;
import java.util.Arrays;
import java.util.List;

/**
 * One set of directed links over a topology's nodes (by index, in name order), as flat arrays:
 * each node's outgoing links and, for searches towards a node, its incoming ones. The outgoing
 * links of a node are sorted as {@link Topology} sorts them (neighbour, then rate descending, then
 * delay), so routes over a graph equal the {@link Router}'s over the same links. Two graphs are
 * equal when they hold the same links, whatever order they were given in: cost model 2 computes
 * routes once per distinct graph, not once per window.
 */
final class LinkGraph {

    /** Outgoing links of node {@code v}: indices {@code outStart[v] .. outStart[v+1]-1}. */
    final int[] outStart;

    final int[] outTo;
    final double[] outRate;
    final double[] outDelay;
    /** Incoming links of node {@code v}: indices {@code inStart[v] .. inStart[v+1]-1}, senders ascending. */
    final int[] inStart;

    final int[] inFrom;
    final double[] inRate;
    final double[] inDelay;

    private final int hash;

    LinkGraph(Topology topology, List<Link> links) {
        int n = topology.size();
        int m = links.size();
        if (n >= 1 << 21 || m >= 1 << 21) {
            throw new IllegalArgumentException("at most 2^21 nodes and links per window");
        }
        int[] from = new int[m];
        int[] to = new int[m];
        double[] rate = new double[m];
        double[] delay = new double[m];
        for (int i = 0; i < m; i++) {
            Link l = links.get(i);
            from[i] = topology.indexOf(l.from());
            to[i] = topology.indexOf(l.to());
            rate[i] = l.rateBitsPerSecond();
            delay[i] = l.propagationSeconds();
        }
        int[] byOut = sortedIndices(m, from, to, rate, delay);
        outStart = new int[n + 1];
        outTo = new int[m];
        outRate = new double[m];
        outDelay = new double[m];
        for (int k = 0; k < m; k++) {
            int i = byOut[k];
            outStart[from[i] + 1]++;
            outTo[k] = to[i];
            outRate[k] = rate[i];
            outDelay[k] = delay[i];
        }
        for (int v = 0; v < n; v++) {
            outStart[v + 1] += outStart[v];
        }
        int[] byIn = sortedIndices(m, to, from, rate, delay);
        inStart = new int[n + 1];
        inFrom = new int[m];
        inRate = new double[m];
        inDelay = new double[m];
        for (int k = 0; k < m; k++) {
            int i = byIn[k];
            inStart[to[i] + 1]++;
            inFrom[k] = from[i];
            inRate[k] = rate[i];
            inDelay[k] = delay[i];
        }
        for (int v = 0; v < n; v++) {
            inStart[v + 1] += inStart[v];
        }
        int h = Arrays.hashCode(outStart);
        h = 31 * h + Arrays.hashCode(outTo);
        h = 31 * h + Arrays.hashCode(outRate);
        hash = 31 * h + Arrays.hashCode(outDelay);
    }

    /**
     * Links ordered by (key node, other node, rate descending, delay), exact duplicates in input
     * order: a primitive sort on the node pair, then the rare runs of parallel links by rate and delay.
     */
    private static int[] sortedIndices(int m, int[] key, int[] other, double[] rate, double[] delay) {
        long[] packed = new long[m];
        for (int i = 0; i < m; i++) {
            packed[i] = (((long) key[i] << 21 | other[i]) << 21) | i;
        }
        Arrays.sort(packed);
        int[] idx = new int[m];
        for (int k = 0; k < m; k++) {
            idx[k] = (int) (packed[k] & ((1 << 21) - 1));
        }
        for (int lo = 0; lo < m; ) {
            int hi = lo + 1;
            while (hi < m && key[idx[hi]] == key[idx[lo]] && other[idx[hi]] == other[idx[lo]]) {
                hi++;
            }
            if (hi - lo > 1) {
                Integer[] run = new Integer[hi - lo];
                for (int k = lo; k < hi; k++) {
                    run[k - lo] = idx[k];
                }
                Arrays.sort(run, (a, b) -> {
                    int c = Double.compare(rate[b], rate[a]);
                    return c != 0 ? c : Double.compare(delay[a], delay[b]);
                });
                for (int k = lo; k < hi; k++) {
                    idx[k] = run[k - lo];
                }
            }
            lo = hi;
        }
        return idx;
    }

    int nodeCount() {
        return outStart.length - 1;
    }

    /**
     * The link a route takes from {@code from} to its neighbour {@code to} for {@code bits}: the first
     * (in sorted order) of the parallel links with the least {@code bits / rate + delay}, as
     * {@link Router} picks it; −1 when there is none.
     */
    int bestEdge(int from, int to, double bits) {
        int best = -1;
        for (int e = outStart[from]; e < outStart[from + 1]; e++) {
            if (outTo[e] == to
                    && (best < 0 || bits / outRate[e] + outDelay[e] < bits / outRate[best] + outDelay[best])) {
                best = e;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkGraph g
                && g.hash == hash
                && Arrays.equals(g.outStart, outStart)
                && Arrays.equals(g.outTo, outTo)
                && Arrays.equals(g.outRate, outRate)
                && Arrays.equals(g.outDelay, outDelay);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
