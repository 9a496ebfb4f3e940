package io.satc.runtime.report;

import java.util.List;

/**
 * The timeline of M identical micro-batches through resources in order (a permutation flow
 * shop): micro-batch i starts resource r when it has arrived from r − 1 (after that resource's
 * propagation delay) and r has finished micro-batch i − 1. Its makespan is the cost model's
 * {@code Σ(τ + P) + (M − 1) · max τ}.
 */
public record Schedule(List<String> resources, double[][] start, double[][] finish, double makespan) {

    /** One resource's service time and the propagation delay after it. */
    public record Step(String name, double service, double delay) {}

    public static Schedule of(List<Step> steps, int microBatches) {
        int r = steps.size();
        double[][] start = new double[microBatches][r];
        double[][] finish = new double[microBatches][r];
        double makespan = 0;
        for (int i = 0; i < microBatches; i++) {
            for (int k = 0; k < r; k++) {
                double arrived =
                        k == 0 ? 0 : finish[i][k - 1] + steps.get(k - 1).delay();
                double free = i == 0 ? 0 : finish[i - 1][k];
                start[i][k] = Math.max(arrived, free);
                finish[i][k] = start[i][k] + steps.get(k).service();
            }
            if (r > 0) {
                makespan =
                        Math.max(makespan, finish[i][r - 1] + steps.get(r - 1).delay());
            }
        }
        return new Schedule(steps.stream().map(Step::name).toList(), start, finish, makespan);
    }
}
