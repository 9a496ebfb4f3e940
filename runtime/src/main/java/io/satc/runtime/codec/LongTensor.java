package io.satc.runtime.codec;

import java.util.Arrays;

/**
 * A dense row-major int64 tensor: token ids, attention masks and token types travelling from the
 * source to the stages that read them. Like {@link Tensor}, the shape is copied and {@code data}
 * is shared.
 *
 * @param shape dimensions, outermost first; rank 1 to {@link FrameFormat#MAX_RANK}, each ≥ 1
 * @param data  the elements in row-major order; its length is the product of {@code shape}
 */
public record LongTensor(int[] shape, long[] data) implements Activation {

    public LongTensor {
        shape = Tensor.checkedShape(shape, data.length);
    }

    /** Wraps {@code data} with the given shape, sharing the array. */
    public static LongTensor of(long[] data, int... shape) {
        return new LongTensor(shape, data);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public int elementCount() {
        return data.length;
    }

    @Override
    public byte dtype() {
        return FrameFormat.DTYPE_INT64;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LongTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "LongTensor" + Arrays.toString(shape);
    }
}
