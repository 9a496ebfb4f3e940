package io.satc.compiler.model;

import java.util.Objects;

/** One axis of a tensor shape: a fixed size, a named symbolic size, or unknown. */
public sealed interface Dimension permits Dimension.Fixed, Dimension.Symbolic, Dimension.Unknown {

    /** An axis whose size is the same for every input. */
    record Fixed(long size) implements Dimension {
        public Fixed {
            if (size < 0) {
                throw new IllegalArgumentException("negative dimension " + size);
            }
        }

        @Override
        public String toString() {
            return Long.toString(size);
        }
    }

    /** An axis whose size varies with the input, named as in the original model (e.g. `batch`). */
    record Symbolic(String name) implements Dimension {
        public Symbolic {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** An axis whose size the model does not state. */
    record Unknown() implements Dimension {
        @Override
        public String toString() {
            return "?";
        }
    }
}
