package io.satc.compiler.syntax;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.source.Span;
import io.satc.grammar.SatcLexer;
import io.satc.grammar.SatcParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's recovery with satc's words: every syntax error becomes one SATC1001 diagnostic that
 * says what was expected in the user's terms ("a value such as `8 GB`") and what was found.
 * Cascades are capped: one error per line, and at most {@link #MAX_ERRORS} per file.
 */
final class SyntaxErrorReporter extends DefaultErrorStrategy {

    static final int MAX_ERRORS = 25;

    private final Diagnostics diags;
    private final OffsetMap offsets;
    private int lastLine = -1;
    private int count;
    private int limit = MAX_ERRORS;
    /** While re-parsing one declaration alone, its end (EOF) stands for what ended it in the file. */
    private String endOfInput = "the end of the file";

    private boolean statementMode;

    SyntaxErrorReporter(Diagnostics diags, OffsetMap offsets) {
        this.diags = diags;
        this.offsets = offsets;
    }

    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        Token start = e.getStartToken();
        Token found = e.getOffendingToken();
        ParserRuleContext ctx = e.getCtx() instanceof ParserRuleContext p ? p : parser.getContext();
        if (start != null && found != null && start != found && start.getTokenIndex() >= 0) {
            // The decision read past its first token: say what should have come at the point it failed.
            int gap = found.getTokenIndex() - start.getTokenIndex();
            String want;
            String help = null;
            if (start.getType() == SatcLexer.LINK) {
                want = "`->` or `<->` between the two ends of the link";
                help = "Write `link a -> b { ... }` (one way) or `link a <-> b { ... }` (both ways).";
            } else if (gap == 1) {
                want = "`=` (an assignment) or `{` (a declaration) after `" + clip(start.getText()) + "`";
                help = "Write `" + clip(start.getText()) + " = ...` to set an attribute.";
            } else {
                want = "`{` to open the block";
            }
            report(found, want, help);
            return;
        }
        report(parser, found, e.getExpectedTokens(), ctx);
    }

    @Override
    protected void reportInputMismatch(Parser parser, InputMismatchException e) {
        report(parser, e.getOffendingToken(), e.getExpectedTokens(), parser.getContext());
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        report(parser, parser.getCurrentToken(), getExpectedTokens(parser), parser.getContext());
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        report(parser, parser.getCurrentToken(), getExpectedTokens(parser), parser.getContext());
    }

    /** Content after the mission's closing brace. */
    void reportTrailing(Parser parser, Token first) {
        IntervalSet eof = IntervalSet.of(Token.EOF);
        report(parser, first, eof, null);
    }

    int count() {
        return count;
    }

    /** Switches to re-parsing one declaration, which {@code terminator} ended in the file. */
    void parsingStatement(String terminator) {
        statementMode = true;
        endOfInput = terminator;
    }

    void parsingFile() {
        statementMode = false;
        endOfInput = "the end of the file";
    }

    /** Reports with a ready-made expectation. */
    private void report(Token found, String want, String help) {
        Span span = TokenPrescan.span(found, offsets);
        if (!admit(span)) {
            return;
        }
        String got = found.getType() == Token.EOF ? endOfInput : describeToken(found);
        diags.report(DiagnosticCode.UNEXPECTED_TOKEN, span, "Expected " + want + ", found " + got + ".", help);
        capped(span);
    }

    /** One error per line, at most {@code limit} per file. */
    private boolean admit(Span span) {
        int line = diags.source().line(span.start());
        if (line == lastLine || count >= limit) {
            return false;
        }
        lastLine = line;
        count++;
        return true;
    }

    private void capped(Span span) {
        if (count == MAX_ERRORS) {
            diags.report(
                    DiagnosticCode.UNEXPECTED_TOKEN,
                    span,
                    "Too many syntax errors; stopping after " + MAX_ERRORS + ".",
                    "Fix the first errors and check again.");
        }
    }

    /** After this, report at most {@code n} more errors (1 when the file's overall shape is wrong: the rest would be noise). */
    void limit(int n) {
        limit = count + n;
    }

    private void report(Parser parser, Token found, IntervalSet expected, ParserRuleContext ctx) {
        Span span = TokenPrescan.span(found, offsets);
        if (!admit(span)) {
            return;
        }
        IntervalSet e = expected == null ? new IntervalSet() : new IntervalSet(expected);
        if (statementMode && e.contains(Token.EOF)) {
            e.remove(Token.EOF);
            e.add(SatcLexer.NL);
            e.add(SatcLexer.RBRACE);
        }
        String want = describeExpected(e, ctx);
        String got = found.getType() == Token.EOF ? endOfInput : describeToken(found);
        String help = helpFor(e, found);
        if (help == null
                && e.size() == 1
                && e.contains(SatcLexer.LBRACE)
                && ctx instanceof SatcParser.OtherBlockDeclContext other) {
            help = "To assign a value write `" + other.kind.getText() + " = ...`; to declare a block add `{ ... }`.";
        }
        diags.report(DiagnosticCode.UNEXPECTED_TOKEN, span, "Expected " + want + ", found " + got + ".", help);
        capped(span);
    }

    private static boolean startsValue(IntervalSet e) {
        return e.contains(SatcLexer.NUMBER) && e.contains(SatcLexer.STRING) && e.contains(SatcLexer.LBRACK);
    }

    static String describeExpected(IntervalSet e, ParserRuleContext ctx) {
        int rule = ctx == null ? -1 : ctx.getRuleIndex();
        if (e.contains(SatcLexer.MISSION) && e.size() <= 2 && !e.contains(SatcLexer.IDENT)) {
            return "`mission NAME { ... }`";
        }
        if (startsValue(e)) {
            return "a value such as `8 GB`, `64`, `fp16` or `[int8, int4]`";
        }
        if (e.contains(SatcLexer.BIARROW) && e.contains(SatcLexer.ARROW)) {
            return "`->` or `<->` between the two ends of the link";
        }
        if (e.contains(SatcLexer.ASSIGN) && e.contains(SatcLexer.LBRACE)) {
            return "`=` (an assignment) or `{` (a declaration)";
        }
        if (e.contains(SatcLexer.RBRACE)
                && (e.contains(SatcLexer.NL) || e.contains(SatcLexer.SEMI))
                && !e.contains(SatcLexer.IDENT)) {
            return "a newline or `;` after the statement, or `}`";
        }
        if (e.contains(SatcLexer.IDENT) && e.contains(SatcLexer.RBRACE) && rule != SatcParser.RULE_name) {
            return "a declaration such as `satellite leo-1 { ... }`, an assignment such as `source = leo-1`, or `}`";
        }
        if (e.contains(SatcLexer.IDENT) && e.contains(SatcLexer.STRING) && e.contains(SatcLexer.SATELLITE)) {
            boolean missionName = ctx != null
                    && (ctx.getParent() instanceof SatcParser.MissionHeaderContext
                            || ctx.getParent() instanceof SatcParser.MissionDeclContext
                            || ctx instanceof SatcParser.MissionHeaderContext
                            || ctx instanceof SatcParser.MissionDeclContext);
            return missionName ? "the mission's name such as `\"eo-vit-g\"`" : "a name such as `leo-1`";
        }
        if (e.contains(SatcLexer.EOF) && e.size() <= 2) {
            return "the end of the file (a file holds exactly one `mission` block)";
        }
        if (e.contains(SatcLexer.COMMA) && e.contains(SatcLexer.RPAREN)) {
            return "`,` or `)`";
        }
        if (e.contains(SatcLexer.COMMA) && e.contains(SatcLexer.RBRACK)) {
            return "`,` or `]`";
        }
        if (e.size() == 1 && e.contains(SatcLexer.LBRACE)) {
            return "`{` to open the block";
        }
        if (e.size() == 1 && e.contains(SatcLexer.ASSIGN)) {
            return "`=`";
        }
        List<String> names = new ArrayList<>();
        for (int t : e.toArray()) {
            String n = tokenName(t);
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        if (names.isEmpty()) {
            return "something else";
        }
        if (names.size() > 5) {
            return String.join(", ", names.subList(0, 5)) + " or another token";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static String helpFor(IntervalSet e, Token found) {
        if (e.contains(SatcLexer.MISSION) && e.size() <= 2 && !e.contains(SatcLexer.IDENT)) {
            return "A mission file starts with `mission \"name\" {` and ends with `}`.";
        }
        if (e.contains(SatcLexer.RBRACE)
                && (e.contains(SatcLexer.NL) || e.contains(SatcLexer.SEMI))
                && !e.contains(SatcLexer.IDENT)) {
            return "Put each statement on its own line, or separate them with `;`.";
        }
        if (startsValue(e) && (found.getType() == SatcLexer.NL || found.getType() == Token.EOF)) {
            return "Write the value on the same line as `=`.";
        }
        if (startsValue(e)) {
            return "Quantities are a number and a unit (`8 GB`, `0.5 Gbps`); names may be quoted (`\"leo-1\"`).";
        }
        if (e.contains(SatcLexer.EOF) && e.size() <= 2) {
            return "Put every declaration inside the one `mission { ... }` block.";
        }
        return null;
    }

    static String tokenName(int type) {
        return switch (type) {
            case Token.EOF -> "end of file";
            case SatcLexer.NL -> "end of line";
            case SatcLexer.IDENT -> "a name";
            case SatcLexer.NUMBER -> "a number";
            case SatcLexer.STRING -> "a string";
            default -> {
                String literal = SatcLexer.VOCABULARY.getLiteralName(type);
                yield literal == null
                        ? SatcLexer.VOCABULARY.getDisplayName(type)
                        : "`" + literal.substring(1, literal.length() - 1) + "`";
            }
        };
    }

    static String describeToken(Token t) {
        return switch (t.getType()) {
            case Token.EOF -> "the end of the file";
            case SatcLexer.NL -> "the end of the line";
            case SatcLexer.IDENT -> "`" + clip(t.getText()) + "`";
            case SatcLexer.NUMBER -> "the number `" + clip(t.getText()) + "`";
            case SatcLexer.STRING -> "the string " + clip(t.getText());
            default -> {
                int type = t.getType();
                if (type >= SatcLexer.MISSION && type <= SatcLexer.LINK) {
                    yield "the keyword `" + t.getText() + "`";
                }
                yield "`" + clip(t.getText()) + "`";
            }
        };
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
