package io.satc.compiler.syntax;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.source.Span;
import io.satc.compiler.syntax.ast.Comment;
import io.satc.grammar.SatcLexer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Checks the token stream before parsing: lexical errors, bracket balance and nesting depth;
 * collects comments; drops newlines inside {@code (...)} and {@code [...]}, where they do not end
 * statements. Works iteratively, so pathological input (10,000 nested brackets) cannot overflow
 * the stack of the recursive-descent parser that runs after it.
 */
final class TokenPrescan {

    /** Deeper nesting than any real mission needs; a guard for the recursive parser. */
    static final int MAX_DEPTH = 64;

    record Output(List<Token> tokens, List<Comment> comments, boolean structurallySound) {}

    private TokenPrescan() {}

    static Output run(List<? extends Token> all, Diagnostics diags, OffsetMap offsets) {
        List<Token> kept = new ArrayList<>(all.size());
        List<Comment> comments = new ArrayList<>();
        Deque<Token> open = new ArrayDeque<>();
        boolean sound = true;
        boolean tooDeep = false;
        boolean lexical = false;
        List<Token[]> bracePairs = new ArrayList<>();
        Token errorRunStart = null;
        Token errorRunEnd = null;
        Token previous = null;
        for (Token t : all) {
            int type = t.getType();
            if (type == SatcLexer.ERROR_CHAR
                    && errorRunStart == null
                    && t.getText().equals(">")
                    && previous != null
                    && previous.getType() == SatcLexer.IDENT
                    && previous.getText().endsWith("-")
                    && previous.getStopIndex() + 1 == t.getStartIndex()) {
                // `a->b`: names may contain `-`, so the lexer read `a-` and a stray `>`.
                String name = previous.getText();
                diags.report(
                        DiagnosticCode.INVALID_CHARACTER,
                        span(previous, offsets).to(span(t, offsets)),
                        "`" + name + ">` reads as the name `" + name + "` followed by a stray `>`.",
                        "Names may contain `-`, so put spaces around arrows: `" + name.substring(0, name.length() - 1)
                                + " -> ...`.");
                sound = false;
                previous = t;
                continue;
            }
            if (type != SatcLexer.LINE_COMMENT && type != SatcLexer.BLOCK_COMMENT) {
                previous = t;
            }
            if (type == SatcLexer.ERROR_CHAR) {
                if (errorRunStart == null) {
                    errorRunStart = t;
                }
                errorRunEnd = t;
                continue;
            }
            if (errorRunStart != null) {
                reportInvalidChars(errorRunStart, errorRunEnd, diags, offsets);
                errorRunStart = null;
                sound = false;
            }
            switch (type) {
                case SatcLexer.LINE_COMMENT, SatcLexer.BLOCK_COMMENT ->
                    comments.add(new Comment(span(t, offsets), t.getText()));
                case SatcLexer.WS -> {}
                case SatcLexer.ERROR_UNTERMINATED_STRING -> {
                    diags.report(
                            DiagnosticCode.UNTERMINATED_STRING,
                            span(t, offsets),
                            "This string is never closed.",
                            "Add a closing `\"` on the same line; strings cannot span lines.");
                    sound = false;
                    lexical = true;
                }
                case SatcLexer.ERROR_UNTERMINATED_COMMENT -> {
                    Span s = span(t, offsets);
                    diags.report(
                            DiagnosticCode.UNTERMINATED_COMMENT,
                            new Span(s.start(), s.start() + 2),
                            "This block comment is never closed.",
                            "Close it with `*/`.");
                    sound = false;
                    lexical = true;
                }
                case SatcLexer.LBRACE, SatcLexer.LPAREN, SatcLexer.LBRACK -> {
                    open.push(t);
                    if (open.size() > MAX_DEPTH && !tooDeep) {
                        tooDeep = true;
                        sound = false;
                        diags.report(
                                DiagnosticCode.NESTING_TOO_DEEP,
                                span(t, offsets),
                                "Nesting is deeper than " + MAX_DEPTH + " levels.",
                                "Missions need only a few levels of `{`, `(` and `[`; check for a runaway bracket.");
                    }
                    kept.add(t);
                }
                case SatcLexer.RBRACE, SatcLexer.RPAREN, SatcLexer.RBRACK -> {
                    if (type == SatcLexer.RBRACE
                            && !open.isEmpty()
                            && open.peek().getType() == SatcLexer.LBRACE) {
                        bracePairs.add(new Token[] {open.peek(), t});
                    }
                    // After a lexical error the brackets are out of step with the text; reporting them would only echo
                    // it.
                    Diagnostics target = lexical ? new Diagnostics(diags.source()) : diags;
                    if (!tooDeep && !closeBracket(t, open, target, offsets)) {
                        sound = false;
                    }
                    if (tooDeep && !open.isEmpty()) {
                        open.pop();
                    }
                    kept.add(t);
                }
                case SatcLexer.NL -> {
                    Token top = open.peek();
                    boolean insideArgs = top != null && top.getType() != SatcLexer.LBRACE;
                    if (!insideArgs) {
                        kept.add(t);
                    }
                }
                default -> kept.add(t);
            }
        }
        if (errorRunStart != null) {
            reportInvalidChars(errorRunStart, errorRunEnd, diags, offsets);
            sound = false;
        }
        if (!open.isEmpty()) {
            sound = false;
        }
        if (!open.isEmpty() && !tooDeep && !lexical) {
            Token suspect = misindentedOpener(bracePairs, diags);
            if (suspect != null && open.peekLast().getType() == SatcLexer.LBRACE) {
                // Brackets alone cannot tell which `{` lacks its `}`; indentation usually can.
                diags.report(
                        DiagnosticCode.UNCLOSED_DELIMITER,
                        span(suspect, offsets),
                        "This `{` is probably never closed.",
                        "The `}` that seems to close it is indented like an outer block; add a `}` for this one.");
            } else {
                // Otherwise report the outermost unclosed delimiter: inner ones are usually the same mistake.
                Token outermost = open.peekLast();
                int reported = 0;
                for (var it = open.descendingIterator(); it.hasNext() && reported < 3; reported++) {
                    Token t = it.next();
                    diags.report(
                            DiagnosticCode.UNCLOSED_DELIMITER,
                            span(t, offsets),
                            "This `" + t.getText() + "` is never closed.",
                            "Add the matching `" + closerFor(t.getType()) + "`"
                                    + (t == outermost ? " before the end of the file." : "."));
                }
            }
        }
        return new Output(kept, comments, sound);
    }

    /** The first `{` whose matching `}` sits on a later line indented less than the `{`'s line. */
    private static Token misindentedOpener(List<Token[]> pairs, Diagnostics diags) {
        io.satc.compiler.source.SourceFile src = diags.source();
        Token best = null;
        for (Token[] pair : pairs) {
            int openLine = pair[0].getLine();
            int closeLine = pair[1].getLine();
            if (closeLine > openLine
                    && indent(src, closeLine) < indent(src, openLine)
                    && (best == null || pair[0].getStartIndex() < best.getStartIndex())) {
                best = pair[0];
            }
        }
        return best;
    }

    private static int indent(io.satc.compiler.source.SourceFile src, int line) {
        if (line < 1 || line > src.lineCount()) {
            return 0;
        }
        String text = src.lineText(line);
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean closeBracket(Token t, Deque<Token> open, Diagnostics diags, OffsetMap offsets) {
        int want = openerFor(t.getType());
        if (open.isEmpty()) {
            diags.report(
                    DiagnosticCode.UNMATCHED_DELIMITER,
                    span(t, offsets),
                    "This `" + t.getText() + "` closes nothing.",
                    "Remove it, or add the `" + openerText(want) + "` it should close.");
            return false;
        }
        if (open.peek().getType() == want) {
            open.pop();
            return true;
        }
        // A mismatched closer: if it matches something further out, the brackets in between are unclosed.
        boolean matchesOuter = open.stream().anyMatch(o -> o.getType() == want);
        if (matchesOuter) {
            while (open.peek().getType() != want) {
                Token unclosed = open.pop();
                diags.report(
                        DiagnosticCode.UNCLOSED_DELIMITER,
                        span(unclosed, offsets),
                        "This `" + unclosed.getText() + "` is never closed.",
                        "Add the matching `" + closerFor(unclosed.getType()) + "` before `" + t.getText() + "`.");
            }
            open.pop();
        } else {
            diags.report(
                    DiagnosticCode.UNMATCHED_DELIMITER,
                    span(t, offsets),
                    "This `" + t.getText() + "` closes nothing; the innermost open bracket is a `"
                            + open.peek().getText() + "`.",
                    "Remove it.");
        }
        return false;
    }

    private static void reportInvalidChars(Token first, Token last, Diagnostics diags, OffsetMap offsets) {
        Span s = span(first, offsets).to(span(last, offsets));
        String text = first.getText();
        int cp = text.isEmpty() ? 0 : text.codePointAt(0);
        String shown = Character.isISOControl(cp)
                        || Character.isWhitespace(cp)
                        || Character.isSpaceChar(cp)
                        || cp == 0xFFFD
                        || Character.getType(cp) == Character.FORMAT
                ? String.format("U+%04X", cp)
                : "`" + new String(Character.toChars(cp)) + "` (" + String.format("U+%04X", cp) + ")";
        diags.report(
                DiagnosticCode.INVALID_CHARACTER,
                s,
                (first == last ? "The character " : "Invalid characters starting with ")
                        + shown
                        + (first == last ? " cannot appear here." : "."),
                "Names use letters, digits, `_` and `-`; quote anything else as a string, or start a comment with `#`.");
    }

    static Span span(Token t, OffsetMap offsets) {
        int start = offsets.toChar(Math.max(0, t.getStartIndex()));
        int end = t.getType() == Token.EOF ? start : offsets.toChar(t.getStopIndex() + 1);
        return new Span(start, Math.max(start, end));
    }

    private static int openerFor(int closer) {
        return switch (closer) {
            case SatcLexer.RBRACE -> SatcLexer.LBRACE;
            case SatcLexer.RPAREN -> SatcLexer.LPAREN;
            default -> SatcLexer.LBRACK;
        };
    }

    private static String openerText(int opener) {
        return switch (opener) {
            case SatcLexer.LBRACE -> "{";
            case SatcLexer.LPAREN -> "(";
            default -> "[";
        };
    }

    private static String closerFor(int opener) {
        return switch (opener) {
            case SatcLexer.LBRACE -> "}";
            case SatcLexer.LPAREN -> ")";
            default -> "]";
        };
    }
}
