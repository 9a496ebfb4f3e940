package io.satc.compiler.syntax.ast;

import io.satc.compiler.source.Span;

/** A unit symbol after a number, exactly as written ({@code GB}, {@code B/s}, {@code %}). */
public record UnitRef(Span span, String text) implements Node {}
