package io.satc.compiler.plan;

import java.util.Arrays;

/**
 * Lower bounds on what the stages of a plan cost apart from their transfers, used by cost model
 * 2's node filter and chain bound (docs/planner.md, "Cost model 2"). For the units from {@code u}
 * on, run on distinct nodes of the given speeds:
 *
 * <ul>
 *   <li>{@link #least(int)}: the least {@code Σ τ + (M−1)·max τ} over the stages. Stage τ is at
 *       least its compute; with the largest compute {@code t}, the summed compute is at least
 *       {@code S(t)}, the work placed fastest node first with each node holding at most {@code C·t}
 *       (memory is ignored, which only lowers it), and {@code max τ ≥ max(t, floor)} with floor the
 *       largest unit on the fastest node. {@code S(t) + (M−1)·max(t, floor)} is piecewise linear in
 *       {@code t}, so its minimum lies at a breakpoint {@code t_p = W / Σ_{i≤p} C_i} or at the floor.
 *   <li>{@link #summed(int)}: the least summed compute, all work on the fastest node.
 * </ul>
 *
 * Both are lowered by a relative 1e−12 against rounding.
 */
final class ComputeFloor {

    private final double[] least;
    private final double[] summed;

    /**
     * @param flopsPerSample  F_u per unit
     * @param microBatchSize  b
     * @param microBatches    M
     * @param speeds          compute of every node a stage may use (FLOP/s, positive)
     * @param maxStages       the stage limit (at most this many nodes are used)
     */
    ComputeFloor(double[] flopsPerSample, int microBatchSize, int microBatches, double[] speeds, int maxStages) {
        int n = flopsPerSample.length;
        double[] fast = speeds.clone();
        Arrays.sort(fast);
        int r = Math.min(maxStages, fast.length);
        double[] desc = new double[r];
        for (int i = 0; i < r; i++) {
            desc[i] = fast[fast.length - 1 - i];
        }
        int m1 = microBatches - 1;
        least = new double[n + 1];
        summed = new double[n + 1];
        double work = 0.0;
        double largest = 0.0;
        for (int u = n - 1; u >= 0; u--) {
            work += microBatchSize * flopsPerSample[u];
            largest = Math.max(largest, microBatchSize * flopsPerSample[u]);
            if (r == 0) {
                least[u] = Double.POSITIVE_INFINITY;
                summed[u] = Double.POSITIVE_INFINITY;
                continue;
            }
            double floor = largest / desc[0];
            double best = Double.POSITIVE_INFINITY;
            double speedSum = 0.0;
            for (int p = 1; p <= r; p++) {
                speedSum += desc[p - 1];
                double t = work / speedSum;
                best = Math.min(best, p * t + m1 * Math.max(floor, t));
            }
            // At t = floor, between two breakpoints: the first p − 1 nodes full, the p-th takes the rest.
            double filled = 0.0;
            for (int p = 1; p <= r; p++) {
                double rest = work - floor * filled;
                if (rest <= floor * desc[p - 1]) {
                    best = Math.min(best, (p - 1) * floor + Math.max(0.0, rest) / desc[p - 1] + m1 * floor);
                    break;
                }
                filled += desc[p - 1];
            }
            least[u] = best * (1 - 1e-12);
            summed[u] = work / desc[0] * (1 - 1e-12);
        }
    }

    /** Least {@code Σ τ + (M−1)·max τ} of the stages running units {@code u..n−1}; 0 for {@code u = n}. */
    double least(int u) {
        return least[u];
    }

    /** Least summed compute time of the stages running units {@code u..n−1}. */
    double summed(int u) {
        return summed[u];
    }
}
