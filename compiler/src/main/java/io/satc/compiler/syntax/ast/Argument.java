package io.satc.compiler.syntax.ast;

import io.satc.compiler.source.Span;
import java.util.Optional;

/** A call argument, named ({@code layers = 48}) or positional ({@code 10 %}). */
public record Argument(Span span, Optional<Ident> name, Value value) implements Node {}
