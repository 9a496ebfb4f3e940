package io.satc.compiler.plan;

import java.util.Objects;

/**
 * One stage of a plan: the node it runs on and the last unit it runs; it starts right after the
 * previous stage's last unit (or at unit 0).
 *
 * @param node      node name
 * @param lastUnit  index of the last unit run by this stage
 */
public record StageAssignment(String node, int lastUnit) {

    public StageAssignment {
        Objects.requireNonNull(node, "node");
        if (lastUnit < 0) {
            throw new IllegalArgumentException("lastUnit must be >= 0");
        }
    }
}
