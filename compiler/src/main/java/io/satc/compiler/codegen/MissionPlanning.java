package io.satc.compiler.codegen;

import io.satc.compiler.lower.Lowerer;
import io.satc.compiler.lower.Lowering;
import io.satc.compiler.lower.LoweringOptions;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.model.ModelResult;
import io.satc.compiler.model.OnnxModel;
import io.satc.compiler.model.calibration.CalibrationSession;
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

/**
 * The planning pipeline after analysis: lower, search, baselines, and for a calibrated real model
 * the measurement of the chosen plan (from the calibration cache when it was measured before).
 */
public final class MissionPlanning {

    /** Either an outcome, or why the mission cannot be planned (not "infeasible": unsupported). */
    public sealed interface Result permits Planned, NotPlannable {}

    /**
     * A planned mission: the outcome, and for a real model the model as lowering loaded it, so
     * that writing the bundle splits it without reading it again.
     */
    public record Planned(PlanOutcome outcome, Optional<OnnxModel> model) implements Result {}

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
        try {
            PlanOutcome outcome = plan(lowered.problem());
            if (lowered.calibration().isEmpty() || outcome.evaluation().isEmpty()) {
                return new Planned(withNotes(outcome, OptionalDouble.empty(), lowered.notes()), lowered.model());
            }
            return measured(lowered, lowered.calibration().get(), outcome);
        } finally {
            lowered.calibration().ifPresent(CalibrationSession::close);
        }
    }

    /**
     * Measures the plan with all its cuts compressed together on the calibration set (errors
     * compound, so the additive estimate can be off) and, while the measured loss exceeds the
     * budget, re-plans with the per-cut losses held to a tighter budget.
     */
    private static Result measured(Lowering.Lowered lowered, CalibrationSession calibration, PlanOutcome first) {
        PlacementProblem problem = lowered.problem();
        List<String> notes = new ArrayList<>(lowered.notes());
        PlanOutcome outcome = first;
        double budget = problem.maxLoss();
        for (int round = 0; ; round++) {
            Plan plan = outcome.evaluation().orElseThrow().plan();
            Optional<List<CodecSpec>> codecs = codecs(problem, plan);
            if (codecs.isEmpty()) {
                notes.add(
                        "The plan's end-to-end loss cannot be measured: a cut uses a declared codec the runtime cannot execute.");
                return new Planned(withNotes(outcome, OptionalDouble.empty(), notes), lowered.model());
            }
            ModelResult<Double> measured = calibration.measure(cuts(plan), codecs.get());
            if (measured instanceof ModelResult.Failed<Double> f) {
                return new NotPlannable(List.of("Cannot measure the plan on the calibration data: "
                        + f.error().message()));
            }
            double loss = measured.orElseThrow();
            if (loss <= problem.maxLoss() + 1e-12 || round == MAX_TIGHTENINGS) {
                if (loss > problem.maxLoss() + 1e-12) {
                    notes.add(String.format(
                            Locale.ROOT,
                            "The measured loss %.3f %% still exceeds the budget after %d tightenings.",
                            100 * loss,
                            round));
                }
                return new Planned(withNotes(outcome, OptionalDouble.of(loss), notes), lowered.model());
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
                return new Planned(withNotes(outcome, OptionalDouble.of(loss), notes), lowered.model());
            }
            // Report against the user's budget, with the plan found under the tighter one: its
            // evaluation holds there too (a plan within the tighter budget is within the user's),
            // but the baselines that follow the optimum's nodes are the user's problem's.
            outcome = new PlanOutcome(problem, tighter.result(), Baselines.compute(problem, tighter.result()));
        }
    }

    private static List<Integer> cuts(Plan plan) {
        List<Integer> cuts = new ArrayList<>();
        for (int k = 0; k < plan.stageCount() - 1; k++) {
            cuts.add(plan.stages().get(k).lastUnit());
        }
        return cuts;
    }

    /** The runtime codec at each cut, or empty when a cut uses a declared codec (which cannot be measured). */
    private static Optional<List<CodecSpec>> codecs(PlacementProblem problem, Plan plan) {
        List<CodecSpec> codecs = new ArrayList<>();
        for (String name : plan.cutCodecs()) {
            Optional<CodecSpec> spec = problem.codec(name).orElseThrow().kind().spec();
            if (spec.isEmpty()) {
                return Optional.empty();
            }
            codecs.add(spec.get());
        }
        return Optional.of(codecs);
    }

    private static PlanOutcome withNotes(PlanOutcome o, OptionalDouble measured, List<String> notes) {
        return new PlanOutcome(o.problem(), o.result(), o.baselines(), measured, notes);
    }

    public static PlanOutcome plan(PlacementProblem problem) {
        SearchResult result = Planner.plan(problem);
        return new PlanOutcome(problem, result, Baselines.compute(problem, result));
    }
}
