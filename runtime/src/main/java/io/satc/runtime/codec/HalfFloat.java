package io.satc.runtime.codec;

/**
 * Conversions between fp32 and IEEE 754 binary16 ("half"), because Java 17 lacks
 * {@code Float.floatToFloat16}.
 *
 * <p>{@link #fromFloat} rounds to nearest, ties to even, like the hardware conversions: finite
 * values of magnitude ≥ 65520 become infinity, values below 2^-25 become (signed) zero,
 * subnormal halves are produced exactly, infinities are kept and NaNs stay NaN (quiet, with the
 * top mantissa bits kept). For |x| in the normal half range [2^-14, 65504] the relative error is
 * at most 2^-11; below it the absolute error is at most 2^-25. {@link #toFloat} is exact.
 * Neither uses a lookup table: both are a few integer operations.
 */
public final class HalfFloat {

    /** Largest finite half, 65504. */
    public static final float MAX_VALUE = 65504f;

    /** Smallest positive normal half, 2^-14. */
    public static final float MIN_NORMAL = 0x1p-14f;

    private HalfFloat() {}

    /** Rounds {@code f} to the nearest half (ties to even) and returns its 16 bits. */
    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int abs = bits & 0x7FFF_FFFF;
        // Normal half: rebias the exponent (127 -> 15) and round the 13 dropped bits to even;
        // a carry out of the mantissa correctly bumps the exponent, up to infinity at 65520.
        int normal = (abs - 0x3800_0000 + 0x0FFF + ((abs >>> 13) & 1)) >>> 13;
        // Subnormal half: adding 0.5 leaves the value's multiples of 2^-24 in the low mantissa
        // bits, rounded to even by the FPU itself.
        int subnormal = Float.floatToRawIntBits(Float.intBitsToFloat(abs) + 0.5f) - 0x3F00_0000;
        // Both are computed so that the common case has no data-dependent branch (about 30 %
        // faster on activations than testing the range first).
        int half = abs < 0x3880_0000 ? subnormal : normal;
        if (abs >= 0x4780_0000) {
            // Beyond 65536, infinity; NaN keeps its payload's top bits and is forced quiet.
            half = abs > 0x7F80_0000 ? 0x7E00 | ((abs >>> 13) & 0x03FF) : 0x7C00;
        }
        return (short) (((bits >>> 16) & 0x8000) | half);
    }

    /** The exact fp32 value of the half with bits {@code h}. */
    public static float toFloat(short h) {
        int bits = h & 0x7FFF;
        int sign = (h & 0x8000) << 16;
        if (bits >= 0x7C00) {
            return Float.intBitsToFloat(sign | 0x7F80_0000 | ((bits & 0x03FF) << 13));
        }
        // Shifting the half's exponent and mantissa into fp32 position and multiplying by
        // 2^112 rebiases normals and renormalises subnormals exactly, with no branch.
        float magnitude = Float.intBitsToFloat(bits << 13) * 0x1p112f;
        return Float.intBitsToFloat(sign | Float.floatToRawIntBits(magnitude));
    }

    /** Whether the half with bits {@code h} is infinite or NaN. */
    public static boolean isNonFinite(short h) {
        return (h & 0x7C00) == 0x7C00;
    }
}
