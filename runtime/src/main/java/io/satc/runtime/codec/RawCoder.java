package io.satc.runtime.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The {@code none} codec: fp32 bits, little-endian, bit-exact including NaN payloads. */
final class RawCoder implements PayloadCoder {

    static final RawCoder INSTANCE = new RawCoder();

    /**
     * A bulk copy through a little-endian view: on a little-endian CPU a plain memory copy, several
     * times faster than element by element for the megabyte frames of uncompressed cuts. The view
     * copies raw bits, so NaN payloads survive.
     */
    @Override
    public void encode(float[] data, int rowLength, byte[] out, int offset) {
        ByteBuffer.wrap(out, offset, 4 * data.length)
                .order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer()
                .put(data);
    }

    @Override
    public void decode(byte[] in, int offset, int rowLength, float[] out) {
        ByteBuffer.wrap(in, offset, 4 * out.length)
                .order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer()
                .get(out);
    }
}
