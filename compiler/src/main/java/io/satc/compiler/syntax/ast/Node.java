package io.satc.compiler.syntax.ast;

import io.satc.compiler.source.Span;

/** Every AST node knows the source range it came from. */
public sealed interface Node permits Mission, Block, Statement, Value, Ident, Argument, UnitRef {
    Span span();
}
