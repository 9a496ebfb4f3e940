package io.satc.compiler.plan;

import io.satc.compiler.lower.Link;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One set of directed links over a topology's nodes (by index, in name order), as flat arrays:
 * each node's outgoing links and, for searches towards a node, its incoming ones. The outgoing
 * links of a node are sorted as {@link Topology} sorts them (neighbour, then rate descending, then
 * delay), so routes over a graph equal the {@link Router}'s over the same links. Two graphs are
 * equal when they hold the same links, whatever order they were given in: cost model 2 computes
 * routes once per distinct graph, not once per window.
 *
 * <p>The windows of a constellation mostly differ in their links' delays only, so graphs built
 * with one {@link Arrays} interner share every array whose content is the same (the structure, and
 * usually the rates); the incoming links are indices into the outgoing ones.
 */
final class LinkGraph {

    /** Outgoing links of node {@code v}: indices {@code outStart[v] .. outStart[v+1]-1}. */
    final int[] outStart;

    final int[] outTo;
    final double[] outRate;
    final double[] outDelay;
    /** Incoming links of node {@code v}: {@code inStart[v] .. inStart[v+1]-1}, senders ascending. */
    final int[] inStart;

    final int[] inFrom;
    /** Per incoming link: its index among the outgoing ones (for its rate and delay). */
    final int[] inEdge;

    private final int hash;

    /**
     * Shares equal arrays between the graphs of one horizon, and remembers the index of every node
     * name object it has looked up (the windows of one schedule name their nodes with the same
     * strings, so most lookups are one identity hash).
     */
    static final class Interner {
        private final Map<Key, Object> seen = new HashMap<>();
        private final Map<String, Integer> names = new IdentityHashMap<>();

        /** An {@code int[]} or {@code double[]} compared by content. */
        private record Key(Object array) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Key k && Arrays.deepEquals(new Object[] {array}, new Object[] {k.array});
            }

            @Override
            public int hashCode() {
                return Arrays.deepHashCode(new Object[] {array});
            }
        }

        @SuppressWarnings("unchecked")
        <A> A of(A array) {
            return (A) seen.computeIfAbsent(new Key(array), k -> k.array);
        }

        int index(Topology topology, String name) {
            Integer i = names.get(name);
            if (i == null) {
                i = topology.indexOf(name);
                names.put(name, i);
            }
            return i;
        }
    }

    LinkGraph(Topology topology, List<Link> links) {
        this(topology, links, new Interner());
    }

    LinkGraph(Topology topology, List<Link> links, Interner interner) {
        int n = topology.size();
        int m = links.size();
        int[] from = new int[m];
        int[] to = new int[m];
        double[] rate = new double[m];
        double[] delay = new double[m];
        for (int i = 0; i < m; i++) {
            Link l = links.get(i);
            from[i] = interner.index(topology, l.from());
            to[i] = interner.index(topology, l.to());
            rate[i] = l.rateBitsPerSecond();
            delay[i] = l.propagationSeconds();
        }
        // Counting sort by sender, then each sender's few links by (neighbour, rate desc, delay), stably.
        int[] start = new int[n + 1];
        for (int i = 0; i < m; i++) {
            start[from[i] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            start[v + 1] += start[v];
        }
        int[] order = new int[m];
        int[] fill = Arrays.copyOf(start, n);
        for (int i = 0; i < m; i++) {
            order[fill[from[i]]++] = i;
        }
        for (int v = 0; v < n; v++) {
            for (int k = start[v] + 1; k < start[v + 1]; k++) {
                int e = order[k];
                int j = k - 1;
                while (j >= start[v] && after(to, rate, delay, order[j], e)) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = e;
            }
        }
        int[] outTo = new int[m];
        double[] outRate = new double[m];
        double[] outDelay = new double[m];
        for (int k = 0; k < m; k++) {
            outTo[k] = to[order[k]];
            outRate[k] = rate[order[k]];
            outDelay[k] = delay[order[k]];
        }
        // Incoming links by receiver; walking the outgoing ones in order keeps senders ascending.
        int[] inStart = new int[n + 1];
        for (int k = 0; k < m; k++) {
            inStart[outTo[k] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            inStart[v + 1] += inStart[v];
        }
        int[] inFrom = new int[m];
        int[] inEdge = new int[m];
        int[] at = Arrays.copyOf(inStart, n);
        for (int v = 0; v < n; v++) {
            for (int k = start[v]; k < start[v + 1]; k++) {
                int slot = at[outTo[k]]++;
                inFrom[slot] = v;
                inEdge[slot] = k;
            }
        }
        this.outStart = interner.of(start);
        this.outTo = interner.of(outTo);
        this.outRate = interner.of(outRate);
        this.outDelay = interner.of(outDelay);
        this.inStart = interner.of(inStart);
        this.inFrom = interner.of(inFrom);
        this.inEdge = interner.of(inEdge);
        int h = Arrays.hashCode(this.outStart);
        h = 31 * h + Arrays.hashCode(this.outTo);
        h = 31 * h + Arrays.hashCode(this.outRate);
        hash = 31 * h + Arrays.hashCode(this.outDelay);
    }

    /** Whether link {@code a} sorts after link {@code b} among one sender's links. */
    private static boolean after(int[] to, double[] rate, double[] delay, int a, int b) {
        if (to[a] != to[b]) {
            return to[a] > to[b];
        }
        int c = Double.compare(rate[b], rate[a]);
        if (c == 0) {
            c = Double.compare(delay[a], delay[b]);
        }
        return c > 0;
    }

    int nodeCount() {
        return outStart.length - 1;
    }

    /** Rate of incoming link {@code k}. */
    double inRate(int k) {
        return outRate[inEdge[k]];
    }

    /** Delay of incoming link {@code k}. */
    double inDelay(int k) {
        return outDelay[inEdge[k]];
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
