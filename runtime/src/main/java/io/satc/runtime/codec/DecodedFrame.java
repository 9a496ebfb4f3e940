package io.satc.runtime.codec;

/**
 * A frame read back: the tensor, the micro-batch it belongs to and the spec it was encoded with.
 *
 * @param microBatchId the id the sender put in the header
 * @param spec         codec and zstd flag from the header
 * @param activation   the decoded tensor, same shape and dtype as encoded
 */
public record DecodedFrame(long microBatchId, CodecSpec spec, Activation activation) {

    /**
     * The float32 activation.
     *
     * @throws IllegalStateException if the frame carried int64 values; use {@link #activation()}
     */
    public Tensor tensor() {
        if (activation instanceof Tensor t) {
            return t;
        }
        throw new IllegalStateException(
                "The frame carries " + activation + " of int64 values, not a float32 activation.");
    }
}
