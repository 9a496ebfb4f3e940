package io.satc.compiler.lower;

/** Argument checks shared by the problem records; a failure here is a bug in the caller, not a user error. */
final class Checks {

    private Checks() {}

    static void finiteNonNegative(double value, String what) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be finite and >= 0, got " + value);
        }
    }
}
