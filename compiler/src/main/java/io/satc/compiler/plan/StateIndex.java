package io.satc.compiler.plan;

/**
 * The dense numbering of the search's states {@code (j, x, c)}: units {@code 0..j} run
 * ({@code j = −1} before the first stage), their output held on node {@code x} and to be sent with
 * codec {@code c} ({@code −1} for the raw input and for goals). Labels, their routes and the
 * completion frontiers are all keyed by it.
 *
 * @param units   number of model units {@code n}
 * @param nodes   number of nodes, indexed in name order
 * @param codecs  number of codecs of the search, indexed in name order
 */
record StateIndex(int units, int nodes, int codecs) {

    /** Number of states: every {@code j = −1..n−1}, node and codec (or none). */
    int size() {
        return (units + 1) * nodes * (codecs + 1);
    }

    /** The first codec a state after unit {@code unit} can carry: −1 (none) at the start, else 0. */
    int firstCodec(int unit) {
        return unit < 0 ? -1 : 0;
    }

    /** One past the last codec a state after unit {@code unit} can carry. */
    int codecEnd(int unit) {
        return unit < 0 ? 0 : codecs;
    }

    /** The index of state {@code (unit, node, codec)}, in {@code 0..size()−1}. */
    int of(int unit, int node, int codec) {
        return ((unit + 1) * nodes + node) * (codecs + 1) + (codec + 1);
    }
}
