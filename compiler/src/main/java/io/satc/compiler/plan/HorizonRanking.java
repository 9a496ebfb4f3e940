package io.satc.compiler.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The order cost model 2 puts on feasible plans (docs/cost-model.md, "Cost model 2"): smallest
 * latency {@code T} (ties within 1e-9 relative of the smallest), then smallest duration-weighted
 * mean latency (ties within 1e-9 relative of the smallest among the tied plans), then cost model
 * 1's remaining tie-breaks with the volume taken as its duration-weighted mean: volume, accuracy
 * loss, stage count and the stage list.
 *
 * <p>Each tolerance band is measured against the smallest value of the set it is taken from, so the
 * choice is well defined although tolerance-equality is not transitive. With a single window this
 * is exactly {@link PlanRanking}.
 */
public final class HorizonRanking {

    /** Orders plans tied in latency and mean latency: by mean volume, loss, stage count, then stage list. */
    public static final Comparator<HorizonEvaluation> TIE_BREAK = Comparator.comparingDouble(
                    HorizonEvaluation::meanCommBytes)
            .thenComparingDouble(HorizonEvaluation::accuracyLoss)
            .thenComparingInt((HorizonEvaluation e) -> e.plan().stageCount())
            .thenComparing(HorizonEvaluation::plan, PlanRanking::compareStageLists);

    private HorizonRanking() {}

    /** The best of {@code evaluations} that are feasible, if any. */
    public static Optional<HorizonEvaluation> best(List<HorizonEvaluation> evaluations) {
        double min = Double.POSITIVE_INFINITY;
        for (HorizonEvaluation e : evaluations) {
            if (e.feasible()) {
                min = Math.min(min, e.latencySeconds());
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return Optional.empty();
        }
        double latency = min;
        List<HorizonEvaluation> band = evaluations.stream()
                .filter(HorizonEvaluation::feasible)
                .filter(e -> PlanRanking.tied(e.latencySeconds(), latency))
                .toList();
        double mean = band.stream()
                .mapToDouble(HorizonEvaluation::meanLatencySeconds)
                .min()
                .orElseThrow();
        return band.stream()
                .filter(e -> PlanRanking.tied(e.meanLatencySeconds(), mean))
                .min(TIE_BREAK);
    }
}
