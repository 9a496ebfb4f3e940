package io.satc.compiler.plan;

import java.util.List;

/**
 * Everything cost model 2 says about one plan over the horizon (shared/spec/orbits.md §4): the plan
 * in every window, its latency (the worst non-dark window's), the duration-weighted means that break
 * ties, and how much of the horizon it covers.
 *
 * @param plan                the plan evaluated
 * @param windows             one entry per window of the schedule, in time order
 * @param worstWindow         index of the window the cost-model-1 figures describe: the non-dark
 *                            window of largest latency, the earliest of equal ones (0 when all are dark)
 * @param latencySeconds      {@code T}: the largest latency over the non-dark windows; infinite when all are dark
 * @param meanLatencySeconds  the duration-weighted mean latency over the non-dark windows (NaN when all are dark)
 * @param meanCommBytes       the duration-weighted mean communication volume over the non-dark windows
 * @param darkSeconds         summed length of the dark windows
 * @param coverage            the fraction of the horizon that is not dark
 * @param violations          the placement's broken constraints (memory, accuracy, nodes, stage limit)
 *                            and, when every window is dark, that one; empty for a feasible plan
 */
public record HorizonEvaluation(
        Plan plan,
        List<WindowEvaluation> windows,
        int worstWindow,
        double latencySeconds,
        double meanLatencySeconds,
        double meanCommBytes,
        double darkSeconds,
        double coverage,
        List<Violation> violations) {

    public HorizonEvaluation {
        windows = List.copyOf(windows);
        violations = List.copyOf(violations);
    }

    /** Whether the placement satisfies every constraint and some window routes every transfer. */
    public boolean feasible() {
        return violations.isEmpty();
    }

    /** Cost model 1 in the worst window: the plan's volume, bottleneck, memory, routes and loss. */
    public Evaluation worst() {
        return windows.get(worstWindow).evaluation();
    }

    /** The predicted accuracy loss (the same in every window). */
    public double accuracyLoss() {
        return worst().accuracyLoss();
    }
}
