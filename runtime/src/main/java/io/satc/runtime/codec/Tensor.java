package io.satc.runtime.codec;

import java.util.Arrays;

/**
 * A dense row-major fp32 activation tensor whose last dimension is a "row" (for
 * {@code [batch, tokens, hidden]} each row holds {@code hidden} values).
 *
 * <p>The shape is copied, but {@code data} is shared, not copied: activations are megabytes and
 * are handed from stage to link once, so a defensive copy would cost more than the codec.
 * Equality compares contents ({@link Arrays#equals(float[], float[])}, so NaN equals NaN and
 * {@code -0.0f} differs from {@code 0.0f}).
 *
 * @param shape dimensions, outermost first; rank 1 to {@link FrameFormat#MAX_RANK}, each ≥ 1
 * @param data  the elements in row-major order; its length is the product of {@code shape}
 */
public record Tensor(int[] shape, float[] data) implements Activation {

    public Tensor {
        shape = checkedShape(shape, data.length);
    }

    /** A copy of {@code shape} after checking its rank, its dimensions and that it holds {@code elements}. */
    static int[] checkedShape(int[] shape, int elements) {
        if (shape.length < 1 || shape.length > FrameFormat.MAX_RANK) {
            throw new IllegalArgumentException("rank " + shape.length + " is outside 1.." + FrameFormat.MAX_RANK);
        }
        int[] copy = shape.clone();
        long product = 1;
        for (int d : copy) {
            if (d < 1) {
                throw new IllegalArgumentException(
                        "dimension " + d + " in " + Arrays.toString(copy) + " is not positive");
            }
            product *= d;
            if (product > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(copy) + " has more than 2^31-1 elements");
            }
        }
        if (product != elements) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(copy) + " holds " + product + " elements but data has " + elements);
        }
        return copy;
    }

    /** Wraps {@code data} with the given shape, sharing the array. */
    public static Tensor of(float[] data, int... shape) {
        return new Tensor(shape, data);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dimension(int axis) {
        return shape[axis];
    }

    @Override
    public int elementCount() {
        return data.length;
    }

    @Override
    public byte dtype() {
        return FrameFormat.DTYPE_FLOAT32;
    }

    /** Length of the last dimension. */
    public int rowLength() {
        return shape[shape.length - 1];
    }

    /** Product of all dimensions but the last. */
    public int rowCount() {
        return data.length / rowLength();
    }

    /** Bytes this tensor occupies as raw fp32, the numerator of every compression ratio. */
    public long fp32Bytes() {
        return 4L * data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
