package io.satc.compiler.codegen;

import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.plan.BaselineResult;
import io.satc.compiler.plan.Evaluation;
import io.satc.compiler.plan.SearchResult;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code satc plan} knows about one mission: the numeric problem, the search result,
 * the optimum re-evaluated by the reference evaluator (when feasible), and the baselines.
 */
public record PlanOutcome(PlacementProblem problem, SearchResult result, Optional<Evaluation> evaluation, List<BaselineResult> baselines) {
    public PlanOutcome {
        baselines = List.copyOf(baselines);
    }

    public boolean feasible() {
        return result instanceof SearchResult.Found;
    }
}
