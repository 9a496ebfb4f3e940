package io.satc.runtime.codec;

/**
 * Thrown when bytes are not a valid activation frame: wrong magic, unsupported version,
 * truncation, an inconsistent length or shape, a CRC mismatch, or a payload its codec rejects.
 */
public final class FrameFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public FrameFormatException(String message) {
        super(message);
    }
}
