package io.satc.runtime.pipeline;

import io.satc.runtime.codec.Activation;

/**
 * The work one stage does on one micro-batch: input activation (and side inputs) in, output
 * activation out.
 *
 * <p>Called from the stage's own thread only, in micro-batch order; an implementation may
 * keep per-stage state (an ONNX session, buffers). A thrown exception fails the run and is
 * reported against the stage. {@link #close()} is called once after the run.
 */
public interface StageCompute extends AutoCloseable {

    /**
     * Computes the stage's output for one micro-batch.
     *
     * @param input        the decoded activation of the incoming cut (shape and dtype of the stage's
     *                     input descriptor) and the stage's side inputs
     * @param microBatchId 0 … M−1, or −1 for the warm-up call made before the clock starts
     * @return the activation of the stage's output descriptor shape
     */
    Activation apply(StageInput input, long microBatchId) throws Exception;

    /** Releases what the compute holds; nothing by default. */
    @Override
    default void close() throws Exception {}
}
