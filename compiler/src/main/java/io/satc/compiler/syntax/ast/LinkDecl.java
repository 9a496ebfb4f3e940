package io.satc.compiler.syntax.ast;

import io.satc.compiler.source.Span;
import java.util.Optional;

/** {@code link a <-> b { ... }} or {@code link a -> b { ... }}. */
public record LinkDecl(Span span, Ident from, boolean bidirectional, Span arrow, Ident to, Optional<Block> body)
        implements Statement {
    @Override
    public <R> R accept(AstVisitor<R> visitor) {
        return visitor.visitLinkDecl(this);
    }
}
