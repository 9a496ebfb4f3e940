package io.satc.compiler.syntax.ast;

import io.satc.compiler.source.Span;

/** {@code key = value}. */
public record Assignment(Span span, Ident key, Value value) implements Statement {
    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitAssignment(this);
    }
}
