package io.satc.compiler.lower;

import java.util.Objects;

/**
 * A satellite or ground station: how fast it computes and how much memory it has.
 *
 * @param name          unique node name
 * @param kind          satellite or ground station
 * @param computeFlops  FLOP/s; 0 means the node has no compute and only relays traffic
 * @param memoryBytes   memory in bytes; {@link Double#POSITIVE_INFINITY} means unbounded
 */
public record ComputeNode(String name, NodeKind kind, double computeFlops, double memoryBytes) {

    public ComputeNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Checks.finiteNonNegative(computeFlops, "computeFlops of node " + name);
        if (Double.isNaN(memoryBytes) || memoryBytes < 0) {
            throw new IllegalArgumentException("memoryBytes of node " + name + " must be >= 0, got " + memoryBytes);
        }
    }

    /** Whether a stage can run here at all. */
    public boolean hasCompute() {
        return computeFlops > 0;
    }
}
