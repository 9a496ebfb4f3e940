package io.satc.compiler.syntax.ast;

import io.satc.compiler.source.Span;
import java.util.Optional;

/**
 * A number with an optional unit: {@code 64}, {@code 8 GB}, {@code 1 %}. The literal is kept as
 * written (underscores removed) so that huge or precise numbers are judged by the analyser, not
 * lost by the parser.
 */
public record NumberValue(Span span, String literal, Optional<UnitRef> unit) implements Value {
    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitNumber(this);
    }
}
