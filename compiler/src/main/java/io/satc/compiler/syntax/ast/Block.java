package io.satc.compiler.syntax.ast;

import io.satc.compiler.source.Span;
import java.util.List;

/** A braced list of statements. */
public record Block(Span span, List<Statement> statements) implements Node {
    public Block {
        statements = List.copyOf(statements);
    }
}
