package io.satc.compiler.codegen;

import io.satc.compiler.lower.Lowerer;
import io.satc.compiler.lower.Lowering;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.plan.Baselines;
import io.satc.compiler.plan.Evaluation;
import io.satc.compiler.plan.Evaluator;
import io.satc.compiler.plan.Planner;
import io.satc.compiler.plan.SearchResult;
import io.satc.compiler.sema.AnalyzedMission;
import java.util.List;
import java.util.Optional;

/** The planning pipeline after analysis: lower, search, re-evaluate, baselines. */
public final class MissionPlanning {

    /** Either an outcome, or why the mission cannot be planned (not "infeasible": unsupported). */
    public sealed interface Result permits Planned, NotPlannable {
    }

    public record Planned(PlanOutcome outcome) implements Result {
    }

    public record NotPlannable(List<String> reasons) implements Result {
    }

    private MissionPlanning() {
    }

    public static Result plan(AnalyzedMission mission) {
        Lowering lowering = Lowerer.lower(mission);
        if (lowering instanceof Lowering.Unsupported u) {
            return new NotPlannable(u.reasons());
        }
        PlacementProblem problem = ((Lowering.Lowered) lowering).problem();
        return new Planned(plan(problem));
    }

    public static PlanOutcome plan(PlacementProblem problem) {
        SearchResult result = Planner.plan(problem);
        Optional<Evaluation> evaluation = result instanceof SearchResult.Found f
                ? Optional.of(Evaluator.evaluate(problem, f.plan())) : Optional.empty();
        return new PlanOutcome(problem, result, evaluation, Baselines.compute(problem, result));
    }
}
