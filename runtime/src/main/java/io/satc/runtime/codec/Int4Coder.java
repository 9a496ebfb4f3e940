package io.satc.runtime.codec;

/**
 * The {@code int4} codec: all group scales (fp16) first, in row-major group order, then the
 * values as 4-bit two's complement, element i in byte i/2, the low nibble when i is even.
 *
 * <p>The scale is the fp16 value rounded <em>up</em> from {@code max|x| / 7}, so that
 * {@code |x| / s ≤ 7} holds for the scale actually sent and the s/2 bound is against that scale.
 */
final class Int4Coder implements PayloadCoder {

    static final Int4Coder INSTANCE = new Int4Coder();

    private static final int GROUP = Codec.INT4_GROUP;

    /** Largest group max|x| whose scale max|x|/7, rounded up, is still a finite half. */
    static final float MAX_ABS = 7 * HalfFloat.MAX_VALUE;

    @Override
    public void encode(float[] data, int rowLength, byte[] out, int offset) throws UnencodableTensorException {
        int rows = data.length / rowLength;
        int groups = Codec.Int4.groupsPerRow(rowLength);
        int values = offset + 2 * rows * groups;
        int scaleAt = offset;
        for (int r = 0, base = 0; r < rows; r++, base += rowLength) {
            int rowEnd = base + rowLength;
            for (int start = base; start < rowEnd; start += GROUP) {
                int end = Math.min(start + GROUP, rowEnd);
                int maxBits = 0;
                for (int i = start; i < end; i++) {
                    maxBits = Math.max(maxBits, PayloadCoder.absBits(data[i]));
                }
                if (maxBits > MAX_FINITE_BITS) {
                    throw PayloadCoder.nonFinite("int4", data, start, end, rowLength);
                }
                float maxAbs = Float.intBitsToFloat(maxBits);
                if (maxAbs > MAX_ABS) {
                    throw new UnencodableTensorException("Codec `int4` cannot encode " + maxAbs
                            + " in row " + r + " (columns " + (start - base) + ".." + (end - base - 1)
                            + "): its fp16 group scale would exceed 65504, so |x| must be at most "
                            + MAX_ABS + "; use `int8` or `fp16` for this cut.");
                }
                short half = scaleAtLeast(maxAbs / 7f);
                LittleEndian.putShort(out, scaleAt, half);
                scaleAt += 2;
                // |x| ≤ max|x| ≤ 7·s, so rint(x / s) needs no clamp to stay in [-7, 7].
                float inverse = 1f / HalfFloat.toFloat(half);
                if (((start | end) & 1) == 0) {
                    // Whole bytes (always, for even rows): two values per store, no shifts by index.
                    for (int i = start; i < end; i += 2) {
                        int low = PayloadCoder.roundToInt(data[i] * inverse);
                        int high = PayloadCoder.roundToInt(data[i + 1] * inverse);
                        out[values + (i >>> 1)] = (byte) ((low & 0xF) | (high << 4));
                    }
                } else {
                    for (int i = start; i < end; i++) {
                        int q = PayloadCoder.roundToInt(data[i] * inverse);
                        out[values + (i >>> 1)] |= (byte) ((q & 0xF) << ((i & 1) << 2));
                    }
                }
            }
        }
    }

    @Override
    public void decode(byte[] in, int offset, int rowLength, float[] out) throws FrameFormatException {
        int rows = out.length / rowLength;
        int groups = Codec.Int4.groupsPerRow(rowLength);
        int values = offset + 2 * rows * groups;
        int scaleAt = offset;
        for (int r = 0, base = 0; r < rows; r++, base += rowLength) {
            int rowEnd = base + rowLength;
            for (int start = base; start < rowEnd; start += GROUP) {
                int end = Math.min(start + GROUP, rowEnd);
                short half = LittleEndian.getShort(in, scaleAt);
                scaleAt += 2;
                if (half <= 0 || HalfFloat.isNonFinite(half)) {
                    throw new FrameFormatException("Group " + (start - base) / GROUP + " of row " + r
                            + " of the `int4` payload has scale " + HalfFloat.toFloat(half)
                            + "; a scale must be finite and positive.");
                }
                float scale = HalfFloat.toFloat(half);
                if (((start | end) & 1) == 0) {
                    for (int i = start; i < end; i += 2) {
                        int b = in[values + (i >>> 1)];
                        out[i] = ((b << 28) >> 28) * scale; // shift up and back down to sign-extend
                        out[i + 1] = (b >> 4) * scale;
                    }
                } else {
                    for (int i = start; i < end; i++) {
                        int q = (in[values + (i >>> 1)] << (28 - ((i & 1) << 2))) >> 28;
                        out[i] = q * scale;
                    }
                }
            }
        }
    }

    /** The smallest positive finite half ≥ {@code s} (at least the smallest subnormal, 2^-24). */
    static short scaleAtLeast(float s) {
        short half = HalfFloat.fromFloat(s);
        if (HalfFloat.toFloat(half) < s) {
            half++;
        }
        return half == 0 ? (short) 1 : half;
    }
}
