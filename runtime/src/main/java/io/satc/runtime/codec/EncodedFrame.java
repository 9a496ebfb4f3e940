package io.satc.runtime.codec;

import java.util.Arrays;

/**
 * One encoded frame, ready to send, with what is needed to report its compression ratio.
 *
 * <p>{@code bytes} is handed over, not copied: the encoder keeps no reference to it.
 *
 * @param bytes    the whole frame, header to CRC
 * @param elements elements of the encoded tensor
 */
public record EncodedFrame(byte[] bytes, int elements) {

    public int frameBytes() {
        return bytes.length;
    }

    /** ρ = fp32 bytes / frame bytes = {@code 4 · elements / bytes.length}. */
    public double compressionRatio() {
        return FrameFormat.compressionRatio(elements, bytes.length);
    }

    /** Frames are equal when their bytes are, so tests and caches can compare them as values. */
    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedFrame f && elements == f.elements && Arrays.equals(bytes, f.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + elements;
    }

    @Override
    public String toString() {
        return "EncodedFrame[" + bytes.length + " bytes, " + elements + " elements]";
    }
}
