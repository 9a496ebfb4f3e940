package io.satc.runtime.trust;

/**
 * Why a bundle was refused before anything in it was loaded: a stable reason (for scripts and
 * tests) and one sentence (for the operator).
 */
public record Refusal(Reason reason, String message) {

    /** The stable reasons, printed in kebab case: {@code refused (changed-file): …}. */
    public enum Reason {
        /** No signed statement (statement.json and statement.sig) in the bundle. */
        UNSIGNED,
        /** The statement or its signature file does not parse. */
        MALFORMED_STATEMENT,
        /** No trusted key is configured at all. */
        NO_TRUSTED_KEY,
        /** The statement was signed by a key that is not trusted. */
        UNKNOWN_SIGNER,
        /** The signature does not verify against the signer's key. */
        BAD_SIGNATURE,
        /** A file differs from the hash the statement gives it. */
        CHANGED_FILE,
        /** A file the statement lists is absent. */
        MISSING_FILE,
        /** A file is present that the statement does not list (or a link or special file). */
        EXTRA_FILE,
        /** The statement is for another mission than the manifest. */
        MISSION_MISMATCH,
        /** The bundle's version is lower than one already accepted for its mission. */
        ROLLBACK,
        /** The state directory that holds accepted versions cannot be read or written. */
        STATE_UNAVAILABLE;

        /** {@code changed-file}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** {@code refused (changed-file): sentence}. */
    @Override
    public String toString() {
        return "refused (" + reason.code() + "): " + message;
    }
}
