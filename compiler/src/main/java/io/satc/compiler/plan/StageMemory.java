package io.satc.compiler.plan;

/**
 * The memory one stage needs on its node (cost model §4):
 * {@code Σ W_u + 2 · b · max(A_in, max A_u)}.
 *
 * @param stage           stage index, from 0
 * @param node            node name
 * @param requiredBytes   what the stage needs
 * @param availableBytes  what the node has; infinite when unbounded
 */
public record StageMemory(int stage, String node, double requiredBytes, double availableBytes) {

    /** Whether the stage fits. */
    public boolean fits() {
        return requiredBytes <= availableBytes;
    }
}
