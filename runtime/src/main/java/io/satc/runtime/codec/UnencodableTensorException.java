package io.satc.runtime.codec;

/**
 * Thrown when a tensor holds a value its codec cannot represent: a NaN or infinity for a
 * quantizing codec, or a group too large for an int4 fp16 scale.
 *
 * <p>Checked because it is a property of the data, not a bug: a diverging model produces it, and
 * the sender should choose to fall back to {@code fp16} or {@code none} rather than silently
 * send zeros.
 */
public final class UnencodableTensorException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnencodableTensorException(String message) {
        super(message);
    }
}
