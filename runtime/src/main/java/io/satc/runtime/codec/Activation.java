package io.satc.runtime.codec;

/**
 * A tensor one frame can carry: float32 activations ({@link Tensor}, every codec) or int64 model
 * inputs such as token ids and attention masks ({@link LongTensor}, codec {@code none} only).
 */
public sealed interface Activation permits Tensor, LongTensor {

    /** Dimensions, outermost first (a copy). */
    int[] shape();

    /** Product of the dimensions. */
    int elementCount();

    /** The frame dtype byte: {@link FrameFormat#DTYPE_FLOAT32} or {@link FrameFormat#DTYPE_INT64}. */
    byte dtype();

    /** The manifest's name of the element type: {@code float32} or {@code int64}. */
    default String dtypeName() {
        return dtype() == FrameFormat.DTYPE_INT64 ? "int64" : "float32";
    }
}
