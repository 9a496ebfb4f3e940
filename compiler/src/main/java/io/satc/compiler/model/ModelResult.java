package io.satc.compiler.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of a model operation: either a value or the {@link ModelError} that prevented it.
 *
 * @param <T> the type of the value on success
 */
public sealed interface ModelResult<T> permits ModelResult.Ok, ModelResult.Failed {

    /** A successful outcome carrying its value. */
    record Ok<T>(T value) implements ModelResult<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A failed outcome carrying the reason. */
    record Failed<T>(ModelError error) implements ModelResult<T> {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    static <T> ModelResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> ModelResult<T> failed(ModelErrorKind kind, String message) {
        return new Failed<>(new ModelError(kind, message));
    }

    static <T> ModelResult<T> failed(ModelError error) {
        return new Failed<>(error);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The error of a failed result; empty on success. */
    default Optional<ModelError> failure() {
        return this instanceof Failed<T> failed ? Optional.of(failed.error()) : Optional.empty();
    }

    default <R> ModelResult<R> map(Function<? super T, ? extends R> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return new Failed<>(((Failed<T>) this).error());
    }

    default <R> ModelResult<R> flatMap(Function<? super T, ModelResult<R>> f) {
        if (this instanceof Ok<T> ok) {
            return f.apply(ok.value());
        }
        return new Failed<>(((Failed<T>) this).error());
    }

    /** The value, or an {@link IllegalStateException} naming the error; for callers that checked. */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException(((Failed<T>) this).error().toString());
    }
}
