package io.satc.compiler.plan;

import java.util.List;
import java.util.Optional;

/**
 * One baseline of cost model §5, reported beside the optimum whether or not it is feasible.
 *
 * @param name            {@code ground-only}, {@code single-satellite}, {@code uniform},
 *                        {@code proportional}, {@code no-compression} or {@code fixed-<codec>}
 * @param feasible        whether the baseline's plan satisfies every constraint
 * @param latencySeconds  the plan's latency; infinite when there is no plan
 * @param commBytes       the plan's communication volume; NaN when there is no plan
 * @param evaluation      the evaluated plan, present whenever the baseline defines one (even an
 *                        infeasible one, so the report can show what breaks)
 * @param reasons         why it is infeasible; empty when feasible
 */
public record BaselineResult(
        String name,
        boolean feasible,
        double latencySeconds,
        double commBytes,
        Optional<Evaluation> evaluation,
        List<String> reasons) {

    public BaselineResult {
        reasons = List.copyOf(reasons);
    }

    static BaselineResult of(String name, Evaluation e) {
        return new BaselineResult(
                name,
                e.feasible(),
                e.latencySeconds(),
                e.commBytes(),
                Optional.of(e),
                e.violations().stream().map(Violation::message).toList());
    }

    /** A baseline over a horizon (cost model 2): its latency, and its worst window's volume and figures. */
    static BaselineResult of(String name, HorizonEvaluation e) {
        return new BaselineResult(
                name,
                e.feasible(),
                e.latencySeconds(),
                e.worst().commBytes(),
                Optional.of(e.worst()),
                e.violations().stream().map(Violation::message).toList());
    }

    static BaselineResult without(String name, List<String> reasons) {
        return new BaselineResult(name, false, Double.POSITIVE_INFINITY, Double.NaN, Optional.empty(), reasons);
    }
}
