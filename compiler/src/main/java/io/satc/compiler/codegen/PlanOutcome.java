package io.satc.compiler.codegen;

import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.plan.BaselineResult;
import io.satc.compiler.plan.Evaluation;
import io.satc.compiler.plan.HorizonEvaluation;
import io.satc.compiler.plan.SearchResult;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything {@code satc plan} knows about one mission: the numeric problem, the search result
 * (whose optimum carries its evaluation, when feasible), the baselines, the plan's measured
 * end-to-end loss when it was measured, and notes for the user.
 */
public record PlanOutcome(
        PlacementProblem problem,
        SearchResult result,
        List<BaselineResult> baselines,
        OptionalDouble measuredLoss,
        List<String> notes) {
    public PlanOutcome {
        baselines = List.copyOf(baselines);
        notes = List.copyOf(notes);
    }

    /** An outcome without calibration measurements. */
    public PlanOutcome(PlacementProblem problem, SearchResult result, List<BaselineResult> baselines) {
        this(problem, result, baselines, OptionalDouble.empty(), List.of());
    }

    /** The optimum as the reference evaluator sees it, when there is one. */
    public Optional<Evaluation> evaluation() {
        return result instanceof SearchResult.Found found ? Optional.of(found.evaluation()) : Optional.empty();
    }

    /** Under cost model 2, the optimum over the horizon: every window, coverage, dark time. */
    public Optional<HorizonEvaluation> horizon() {
        return result instanceof SearchResult.Found found ? found.horizon() : Optional.empty();
    }

    public boolean feasible() {
        return result instanceof SearchResult.Found;
    }
}
