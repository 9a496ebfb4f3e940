package io.satc.compiler.syntax.ast;

import io.satc.compiler.source.Span;
import java.util.List;

/** {@code [a, b, c]}. */
public record ListValue(Span span, List<Value> elements) implements Value {
    public ListValue {
        elements = List.copyOf(elements);
    }

    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitList(this);
    }
}
