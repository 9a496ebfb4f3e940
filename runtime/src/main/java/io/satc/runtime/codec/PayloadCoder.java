package io.satc.runtime.codec;

/**
 * Encodes rows of fp32 into one codec's payload and back; implementations are stateless.
 *
 * <p>Callers guarantee the buffers: {@code encode} writes exactly
 * {@link Codec#payloadBytes} bytes into a zero-filled region, and {@code decode} reads a region of
 * exactly that size into a zero-filled {@code out}. Coders therefore OR bits in and skip zeros.
 */
interface PayloadCoder {

    void encode(float[] data, int rowLength, byte[] out, int offset) throws UnencodableTensorException;

    void decode(byte[] in, int offset, int rowLength, float[] out) throws FrameFormatException;

    /** Largest |x| bit pattern that is finite; an abs bit pattern above it is inf or NaN. */
    int MAX_FINITE_BITS = 0x7F7F_FFFF;

    /** Rounding by the 1.5·2^23 trick: exact round-half-even for |t| < 2^22, no branch. */
    static int roundToInt(float t) {
        return Float.floatToRawIntBits(t + 0x1.8p23f) - 0x4B40_0000;
    }

    /** Absolute value bits: for non-negative floats, integer order is numeric order. */
    static int absBits(float x) {
        return Float.floatToRawIntBits(x) & 0x7FFF_FFFF;
    }

    /** The exception for the first non-finite value in {@code data[from, to)}. */
    static UnencodableTensorException nonFinite(String codec, float[] data, int from, int to, int rowLength) {
        int i = from;
        while (i < to && Float.isFinite(data[i])) {
            i++;
        }
        return new UnencodableTensorException("Codec `" + codec + "` cannot encode " + data[i]
                + " at element " + i + " (row " + i / rowLength + ", column " + i % rowLength
                + "); quantizing codecs need finite activations, so use `fp16` or `none` for this cut.");
    }
}
