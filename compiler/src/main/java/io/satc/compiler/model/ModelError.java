package io.satc.compiler.model;

import java.util.Objects;

/** A problem with a model, as data: its kind and a sentence naming the offending element. */
public record ModelError(ModelErrorKind kind, String message) {
    public ModelError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
