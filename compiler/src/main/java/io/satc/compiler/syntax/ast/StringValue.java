package io.satc.compiler.syntax.ast;

import io.satc.compiler.source.Span;

/** A double-quoted string, unescaped. */
public record StringValue(Span span, String value) implements Value {
    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitString(this);
    }
}
