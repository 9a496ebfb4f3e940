package io.satc.runtime.codec;

/**
 * A frame read back: the tensor, the micro-batch it belongs to and the spec it was encoded with.
 *
 * @param microBatchId the id the sender put in the header
 * @param spec         codec and zstd flag from the header
 * @param tensor       the decoded activation, same shape as encoded
 */
public record DecodedFrame(long microBatchId, CodecSpec spec, Tensor tensor) {
}
