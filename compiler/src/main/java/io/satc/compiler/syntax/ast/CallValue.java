package io.satc.compiler.syntax.ast;

import io.satc.compiler.source.Span;
import java.util.List;

/** {@code vit(layers = 48, ...)} or {@code topk(10 %)}. */
public record CallValue(Span span, Ident callee, List<Argument> arguments) implements Value {
    public CallValue {
        arguments = List.copyOf(arguments);
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitCall(this);
    }
}
