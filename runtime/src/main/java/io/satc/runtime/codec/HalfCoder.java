package io.satc.runtime.codec;

/** The {@code fp16} codec: each value as an IEEE half via {@link HalfFloat}. */
final class HalfCoder implements PayloadCoder {

    static final HalfCoder INSTANCE = new HalfCoder();

    @Override
    public void encode(float[] data, int rowLength, byte[] out, int offset) {
        for (int i = 0; i < data.length; i++) {
            LittleEndian.putShort(out, offset + 2 * i, HalfFloat.fromFloat(data[i]));
        }
    }

    @Override
    public void decode(byte[] in, int offset, int rowLength, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = HalfFloat.toFloat(LittleEndian.getShort(in, offset + 2 * i));
        }
    }
}
