package io.satc.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The documented error bound of each codec, checked element by element from the input alone
 * (scales and kept sets are recomputed here, independently of the coders).
 */
final class ErrorBounds {

    private ErrorBounds() {}

    static void check(Codec codec, Tensor input, Tensor output) {
        assertTrue(Arrays.equals(input.shape(), output.shape()), "shape");
        codec.accept(new Codec.Visitor<Void>() {
            @Override
            public Void none(Codec.None c) {
                for (int i = 0; i < input.elementCount(); i++) {
                    assertEquals(Float.floatToRawIntBits(input.data()[i]), Float.floatToRawIntBits(output.data()[i]));
                }
                return null;
            }

            @Override
            public Void fp16(Codec.Fp16 c) {
                for (int i = 0; i < input.elementCount(); i++) {
                    fp16Element(input.data()[i], output.data()[i]);
                }
                return null;
            }

            @Override
            public Void int8(Codec.Int8 c) {
                forEachRow(input, (base, length) -> {
                    float s = int8Scale(input.data(), base, base + length);
                    for (int i = base; i < base + length; i++) {
                        within(input.data()[i], output.data()[i], s, "int8 element " + i);
                    }
                });
                return null;
            }

            @Override
            public Void int4(Codec.Int4 c) {
                forEachRow(input, (base, length) -> {
                    for (int start = base; start < base + length; start += 32) {
                        int end = Math.min(start + 32, base + length);
                        float maxOver7 = maxAbs(input.data(), start, end) / 7f;
                        float s = HalfFloat.toFloat(Int4Coder.scaleAtLeast(maxOver7));
                        // The scale is the next half up, never wastefully larger.
                        assertTrue(s >= maxOver7 && s <= maxOver7 * (1 + 0x1p-10f) + 0x1p-24f, "scale " + s);
                        for (int i = start; i < end; i++) {
                            within(input.data()[i], output.data()[i], s, "int4 element " + i);
                        }
                    }
                });
                return null;
            }

            @Override
            public Void topK(Codec.TopK c) {
                forEachRow(input, (base, length) -> {
                    int k = c.keptPerRow(length);
                    float[] x = input.data();
                    Integer[] order =
                            IntStream.range(base, base + length).boxed().toArray(Integer[]::new);
                    Arrays.sort(
                            order,
                            Comparator.<Integer>comparingDouble(i -> -Math.abs(x[i]))
                                    .thenComparingInt(i -> i));
                    float s = int8Scale(x, base, base + length);
                    float smallestKept = Float.POSITIVE_INFINITY;
                    for (int j = 0; j < k; j++) {
                        within(x[order[j]], output.data()[order[j]], s, "kept element " + order[j]);
                        smallestKept = Math.min(smallestKept, Math.abs(x[order[j]]));
                    }
                    for (int j = k; j < length; j++) {
                        assertEquals(0, Float.floatToRawIntBits(output.data()[order[j]]), "dropped element is +0");
                        assertTrue(Math.abs(x[order[j]]) <= smallestKept);
                    }
                });
                return null;
            }
        });
    }

    static void fp16Element(float x, float y) {
        float abs = Math.abs(x);
        if (Float.isNaN(x)) {
            assertTrue(Float.isNaN(y));
        } else if (abs >= 65520f) {
            assertEquals(Math.copySign(Float.POSITIVE_INFINITY, x), y);
        } else if (abs >= HalfFloat.MIN_NORMAL) {
            assertTrue(Math.abs(x - y) <= abs * 0x1p-11f, x + " -> " + y);
        } else {
            assertTrue(Math.abs(x - y) <= 0x1p-25f, x + " -> " + y);
            if (y == 0) {
                assertEquals(Float.floatToRawIntBits(x) < 0, Float.floatToRawIntBits(y) < 0, "sign of zero kept");
            }
        }
    }

    /** The documented int8 row scale: max(max|x|/127, 2^-126). */
    static float int8Scale(float[] x, int from, int to) {
        return Math.max(maxAbs(x, from, to) / 127f, Float.MIN_NORMAL);
    }

    static float maxAbs(float[] x, int from, int to) {
        float max = 0;
        for (int i = from; i < to; i++) {
            max = Math.max(max, Math.abs(x[i]));
        }
        return max;
    }

    /** |x − x̂| ≤ s/2 + 2^-15·s, computed in double so the check adds no rounding of its own. */
    static void within(float x, float y, float s, String what) {
        double error = Math.abs((double) x - (double) y);
        if (error > s / 2.0 + s * 0x1p-15) {
            fail(what + ": " + x + " -> " + y + " exceeds s/2 with s = " + s);
        }
    }

    interface RowAction {
        void row(int base, int length);
    }

    static void forEachRow(Tensor t, RowAction action) {
        for (int r = 0; r < t.rowCount(); r++) {
            action.row(r * t.rowLength(), t.rowLength());
        }
    }
}
