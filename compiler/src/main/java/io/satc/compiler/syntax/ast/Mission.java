package io.satc.compiler.syntax.ast;

import io.satc.compiler.source.Span;

/** The root: {@code mission NAME { ... }}. */
public record Mission(Span span, Ident name, Block body) implements Node {}
