package io.satc.compiler.syntax.format;

import io.satc.compiler.syntax.ast.Argument;
import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.Block;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.CallValue;
import io.satc.compiler.syntax.ast.Comment;
import io.satc.compiler.syntax.ast.Ident;
import io.satc.compiler.syntax.ast.LinkDecl;
import io.satc.compiler.syntax.ast.ListValue;
import io.satc.compiler.syntax.ast.Mission;
import io.satc.compiler.syntax.ast.Node;
import io.satc.compiler.syntax.ast.NumberValue;
import io.satc.compiler.syntax.ast.Statement;
import io.satc.compiler.syntax.ast.StringValue;
import io.satc.compiler.syntax.ast.SymbolValue;
import io.satc.compiler.syntax.ast.UnitRef;
import io.satc.compiler.syntax.ast.Value;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One formatting pass over one parsed file: walks the tree in source order, printing each token
 * after the comments that precede it, and decides where lines break (see docs/formatting.md).
 */
final class MissionLayout {

    static final int WIDTH = 100;
    static final int INDENT = 2;

    private final CommentCursor comments;
    private final Spelling spelling;
    private final FlatText flat;
    private final LineWriter out = new LineWriter();

    MissionLayout(String text, List<Comment> comments) {
        this.comments = new CommentCursor(text, comments);
        this.spelling = new Spelling(text);
        this.flat = new FlatText(spelling);
    }

    String print(Mission mission) {
        Run top = new Run(0, 0);
        top.ownLineComments(mission.span().start());
        top.startItem(mission.span().start());
        token(mission.span().start(), "mission", 0);
        out.space();
        token(mission.name().span().start(), spelling.name(mission.name()), 0);
        out.space();
        block(mission.body(), 0, false);
        top.itemEnded(mission.span().end());
        top.trailingComments(Integer.MAX_VALUE);
        top.ownLineComments(Integer.MAX_VALUE);
        if (!comments.exhausted()) {
            throw new IllegalStateException("formatter left a comment unprinted at offset "
                    + comments.peek().span().start());
        }
        return out.finish();
    }

    // ------------------------------------------------------------------ statements

    private void statement(Statement statement, int indent) {
        if (statement instanceof Assignment a) {
            token(a.key().span().start(), a.key().text(), indent);
            equalsSign(a.key().span().end(), indent);
            value(a.value(), indent, 0);
        } else if (statement instanceof BlockDecl b) {
            token(b.kind().span().start(), b.kind().text(), indent);
            out.space();
            if (b.name().isPresent()) {
                name(b.name().get(), indent);
                out.space();
            }
            block(b.body(), indent, true);
        } else {
            LinkDecl l = (LinkDecl) statement;
            token(l.span().start(), "link", indent);
            out.space();
            name(l.from(), indent);
            out.space();
            token(l.arrow().start(), l.bidirectional() ? "<->" : "->", indent);
            out.space();
            name(l.to(), indent);
            if (l.body().isPresent()) {
                out.space();
                block(l.body().get(), indent, true);
            }
        }
    }

    /**
     * A nested block whose braces the author put on one line, holding only assignments and no
     * comments, stays on one line if it fits; an empty block without comments is {@code {}};
     * everything else is one statement per line.
     */
    private void block(Block block, int indent, boolean mayStayOnOneLine) {
        int open = block.span().start();
        int close = block.span().end() - 1;
        inlineComments(open, indent); // before measuring the line: they take room on it
        if (block.statements().isEmpty() && !comments.anyWithin(block.span())) {
            token(open, "{}", indent);
            return;
        }
        if (mayStayOnOneLine && keepsOneLine(block)) {
            String line =
                    block.statements().stream().map(s -> s.accept(flat)).collect(Collectors.joining("; ", "{ ", " }"));
            if (out.column() + width(line) <= WIDTH) {
                token(open, line, indent);
                return;
            }
        }
        token(open, "{", indent);
        sequence(open + 1, block.statements(), close, indent, false, this::statement);
        token(close, "}", indent);
    }

    private boolean keepsOneLine(Block block) {
        return !block.statements().isEmpty()
                && block.statements().stream().allMatch(s -> s instanceof Assignment)
                && !comments.anyWithin(block.span())
                && comments.sameLine(block.span().start(), block.span().end());
    }

    // ------------------------------------------------------------------ values

    /** Prints a value starting at the current position; {@code suffix} columns must still fit after it. */
    private void value(Value value, int indent, int suffix) {
        inlineComments(value.span().start(), indent); // before measuring the line: they take room on it
        if (value instanceof NumberValue n) {
            token(n.span().start(), spelling.number(n), indent);
            if (n.unit().isPresent()) {
                unit(n.unit().get(), indent);
            }
        } else if (value instanceof StringValue s) {
            token(s.span().start(), spelling.string(s), indent);
        } else if (value instanceof SymbolValue s) {
            token(s.span().start(), spelling.name(s.name()), indent);
        } else if (fitsFlat(value, suffix)) {
            token(value.span().start(), value.accept(flat), indent);
        } else if (value instanceof CallValue c) {
            token(c.callee().span().start(), c.callee().text(), indent);
            int open = comments.nextToken(c.callee().span().end());
            token(open, "(", indent);
            int close = c.span().end() - 1;
            sequence(open + 1, c.arguments(), close, indent, true, this::argument);
            token(close, ")", indent);
        } else {
            ListValue l = (ListValue) value;
            int open = l.span().start();
            int close = l.span().end() - 1;
            token(open, "[", indent);
            sequence(open + 1, l.elements(), close, indent, true, (v, i) -> value(v, i, 1));
            token(close, "]", indent);
        }
    }

    private boolean fitsFlat(Value value, int suffix) {
        return !comments.anyWithin(value.span()) && out.column() + width(value.accept(flat)) + suffix <= WIDTH;
    }

    private void argument(Argument argument, int indent) {
        if (argument.name().isPresent()) {
            Ident key = argument.name().get();
            token(key.span().start(), key.text(), indent);
            equalsSign(key.span().end(), indent);
        }
        value(argument.value(), indent, 1);
    }

    /** A unit is one or two words around a slash; comments between them stay between them. */
    private void unit(UnitRef unit, int indent) {
        String[] parts = unit.text().split("/", 2);
        if (!FlatText.unitGap(unit).isEmpty()) {
            out.space();
        }
        token(unit.span().start(), parts[0], indent);
        if (parts.length == 2) {
            int slash = comments.nextToken(unit.span().start() + parts[0].length());
            token(slash, "/", indent);
            token(comments.nextToken(slash + 1), parts[1], indent);
        }
    }

    private void equalsSign(int keyEnd, int indent) {
        out.space();
        token(comments.nextToken(keyEnd), "=", indent);
        out.space();
    }

    private void name(Ident name, int indent) {
        token(name.span().start(), spelling.name(name), indent);
    }

    // ------------------------------------------------------------------ tokens, comments, runs

    /** Prints the comments that precede source offset {@code at}, then {@code s}. */
    private void token(int at, String s, int indent) {
        inlineComments(at, indent);
        out.text(s);
    }

    /**
     * Comments between two tokens of one statement stay there; a line comment (legal there only
     * inside brackets) ends the line and the statement continues one level deeper.
     */
    private void inlineComments(int before, int indent) {
        while (comments.hasBefore(before)) {
            Comment c = comments.take();
            out.space();
            emit(c);
            if (isLineComment(c)) {
                out.newline(indent + INDENT);
            } else {
                out.space();
            }
        }
    }

    /** Prints a braced or bracketed run of items, one per line, with their comments. */
    private <T extends Node> void sequence(
            int afterOpen, List<T> items, int close, int indent, boolean commas, ItemPrinter<T> printer) {
        int inner = indent + INDENT;
        Run run = new Run(inner, afterOpen);
        run.trailingComments(items.isEmpty() ? close : items.get(0).span().start());
        for (int k = 0; k < items.size(); k++) {
            T item = items.get(k);
            run.ownLineComments(item.span().start());
            run.startItem(item.span().start());
            printer.print(item, inner);
            inlineComments(item.span().end(), inner);
            if (commas) {
                out.text(",");
            }
            run.itemEnded(item.span().end());
            run.trailingComments(k + 1 < items.size() ? items.get(k + 1).span().start() : close);
        }
        run.ownLineComments(close);
        out.newline(indent);
    }

    private void emit(Comment comment) {
        out.text(canonicalText(comment));
    }

    /** A comment as printed: verbatim but for line ends, which become {@code \n}, and white space at line ends, which goes. */
    static String canonicalText(Comment comment) {
        String[] lines =
                comment.text().replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder b = new StringBuilder(comment.text().length());
        for (int i = 0; i < lines.length; i++) {
            b.append(i == 0 ? "" : "\n").append(lines[i].stripTrailing());
        }
        return b.toString();
    }

    private static boolean isLineComment(Comment comment) {
        return !comment.text().startsWith("/*");
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Prints one item of a run at the given indentation. */
    @FunctionalInterface
    private interface ItemPrinter<T> {
        void print(T item, int indent);
    }

    /**
     * The own-line items of one block, bracket list or the file: each starts a line, one blank line
     * is kept where the source had at least one, and comments are placed before, after or between
     * items as the source had them.
     */
    private final class Run {

        private final int indent;
        private int lastEnd;
        private boolean first = true;

        Run(int indent, int lastEnd) {
            this.indent = indent;
            this.lastEnd = lastEnd;
        }

        /** Starts the line of an item that begins at source offset {@code start}. */
        void startItem(int start) {
            if (first) {
                if (!out.isEmpty()) {
                    out.newline(indent);
                }
            } else if (comments.lineBreaks(lastEnd, start) >= 2) {
                out.blankLine(indent);
            } else {
                out.newline(indent);
            }
            first = false;
        }

        void itemEnded(int end) {
            lastEnd = end;
        }

        /** Comments before {@code before} that start on lines of their own; comments sharing a line stay together. */
        void ownLineComments(int before) {
            while (comments.hasBefore(before)) {
                Comment c = comments.take();
                startItem(c.span().start());
                emit(c);
                lastEnd = c.span().end();
                while (comments.hasOnSameLine(lastEnd, before)) {
                    Comment d = comments.take();
                    out.space();
                    emit(d);
                    lastEnd = d.span().end();
                }
            }
        }

        /** Comments before {@code before} on the same source line as what was printed last stay on its line. */
        void trailingComments(int before) {
            boolean firstOnLine = true;
            while (comments.hasOnSameLine(lastEnd, before)) {
                Comment c = comments.take();
                if (firstOnLine) {
                    out.gap(2);
                } else {
                    out.space();
                }
                firstOnLine = false;
                emit(c);
                lastEnd = c.span().end();
            }
        }
    }
}
