package io.satc.compiler.codegen;

import io.satc.compiler.lower.CalibrationPlan;
import io.satc.compiler.lower.Lowerer;
import io.satc.compiler.lower.Lowering;
import io.satc.compiler.lower.LoweringOptions;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.model.ModelResult;
import io.satc.compiler.model.calibration.CalibrationSet;
import io.satc.compiler.model.calibration.Calibrator;
import io.satc.compiler.plan.Baselines;
import io.satc.compiler.plan.Plan;
import io.satc.compiler.plan.Planner;
import io.satc.compiler.plan.SearchResult;
import io.satc.compiler.sema.AnalyzedMission;
import io.satc.runtime.codec.CodecSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** The planning pipeline after analysis: lower, search, re-evaluate, baselines. */
public final class MissionPlanning {

    /** Either an outcome, or why the mission cannot be planned (not "infeasible": unsupported). */
    public sealed interface Result permits Planned, NotPlannable {}

    public record Planned(PlanOutcome outcome) implements Result {}

    public record NotPlannable(List<String> reasons) implements Result {}

    private MissionPlanning() {}

    /** At most this many re-plans with a tightened budget when the measured loss exceeds the budget. */
    static final int MAX_TIGHTENINGS = 6;

    public static Result plan(AnalyzedMission mission) {
        return plan(mission, LoweringOptions.defaults());
    }

    public static Result plan(AnalyzedMission mission, LoweringOptions options) {
        Lowering lowering = Lowerer.lower(mission, options);
        if (lowering instanceof Lowering.Unsupported u) {
            return new NotPlannable(u.reasons());
        }
        Lowering.Lowered lowered = (Lowering.Lowered) lowering;
        PlanOutcome outcome = plan(lowered.problem());
        if (lowered.calibration().isEmpty() || outcome.evaluation().isEmpty()) {
            return new Planned(withNotes(outcome, OptionalDouble.empty(), lowered.notes()));
        }
        return measured(lowered, outcome);
    }

    /**
     * Runs the plan with all its cuts compressed together on the calibration set (errors
     * compound, so the additive estimate can be off) and, while the measured loss exceeds the
     * budget, re-plans with the per-cut losses held to a tighter budget.
     */
    private static Result measured(Lowering.Lowered lowered, PlanOutcome first) {
        CalibrationPlan calibration = lowered.calibration().orElseThrow();
        PlacementProblem problem = lowered.problem();
        List<String> notes = new ArrayList<>(lowered.notes());
        ModelResult<CalibrationSet> set = CalibrationSet.load(
                calibration.request().text(),
                calibration.request().tokenizer(),
                calibration.request().sequenceLength(),
                calibration.request().maxSamples());
        if (set instanceof ModelResult.Failed<CalibrationSet> f) {
            return new NotPlannable(
                    List.of("Cannot load the calibration data: " + f.error().message()));
        }
        ModelResult<Calibrator> opened = Calibrator.open(
                calibration.request().model(),
                set.orElseThrow(),
                calibration.metric(),
                calibration.request().options());
        if (opened instanceof ModelResult.Failed<Calibrator> f) {
            return new NotPlannable(List.of(
                    "Cannot run the model to measure the plan: " + f.error().message()));
        }
        try (Calibrator calibrator = opened.orElseThrow()) {
            PlanOutcome outcome = first;
            double budget = problem.maxLoss();
            for (int round = 0; ; round++) {
                Plan plan = outcome.evaluation().orElseThrow().plan();
                double loss = measure(calibrator, problem, plan);
                if (Double.isNaN(loss)) {
                    notes.add(
                            "The plan's end-to-end loss cannot be measured: a cut uses a declared codec the runtime cannot execute.");
                    return new Planned(withNotes(outcome, OptionalDouble.empty(), notes));
                }
                if (loss <= problem.maxLoss() + 1e-12 || round == MAX_TIGHTENINGS) {
                    if (loss > problem.maxLoss() + 1e-12) {
                        notes.add(String.format(
                                Locale.ROOT,
                                "The measured loss %.3f %% still exceeds the budget after %d tightenings.",
                                100 * loss,
                                round));
                    }
                    return new Planned(withNotes(outcome, OptionalDouble.of(loss), notes));
                }
                // Scale the budget for the additive estimate by how far the measurement overshot, with a margin.
                double estimate = outcome.evaluation().get().accuracyLoss();
                budget = Math.max(0, Math.min(budget, estimate) * problem.maxLoss() / loss * 0.9);
                notes.add(String.format(
                        Locale.ROOT,
                        "Measured loss %.3f %% exceeded the %.3f %% budget (additive estimate %.3f %%); "
                                + "re-planned with per-cut losses held to %.3f %%.",
                        100 * loss,
                        100 * problem.maxLoss(),
                        100 * estimate,
                        100 * budget));
                PlanOutcome tighter = plan(problem.withMaxLoss(budget));
                if (tighter.evaluation().isEmpty()) {
                    notes.add("No plan fits the tightened budget; keeping the last feasible plan.");
                    return new Planned(withNotes(outcome, OptionalDouble.of(loss), notes));
                }
                // Report against the user's budget, with the plan found under the tighter one: its
                // evaluation holds there too (a plan within the tighter budget is within the user's),
                // but the baselines that follow the optimum's nodes are the user's problem's.
                outcome = new PlanOutcome(problem, tighter.result(), Baselines.compute(problem, tighter.result()));
            }
        }
    }

    private static double measure(Calibrator calibrator, PlacementProblem problem, Plan plan) {
        List<Integer> cuts = new ArrayList<>();
        List<CodecSpec> codecs = new ArrayList<>();
        for (int k = 0; k < plan.stageCount() - 1; k++) {
            cuts.add(plan.stages().get(k).lastUnit());
            Optional<CodecSpec> spec =
                    problem.codec(plan.cutCodecs().get(k)).orElseThrow().kind().spec();
            if (spec.isEmpty()) {
                return Double.NaN; // a declared codec: the runtime cannot execute it, so it cannot be measured
            }
            codecs.add(spec.get());
        }
        ModelResult<Double> loss = calibrator.measure(cuts, codecs);
        return loss instanceof ModelResult.Ok<Double> ok ? ok.value() : Double.NaN;
    }

    private static PlanOutcome withNotes(PlanOutcome o, OptionalDouble measured, List<String> notes) {
        return new PlanOutcome(o.problem(), o.result(), o.baselines(), measured, notes);
    }

    public static PlanOutcome plan(PlacementProblem problem) {
        SearchResult result = Planner.plan(problem);
        return new PlanOutcome(problem, result, Baselines.compute(problem, result));
    }
}
