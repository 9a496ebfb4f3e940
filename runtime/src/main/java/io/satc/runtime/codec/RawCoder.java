package io.satc.runtime.codec;

/** The {@code none} codec: fp32 bits, little-endian, bit-exact including NaN payloads. */
final class RawCoder implements PayloadCoder {

    static final RawCoder INSTANCE = new RawCoder();

    @Override
    public void encode(float[] data, int rowLength, byte[] out, int offset) {
        for (int i = 0; i < data.length; i++) {
            LittleEndian.putInt(out, offset + 4 * i, Float.floatToRawIntBits(data[i]));
        }
    }

    @Override
    public void decode(byte[] in, int offset, int rowLength, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.intBitsToFloat(LittleEndian.getInt(in, offset + 4 * i));
        }
    }
}
