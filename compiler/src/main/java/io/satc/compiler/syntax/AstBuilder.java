package io.satc.compiler.syntax;

import io.satc.compiler.source.Span;
import io.satc.compiler.syntax.ast.Argument;
import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.Block;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.CallValue;
import io.satc.compiler.syntax.ast.Ident;
import io.satc.compiler.syntax.ast.LinkDecl;
import io.satc.compiler.syntax.ast.ListValue;
import io.satc.compiler.syntax.ast.Mission;
import io.satc.compiler.syntax.ast.NumberValue;
import io.satc.compiler.syntax.ast.Statement;
import io.satc.compiler.syntax.ast.StringValue;
import io.satc.compiler.syntax.ast.SymbolValue;
import io.satc.compiler.syntax.ast.UnitRef;
import io.satc.compiler.syntax.ast.Value;
import io.satc.grammar.SatcParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * The one class that touches ANTLR parse contexts: turns an error-free parse tree into immutable
 * AST records with spans. Nothing after {@code syntax} sees a {@code ParserRuleContext}.
 */
final class AstBuilder {

    private final OffsetMap offsets;

    AstBuilder(OffsetMap offsets) {
        this.offsets = offsets;
    }

    Mission mission(SatcParser.MissionFileContext file) {
        SatcParser.MissionDeclContext m = file.missionDecl();
        return new Mission(span(m), name(m.name()), block(m.block()));
    }

    private Block block(SatcParser.BlockContext ctx) {
        List<Statement> statements = new ArrayList<>(ctx.statement().size());
        for (SatcParser.StatementContext s : ctx.statement()) {
            statements.add(statement(s));
        }
        return new Block(span(ctx), statements);
    }

    private Statement statement(SatcParser.StatementContext ctx) {
        if (ctx instanceof SatcParser.LinkDeclContext l) {
            return new LinkDecl(
                    span(l),
                    name(l.from),
                    l.linkArrow() instanceof SatcParser.BidirectionalContext,
                    span(l.linkArrow()),
                    name(l.to),
                    Optional.ofNullable(l.block()).map(this::block));
        }
        if (ctx instanceof SatcParser.BlockDeclContext b) {
            return new BlockDecl(
                    span(b),
                    new Ident(span(b.kind), b.kind.getText(), false),
                    Optional.ofNullable(b.name()).map(this::name),
                    block(b.block()));
        }
        if (ctx instanceof SatcParser.OtherBlockDeclContext o) {
            return new BlockDecl(
                    span(o),
                    new Ident(tokenSpan(o.kind), o.kind.getText(), false),
                    Optional.ofNullable(o.name()).map(this::name),
                    block(o.block()));
        }
        SatcParser.AssignmentContext a = (SatcParser.AssignmentContext) ctx;
        return new Assignment(span(a), new Ident(span(a.key()), a.key().getText(), false), value(a.value()));
    }

    private Value value(SatcParser.ValueContext ctx) {
        if (ctx instanceof SatcParser.NumberValueContext n) {
            Optional<UnitRef> unit = Optional.ofNullable(n.unit()).map(u -> new UnitRef(span(u), u.getText()));
            return new NumberValue(span(n), n.NUMBER().getText().replace("_", ""), unit);
        }
        if (ctx instanceof SatcParser.StringValueContext s) {
            return new StringValue(span(s), unquote(s.STRING().getText()));
        }
        if (ctx instanceof SatcParser.CallValueContext c) {
            List<Argument> args = new ArrayList<>();
            for (SatcParser.ArgumentContext a : c.argument()) {
                if (a instanceof SatcParser.NamedArgumentContext na) {
                    args.add(new Argument(
                            span(na),
                            Optional.of(new Ident(span(na.key()), na.key().getText(), false)),
                            value(na.value())));
                } else {
                    SatcParser.PositionalArgumentContext pa = (SatcParser.PositionalArgumentContext) a;
                    args.add(new Argument(span(pa), Optional.empty(), value(pa.value())));
                }
            }
            return new CallValue(span(c), new Ident(span(c.callee), c.callee.getText(), false), args);
        }
        if (ctx instanceof SatcParser.SymbolValueContext s) {
            return new SymbolValue(span(s), new Ident(span(s), s.getText(), false));
        }
        SatcParser.ListValueContext l = (SatcParser.ListValueContext) ctx;
        List<Value> elements = new ArrayList<>(l.value().size());
        for (SatcParser.ValueContext v : l.value()) {
            elements.add(value(v));
        }
        return new ListValue(span(l), elements);
    }

    private Ident name(SatcParser.NameContext ctx) {
        if (ctx instanceof SatcParser.QuotedNameContext q) {
            return new Ident(span(q), unquote(q.STRING().getText()), true);
        }
        return new Ident(span(ctx), ctx.getText(), false);
    }

    static String unquote(String literal) {
        StringBuilder out = new StringBuilder(literal.length());
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '\\' && i + 1 < literal.length() - 1) {
                char n = literal.charAt(++i);
                out.append(
                        switch (n) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            default -> n;
                        });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private Span tokenSpan(Token t) {
        int s = offsets.toChar(t.getStartIndex());
        return new Span(s, Math.max(s, offsets.toChar(t.getStopIndex() + 1)));
    }

    private Span span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        int s = offsets.toChar(start.getStartIndex());
        int e = stop == null || stop.getStopIndex() < start.getStartIndex()
                ? s
                : offsets.toChar(stop.getStopIndex() + 1);
        return new Span(s, Math.max(s, e));
    }
}
