package io.satc.runtime.codec;

/**
 * The {@code int8} codec: all row scales (fp32) first, then one signed byte per value.
 *
 * <p>The scale is {@code max(max|x| / 127, 2^-126)}: the floor keeps it a normal float, so its
 * reciprocal is finite and an all-zero or denormal row still meets the s/2 bound. Quantized
 * values lie in [-127, 127]; the decoder accepts -128 too, as any byte is a valid value.
 */
final class Int8Coder implements PayloadCoder {

    static final Int8Coder INSTANCE = new Int8Coder();

    @Override
    public void encode(float[] data, int rowLength, byte[] out, int offset) throws UnencodableTensorException {
        int rows = data.length / rowLength;
        int values = offset + 4 * rows;
        for (int r = 0, base = 0; r < rows; r++, base += rowLength) {
            int end = base + rowLength;
            int maxBits = 0;
            for (int i = base; i < end; i++) {
                maxBits = Math.max(maxBits, PayloadCoder.absBits(data[i]));
            }
            if (maxBits > MAX_FINITE_BITS) {
                throw PayloadCoder.nonFinite("int8", data, base, end, rowLength);
            }
            float scale = rowScale(maxBits);
            float inverse = 1f / scale;
            LittleEndian.putInt(out, offset + 4 * r, Float.floatToRawIntBits(scale));
            for (int i = base; i < end; i++) {
                out[values + i] = (byte) PayloadCoder.roundToInt(data[i] * inverse);
            }
        }
    }

    @Override
    public void decode(byte[] in, int offset, int rowLength, float[] out) throws FrameFormatException {
        int rows = out.length / rowLength;
        int values = offset + 4 * rows;
        for (int r = 0, base = 0; r < rows; r++, base += rowLength) {
            float scale = readScale(in, offset + 4 * r, "int8", r);
            for (int i = base, end = base + rowLength; i < end; i++) {
                out[i] = in[values + i] * scale;
            }
        }
    }

    /**
     * The row scale for a row whose largest |x| has bits {@code maxAbsBits}: max|x| / 127, one
     * ulp lower where the quotient rounded up, so that {@code 127 · s} never exceeds max|x| and
     * decoding a row whose max is near {@link Float#MAX_VALUE} cannot overflow to infinity.
     */
    static float rowScale(int maxAbsBits) {
        float maxAbs = Float.intBitsToFloat(maxAbsBits);
        float scale = maxAbs / 127f;
        if (127.0 * scale > maxAbs) {
            scale = Math.nextDown(scale);
        }
        return Math.max(scale, Float.MIN_NORMAL);
    }

    /** Reads a row scale, rejecting what no encoder writes: non-finite, zero or negative. */
    static float readScale(byte[] in, int at, String codec, int row) throws FrameFormatException {
        float scale = Float.intBitsToFloat(LittleEndian.getInt(in, at));
        if (!(scale > 0f && scale <= Float.MAX_VALUE)) {
            throw new FrameFormatException("Row " + row + " of the `" + codec + "` payload has scale " + scale
                    + "; a scale must be finite and positive.");
        }
        return scale;
    }
}
