package io.satc.compiler.syntax.ast;

import io.satc.compiler.source.Span;
import java.util.Optional;

/**
 * A declaration with a body, such as {@code satellite leo-1 { ... }} or {@code workload { ... }}.
 * The kind is the keyword as written; the analyser decides whether it is known and allowed here.
 */
public record BlockDecl(Span span, Ident kind, Optional<Ident> name, Block body) implements Statement {
    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitBlockDecl(this);
    }
}
