package io.satc.runtime.codec;

/**
 * The checked header of a frame, read without decoding its payload ({@link FrameDecoder#header}).
 *
 * @param microBatchId the id the sender put in the header
 * @param spec         codec and zstd flag
 * @param dtype        {@link FrameFormat#DTYPE_FLOAT32} or {@link FrameFormat#DTYPE_INT64}
 * @param shape        the tensor's dimensions, outermost first
 * @param headerBytes  bytes from the frame start to the first payload byte
 * @param payloadBytes the payload length as stored (compressed, with zstd)
 */
public record FrameHeader(
        long microBatchId, CodecSpec spec, byte dtype, int[] shape, int headerBytes, long payloadBytes) {

    public FrameHeader {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The manifest's name of the element type: {@code float32} or {@code int64}. */
    public String dtypeName() {
        return dtype == FrameFormat.DTYPE_INT64 ? "int64" : "float32";
    }
}
