package io.satc.compiler.plan;

import io.satc.compiler.lower.PlacementProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference implementation of cost model 2 (shared/spec/orbits.md §4, docs/cost-model.md): a
 * plan is evaluated by cost model 1 in every window, over that window's links, and the windows are
 * combined into the plan's latency, means, dark time and coverage. Windows with the same links
 * share one evaluation.
 */
public final class HorizonEvaluator {

    private final WindowClasses horizon;
    private final Evaluator[] byClass;

    /** An evaluator for plans of {@code problem}, which must have a schedule. */
    public HorizonEvaluator(PlacementProblem problem) {
        this(new WindowClasses(problem));
    }

    HorizonEvaluator(WindowClasses horizon) {
        this.horizon = horizon;
        this.byClass = new Evaluator[horizon.classCount()];
        for (int c = 0; c < byClass.length; c++) {
            byClass[c] = new Evaluator(horizon.topology, horizon.routers[c]);
        }
    }

    /** The windows and their classes this evaluator works over. */
    WindowClasses classes() {
        return horizon;
    }

    /** Evaluates {@code plan} against {@code problem}, which must have a schedule. */
    public static HorizonEvaluation evaluate(PlacementProblem problem, Plan plan) {
        return new HorizonEvaluator(problem).evaluate(plan);
    }

    /** Evaluates a plan in every window; a malformed plan throws as {@link Evaluator#evaluate} does. */
    public HorizonEvaluation evaluate(Plan plan) {
        Evaluation[] perClass = new Evaluation[byClass.length];
        List<List<List<String>>> routesOf = new ArrayList<>();
        for (int c = 0; c < byClass.length; c++) {
            perClass[c] = byClass[c].evaluate(plan);
            routesOf.add(routes(perClass[c]));
        }
        List<WindowEvaluation> windows = new ArrayList<>();
        int worst = -1;
        double latency = Double.NEGATIVE_INFINITY;
        double covered = 0.0;
        double dark = 0.0;
        for (int w = 0; w < horizon.windowCount(); w++) {
            int c = horizon.classOf[w];
            Evaluation e = perClass[c];
            boolean isDark = e.violations().stream().anyMatch(v -> v.kind() == Violation.Kind.UNREACHABLE);
            windows.add(new WindowEvaluation(horizon.start[w], horizon.end[w], isDark, e, routesOf.get(c)));
            if (isDark) {
                dark += horizon.duration[w];
                continue;
            }
            covered += horizon.duration[w];
            if (e.latencySeconds() > latency) {
                latency = e.latencySeconds();
                worst = w;
            }
        }
        // Weights summing to the covered time's fraction, so that one window's mean is its latency exactly.
        double weighted = 0.0;
        double weightedVolume = 0.0;
        for (int w = 0; w < horizon.windowCount(); w++) {
            if (!windows.get(w).dark()) {
                double share = horizon.duration[w] / covered;
                weighted += share * windows.get(w).evaluation().latencySeconds();
                weightedVolume += share * windows.get(w).evaluation().commBytes();
            }
        }
        List<Violation> violations = new ArrayList<>();
        for (Violation v : perClass[0].violations()) {
            if (v.kind() != Violation.Kind.UNREACHABLE) {
                violations.add(v);
            }
        }
        if (worst < 0) {
            violations.add(new Violation(
                    Violation.Kind.UNREACHABLE,
                    "No window of the horizon has a route for every transfer of the plan.",
                    1));
            return new HorizonEvaluation(
                    plan, windows, 0, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN, dark, 0.0, violations);
        }
        return new HorizonEvaluation(
                plan,
                windows,
                worst,
                latency,
                weighted,
                weightedVolume,
                dark,
                covered / horizon.schedule.durationSeconds(),
                violations);
    }

    /** The node lists of a plan's transfers in one window, derived from its hops; empty where there is no route. */
    private List<List<String>> routes(Evaluation e) {
        Plan plan = e.plan();
        int k = plan.stageCount();
        List<List<String>> routes = new ArrayList<>();
        for (int t = 0; t <= k; t++) {
            String from =
                    t == 0 ? horizon.problem.source() : plan.stages().get(t - 1).node();
            String to = t == k ? horizon.problem.sink() : plan.stages().get(t).node();
            List<String> nodes = new ArrayList<>();
            for (Resource r : e.resources()) {
                if (r instanceof Resource.Hop hop && hop.transfer() == t) {
                    if (nodes.isEmpty()) {
                        nodes.add(hop.from());
                    }
                    nodes.add(hop.to());
                }
            }
            if (nodes.isEmpty() && from.equals(to)) {
                nodes.add(from);
            }
            routes.add(nodes);
        }
        return routes;
    }
}
