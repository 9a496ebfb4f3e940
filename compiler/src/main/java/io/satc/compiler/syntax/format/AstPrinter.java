package io.satc.compiler.syntax.format;

import io.satc.compiler.syntax.ast.Argument;
import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.AstVisitor;
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
import java.util.List;
import java.util.Locale;

/**
 * A canonical, span-free S-expression dump of a mission tree: two trees print the same exactly
 * when they are equal apart from source positions. One statement per line, for readable diffs.
 *
 * <pre>
 * (mission "eo-vit-g"
 *   (decl satellite leo-1
 *     (= compute (num 5.3 TFLOPS)))
 *   (link leo-1 &lt;-&gt; leo-2 (body
 *     (= rate (num 0.5 Gbps))))
 *   (= codecs (list (sym fp16) (call topk (arg (num 5 %))))))
 * </pre>
 *
 * <p>Quoted names print quoted ({@code "leo-1"}) and bare names bare, since the tree keeps which
 * form was written; number literals print without underscores, as the tree holds them.
 */
public final class AstPrinter {

    private static final ValueText VALUES = new ValueText();

    private AstPrinter() {}

    public static String print(Mission mission) {
        StringBuilder out = new StringBuilder("(mission ").append(ident(mission.name()));
        statements(mission.body().statements(), 1, out);
        return out.append(")\n").toString();
    }

    private static void statements(List<Statement> statements, int depth, StringBuilder out) {
        for (Statement s : statements) {
            out.append('\n').append("  ".repeat(depth));
            statement(s, depth, out);
        }
    }

    private static void statement(Statement statement, int depth, StringBuilder out) {
        if (statement instanceof Assignment a) {
            out.append("(= ")
                    .append(ident(a.key()))
                    .append(' ')
                    .append(a.value().accept(VALUES))
                    .append(')');
        } else if (statement instanceof BlockDecl b) {
            out.append("(decl ").append(ident(b.kind()));
            b.name().ifPresent(n -> out.append(' ').append(ident(n)));
            statements(b.body().statements(), depth + 1, out);
            out.append(')');
        } else {
            LinkDecl l = (LinkDecl) statement;
            out.append("(link ")
                    .append(ident(l.from()))
                    .append(l.bidirectional() ? " <-> " : " -> ")
                    .append(ident(l.to()));
            l.body().ifPresent(body -> {
                out.append(" (body");
                statements(body.statements(), depth + 1, out);
                out.append(')');
            });
            out.append(')');
        }
    }

    private static String ident(Ident ident) {
        return ident.quoted() ? escaped(ident.text()) : ident.text();
    }

    /** A Java-style quoted string with every control character escaped, so the dump is one line per statement. */
    private static String escaped(String raw) {
        StringBuilder b = new StringBuilder(raw.length() + 2).append('"');
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Values print on one line each. */
    private static final class ValueText implements AstVisitor<String> {

        @Override
        public String visitNumber(NumberValue node) {
            return "(num " + node.literal()
                    + node.unit().map(u -> " " + u.text()).orElse("") + ")";
        }

        @Override
        public String visitString(StringValue node) {
            return "(str " + escaped(node.value()) + ")";
        }

        @Override
        public String visitSymbol(SymbolValue node) {
            return "(sym " + ident(node.name()) + ")";
        }

        @Override
        public String visitCall(CallValue node) {
            StringBuilder b = new StringBuilder("(call ").append(ident(node.callee()));
            for (Argument a : node.arguments()) {
                b.append(" (arg");
                a.name().ifPresent(n -> b.append(' ').append(ident(n)));
                b.append(' ').append(a.value().accept(this)).append(')');
            }
            return b.append(')').toString();
        }

        @Override
        public String visitList(ListValue node) {
            StringBuilder b = new StringBuilder("(list");
            node.elements().forEach(v -> b.append(' ').append(v.accept(this)));
            return b.append(')').toString();
        }

        @Override
        public String visitAssignment(Assignment node) {
            throw new IllegalStateException("statements are not values");
        }

        @Override
        public String visitBlockDecl(BlockDecl node) {
            throw new IllegalStateException("statements are not values");
        }

        @Override
        public String visitLinkDecl(LinkDecl node) {
            throw new IllegalStateException("statements are not values");
        }
    }
}
