package io.satc.compiler.plan;

import java.util.List;

/**
 * Everything the cost model says about one plan: its resources, latency, memory per stage,
 * accuracy loss, communication volume and the constraints it violates.
 *
 * @param plan                   the plan evaluated
 * @param resources              the pipeline resources in order (hops of unroutable transfers are absent)
 * @param serviceAndDelaySeconds {@code Σ_r (τ_r + P_r)}, summed in resource order
 * @param bottleneckSeconds      {@code max_r τ_r}
 * @param latencySeconds         {@code T = Σ_r (τ_r + P_r) + (M − 1) · max_r τ_r}; infinite when a transfer has no route
 * @param memory                 one entry per stage
 * @param accuracyLoss           {@code Σ ℓ(c_k, j_k)} over the cuts
 * @param commBytes              {@code V}, bytes crossing links for the whole batch, once per hop
 * @param compressionRatio       uncompressed cut activation bytes over bytes sent at the cuts; 1 without cuts
 * @param violations             broken constraints, empty for a feasible plan
 */
public record Evaluation(
        Plan plan,
        List<Resource> resources,
        double serviceAndDelaySeconds,
        double bottleneckSeconds,
        double latencySeconds,
        List<StageMemory> memory,
        double accuracyLoss,
        double commBytes,
        double compressionRatio,
        List<Violation> violations) {

    public Evaluation {
        resources = List.copyOf(resources);
        memory = List.copyOf(memory);
        violations = List.copyOf(violations);
    }

    /** Whether the plan satisfies every constraint. */
    public boolean feasible() {
        return violations.isEmpty();
    }
}
