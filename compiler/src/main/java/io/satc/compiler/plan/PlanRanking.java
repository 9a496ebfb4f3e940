package io.satc.compiler.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The order cost model §4 puts on feasible plans: smallest latency, where latencies within 1e-9
 * relative of the smallest count as tied and are ordered by communication volume, accuracy loss,
 * stage count and finally the stage list (node name, last unit, codec name).
 *
 * <p>"Tied" is measured against the smallest latency of the set, so the choice is well defined
 * even though tolerance-equality is not transitive.
 */
public final class PlanRanking {

    /** Orders plans whose latencies are tied: by volume, loss, stage count, then stage list. */
    public static final Comparator<Evaluation> TIE_BREAK = Comparator.comparingDouble(Evaluation::commBytes)
            .thenComparingDouble(Evaluation::accuracyLoss)
            .thenComparingInt((Evaluation e) -> e.plan().stageCount())
            .thenComparing(Evaluation::plan, PlanRanking::compareStageLists);

    private PlanRanking() {}

    /** Whether two latencies count as equal (relative difference under 1e-9). */
    public static boolean tied(double a, double b) {
        return Router.tied(a, b);
    }

    /** The best of {@code evaluations} that are feasible, if any. */
    public static Optional<Evaluation> best(List<Evaluation> evaluations) {
        double min = Double.POSITIVE_INFINITY;
        for (Evaluation e : evaluations) {
            if (e.feasible()) {
                min = Math.min(min, e.latencySeconds());
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return Optional.empty();
        }
        double bandBase = min;
        return evaluations.stream()
                .filter(Evaluation::feasible)
                .filter(e -> tied(e.latencySeconds(), bandBase))
                .min(TIE_BREAK);
    }

    /** Lexicographic order of stage lists by (node name, last unit, codec of the following cut). */
    public static int compareStageLists(Plan a, Plan b) {
        int k = Math.min(a.stageCount(), b.stageCount());
        for (int i = 0; i < k; i++) {
            int c = a.stages().get(i).node().compareTo(b.stages().get(i).node());
            if (c == 0) {
                c = Integer.compare(
                        a.stages().get(i).lastUnit(), b.stages().get(i).lastUnit());
            }
            if (c == 0) {
                c = codecAfter(a, i).compareTo(codecAfter(b, i));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.stageCount(), b.stageCount());
    }

    private static String codecAfter(Plan p, int stage) {
        return stage < p.cutCodecs().size() ? p.cutCodecs().get(stage) : "";
    }
}
