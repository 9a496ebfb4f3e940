package io.satc.compiler.syntax.format;

import io.satc.compiler.syntax.ast.Argument;
import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.AstVisitor;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.CallValue;
import io.satc.compiler.syntax.ast.LinkDecl;
import io.satc.compiler.syntax.ast.ListValue;
import io.satc.compiler.syntax.ast.NumberValue;
import io.satc.compiler.syntax.ast.StringValue;
import io.satc.compiler.syntax.ast.SymbolValue;
import io.satc.compiler.syntax.ast.UnitRef;
import java.util.stream.Collectors;

/**
 * The one-line spelling of a value or assignment: {@code vit(layers = 48, hidden = 1664)},
 * {@code [fp16, int8]}, {@code rate = 0.5 Gbps}. Used when the layout decides something fits on
 * its line and holds no comments.
 */
final class FlatText implements AstVisitor<String> {

    private final Spelling spelling;

    FlatText(Spelling spelling) {
        this.spelling = spelling;
    }

    /** The space-or-not between a number and its unit. */
    static String unitGap(UnitRef unit) {
        return unit.text().equals(Spelling.FACTOR_UNIT) ? "" : " ";
    }

    String argument(Argument argument) {
        String value = argument.value().accept(this);
        return argument.name().map(n -> n.text() + " = " + value).orElse(value);
    }

    @Override
    public String visitAssignment(Assignment node) {
        return node.key().text() + " = " + node.value().accept(this);
    }

    @Override
    public String visitNumber(NumberValue node) {
        return spelling.number(node)
                + node.unit().map(u -> unitGap(u) + u.text()).orElse("");
    }

    @Override
    public String visitString(StringValue node) {
        return spelling.string(node);
    }

    @Override
    public String visitSymbol(SymbolValue node) {
        return spelling.name(node.name());
    }

    @Override
    public String visitCall(CallValue node) {
        return node.callee().text()
                + node.arguments().stream().map(this::argument).collect(Collectors.joining(", ", "(", ")"));
    }

    @Override
    public String visitList(ListValue node) {
        return node.elements().stream().map(v -> v.accept(this)).collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public String visitBlockDecl(BlockDecl node) {
        throw new IllegalStateException("a block declaration has no one-line value form");
    }

    @Override
    public String visitLinkDecl(LinkDecl node) {
        throw new IllegalStateException("a link declaration has no one-line value form");
    }
}
