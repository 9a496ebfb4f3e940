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
public record PlanOutcome(
        PlacementProblem problem,
        SearchResult result,
        Optional<Evaluation> evaluation,
        List<BaselineResult> baselines,
        java.util.OptionalDouble measuredLoss,
        List<String> notes) {
    public PlanOutcome {
        baselines = List.copyOf(baselines);
        notes = List.copyOf(notes);
    }

    /** An outcome without calibration measurements. */
    public PlanOutcome(
            PlacementProblem problem,
            SearchResult result,
            Optional<Evaluation> evaluation,
            List<BaselineResult> baselines) {
        this(problem, result, evaluation, baselines, java.util.OptionalDouble.empty(), List.of());
    }

    public boolean feasible() {
        return result instanceof SearchResult.Found;
    }
}
