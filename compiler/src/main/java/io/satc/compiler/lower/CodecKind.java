package io.satc.compiler.lower;

import io.satc.runtime.codec.CodecSpec;
import io.satc.runtime.codec.ParsedCodecSpec;
import java.util.Objects;
import java.util.Optional;

/**
 * What a candidate codec is: one the runtime implements, parsed once into its {@link CodecSpec}
 * where it enters (lowering), or one declared in a {@code codec NAME { ratio; loss }} block, known
 * only by the ratio and loss declared for it. The runtime cannot execute a declared codec, so it
 * has no spec: it cannot be calibrated, measured, or sent by a real-model bundle.
 */
public sealed interface CodecKind permits CodecKind.BuiltIn, CodecKind.Declared {

    /** The name plans and reports use: the spec's canonical label, or the declared name. */
    String name();

    /** The runtime codec, for a built-in one. */
    Optional<CodecSpec> spec();

    /** A codec the runtime implements. */
    record BuiltIn(CodecSpec codec) implements CodecKind {
        public BuiltIn {
            Objects.requireNonNull(codec, "codec");
        }

        @Override
        public String name() {
            return codec.label();
        }

        @Override
        public Optional<CodecSpec> spec() {
            return Optional.of(codec);
        }
    }

    /** A codec declared by the mission, with no implementation. */
    record Declared(String name) implements CodecKind {
        public Declared {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Optional<CodecSpec> spec() {
            return Optional.empty();
        }
    }

    /**
     * For problems built in code (tests, benchmarks): a name the runtime parses is built in, any
     * other name is declared. Lowering does not guess: it knows which codecs a mission declared.
     */
    static CodecKind named(String name) {
        return CodecSpec.parse(name) instanceof ParsedCodecSpec.Valid v
                        && v.value().label().equals(name)
                ? new BuiltIn(v.value())
                : new Declared(name);
    }
}
