package io.satc.compiler.plan;

import java.util.List;

/** The outcome of a planning call: a plan, or the reasons no plan exists. Never null. */
public sealed interface SearchResult permits SearchResult.Found, SearchResult.Infeasible {

    /** Work done by the search. */
    SearchStats stats();

    /**
     * The best plan under the cost model's order (optimal when {@code stats().gap() == 0}), with
     * the evaluation the search chose it by, so that callers need not evaluate it again.
     *
     * @param evaluation  the chosen plan as the reference evaluator sees it in the searched problem
     * @param stats       search statistics
     */
    record Found(Evaluation evaluation, SearchStats stats) implements SearchResult {

        public Found {
            java.util.Objects.requireNonNull(evaluation, "evaluation");
        }

        /** The chosen plan. */
        public Plan plan() {
            return evaluation.plan();
        }
    }

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
