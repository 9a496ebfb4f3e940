package io.satc.compiler.plan;

import java.util.List;

/** The outcome of a planning call: a plan, or the reasons no plan exists. Never null. */
public sealed interface SearchResult permits SearchResult.Found, SearchResult.Infeasible {

    /** Work done by the search. */
    SearchStats stats();

    /**
     * The best plan under the cost model's order (optimal when {@code stats().gap() == 0}).
     *
     * @param plan   the chosen plan
     * @param stats  search statistics
     */
    record Found(Plan plan, SearchStats stats) implements SearchResult {}

    /**
     * No plan satisfies the constraints.
     *
     * @param reasons  sentences naming each binding constraint and by how much it binds
     * @param stats    search statistics
     */
    record Infeasible(List<String> reasons, SearchStats stats) implements SearchResult {

        public Infeasible {
            reasons = List.copyOf(reasons);
        }
    }
}
