package io.satc.runtime.codec;

import java.util.Optional;

/** The outcome of {@link CodecSpec#parse}: a spec, or the reason the text is not one. */
public sealed interface ParsedCodecSpec permits ParsedCodecSpec.Valid, ParsedCodecSpec.Invalid {

    /** The spec when valid, else empty. */
    Optional<CodecSpec> spec();

    /** The text parsed to a spec. */
    record Valid(CodecSpec value) implements ParsedCodecSpec {
        @Override
        public Optional<CodecSpec> spec() {
            return Optional.of(value);
        }
    }

    /**
     * The text is not a spec.
     *
     * @param input   the text as given
     * @param offset  character offset of the problem in {@code input}
     * @param message a sentence naming the problem, e.g. "Unknown codec `int9`; expected …"
     */
    record Invalid(String input, int offset, String message) implements ParsedCodecSpec {
        @Override
        public Optional<CodecSpec> spec() {
            return Optional.empty();
        }
    }
}
