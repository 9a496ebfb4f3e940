package io.satc.compiler.plan;

/**
 * One resource of a plan's pipeline (cost model §3): every micro-batch holds it for
 * {@link #serviceSeconds()} and then waits {@link #delaySeconds()} before the next one.
 */
public sealed interface Resource permits Resource.Hop, Resource.StageWork {

    /** Service time {@code τ} per micro-batch. */
    double serviceSeconds();

    /** Delay {@code P} after service; 0 for stages. */
    double delaySeconds();

    /**
     * A link hop of a transfer.
     *
     * @param transfer        0 for the raw input, {@code k} for the cut after stage {@code k}, {@code K} for the output
     * @param from            sending node
     * @param to              receiving node
     * @param bits            payload per micro-batch
     * @param serviceSeconds  {@code D / R}
     * @param delaySeconds    propagation delay
     */
    record Hop(int transfer, String from, String to, double bits, double serviceSeconds, double delaySeconds)
            implements Resource {}

    /**
     * The work of one stage.
     *
     * @param stage           stage index, from 0
     * @param node            node it runs on
     * @param firstUnit       first unit
     * @param lastUnit        last unit
     * @param computeSeconds  {@code b · Σ F_u / C}
     * @param codingSeconds   decoding the input plus encoding the output, where codecs declare a throughput
     */
    record StageWork(int stage, String node, int firstUnit, int lastUnit, double computeSeconds, double codingSeconds)
            implements Resource {

        @Override
        public double serviceSeconds() {
            return computeSeconds + codingSeconds;
        }

        @Override
        public double delaySeconds() {
            return 0.0;
        }
    }
}
