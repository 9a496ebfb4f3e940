package io.satc.compiler.plan;

/**
 * How much work a search did and how close to optimal its answer is proven to be.
 *
 * @param expanded     labels taken from the open list and expanded
 * @param generated    labels created (including those pruned on creation)
 * @param timeMillis   wall-clock time; measured, not part of the deterministic result
 * @param gap          {@code (T − lower bound) / T} for the returned plan: 0 when proven optimal
 * @param prunedNodes  under cost model 2, the nodes with compute that no plan as fast as an
 *                     incumbent can use, so the search never placed a stage on them; 0 otherwise
 */
public record SearchStats(long expanded, long generated, long timeMillis, double gap, int prunedNodes) {

    /** Statistics of a search that pruned no node. */
    public SearchStats(long expanded, long generated, long timeMillis, double gap) {
        this(expanded, generated, timeMillis, gap, 0);
    }
}
