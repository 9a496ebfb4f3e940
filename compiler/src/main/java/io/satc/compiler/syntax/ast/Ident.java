package io.satc.compiler.syntax.ast;

import io.satc.compiler.source.Span;

/**
 * A name as written: bare ({@code leo-1}) or quoted ({@code "leo-1"}); {@code text} is the
 * unquoted, unescaped name, so both forms name the same thing.
 */
public record Ident(Span span, String text, boolean quoted) implements Node {}
