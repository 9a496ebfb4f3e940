package io.satc.compiler.plan;

/**
 * A constraint a plan breaks, with a sentence for people and the amount by which it is broken.
 *
 * @param kind     which constraint
 * @param message  a full sentence naming the stage, node or cut and the numbers
 * @param amount   how far over the limit (bytes for memory, loss fraction for accuracy, stages for
 *                 the stage limit, 1 for yes/no constraints)
 */
public record Violation(Kind kind, String message, double amount) {

    /** The constraints of cost model §2 and §4. */
    public enum Kind {
        /** A stage node has no compute. */
        NO_COMPUTE,
        /** A ground station runs a stage other than the last. */
        GROUND_NOT_LAST,
        /** Two stages share a node. */
        REPEATED_NODE,
        /** A transfer has no route. */
        UNREACHABLE,
        /** A stage does not fit the node's memory. */
        MEMORY,
        /** The summed codec loss exceeds the budget. */
        ACCURACY,
        /** The plan has more stages than allowed. */
        MAX_STAGES
    }
}
