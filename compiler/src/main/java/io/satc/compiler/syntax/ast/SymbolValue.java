package io.satc.compiler.syntax.ast;

import io.satc.compiler.source.Span;

/** A bare name used as a value: {@code fp16}, {@code leo-1}, {@code latency}. */
public record SymbolValue(Span span, Ident name) implements Value {
    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitSymbol(this);
    }
}
