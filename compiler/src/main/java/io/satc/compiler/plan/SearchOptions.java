package io.satc.compiler.plan;

import java.util.List;

/**
 * How to run a search: which codecs cuts may use, whether to use the A* heuristic, and an
 * optional expansion budget after which the best plan so far is returned with its proven gap.
 *
 * @param codecs          names of the codecs cuts may use; empty means every candidate
 * @param heuristic       false runs the same search with a zero heuristic (for benchmarks)
 * @param expansionLimit  stop after this many expansions; {@link Long#MAX_VALUE} for exact search
 */
public record SearchOptions(List<String> codecs, boolean heuristic, long expansionLimit) {

    /** Exact search over every codec with the heuristic. */
    public static final SearchOptions EXACT = new SearchOptions(List.of(), true, Long.MAX_VALUE);

    public SearchOptions {
        codecs = List.copyOf(codecs);
        if (expansionLimit < 1) {
            throw new IllegalArgumentException("expansionLimit must be >= 1");
        }
    }

    /** The same options with cuts restricted to the named codecs. */
    public SearchOptions onlyCodecs(List<String> names) {
        return new SearchOptions(names, heuristic, expansionLimit);
    }

    /** The same options with a zero heuristic. */
    public SearchOptions withoutHeuristic() {
        return new SearchOptions(codecs, false, expansionLimit);
    }

    /** The same options with an expansion budget. */
    public SearchOptions bounded(long limit) {
        return new SearchOptions(codecs, heuristic, limit);
    }
}
