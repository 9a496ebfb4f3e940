package io.satc.compiler.syntax.ast;

import io.satc.compiler.source.Span;

/** A comment as written (with its {@code #}, {@code //} or {@code /* *}{@code /}), kept for the formatter. */
public record Comment(Span span, String text) {}
