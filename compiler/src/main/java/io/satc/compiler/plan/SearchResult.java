package io.satc.compiler.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The outcome of a planning call: a plan, or the reasons no plan exists. Never null. */
public sealed interface SearchResult permits SearchResult.Found, SearchResult.Infeasible {

    /** Work done by the search. */
    SearchStats stats();

    /**
     * The best plan under the cost model's order (optimal when {@code stats().gap() == 0}), with
     * the evaluation the search chose it by, so that callers need not evaluate it again.
     *
     * @param evaluation  the chosen plan as the reference evaluator sees it in the searched problem;
     *                    under cost model 2, in its worst window (the cost-model-1 figures of a
     *                    plan over a horizon describe that window)
     * @param stats       search statistics
     * @param horizon     under cost model 2, the plan over the whole horizon: every window, the
     *                    latency, dark time and coverage; empty under cost model 1
     */
    record Found(Evaluation evaluation, SearchStats stats, Optional<HorizonEvaluation> horizon)
            implements SearchResult {

        public Found {
            Objects.requireNonNull(evaluation, "evaluation");
            Objects.requireNonNull(horizon, "horizon");
        }

        /** A cost-model-1 result. */
        public Found(Evaluation evaluation, SearchStats stats) {
            this(evaluation, stats, Optional.empty());
        }

        /** A cost-model-2 result: the worst window's evaluation stands for the plan's cost-model-1 figures. */
        public Found(HorizonEvaluation horizon, SearchStats stats) {
            this(horizon.worst(), stats, Optional.of(horizon));
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
