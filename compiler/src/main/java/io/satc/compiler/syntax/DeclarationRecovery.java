package io.satc.compiler.syntax;

import io.satc.grammar.SatcLexer;
import io.satc.grammar.SatcParser;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Error recovery at declaration granularity: after the whole-file parse failed, the mission
 * header and each declaration are re-parsed on their own (a block declaration as its header,
 * then each statement of its body, recursively), so an error in one statement cannot swallow
 * the next and every independent error is reported. Relies on the prescan having proved the
 * brackets balanced.
 */
final class DeclarationRecovery {

    private final List<Token> tokens;
    private final SyntaxErrorReporter reporter;

    private DeclarationRecovery(List<Token> tokens, SyntaxErrorReporter reporter) {
        this.tokens = tokens;
        this.reporter = reporter;
    }

    /** Reports the file's syntax errors; false when the file is not shaped like {@code mission N { ... }} at all. */
    static boolean parse(List<Token> tokens, SyntaxErrorReporter reporter) {
        return new DeclarationRecovery(tokens, reporter).run();
    }

    private boolean run() {
        int h = 0;
        while (h < tokens.size() && tokens.get(h).getType() == SatcLexer.NL) {
            h++;
        }
        if (h == tokens.size() || tokens.get(h).getType() != SatcLexer.MISSION) {
            return false;
        }
        int lb = h;
        while (lb < tokens.size() && tokens.get(lb).getType() != SatcLexer.LBRACE) {
            lb++;
        }
        if (lb == tokens.size()) {
            return false;
        }
        int rb = matching(lb);
        reporter.parsingStatement("`{`");
        parser(h, lb + 1).missionHeader();
        body(lb + 1, rb);
        reporter.parsingFile();
        for (int i = rb + 1; i < tokens.size(); i++) {
            if (tokens.get(i).getType() != SatcLexer.NL) {
                // Anything after the mission's closing brace: report once, at its first token.
                reporter.reportTrailing(parser(i, tokens.size()), tokens.get(i));
                break;
            }
        }
        return true;
    }

    /** The statements between {@code from} and the block's closing brace at {@code close}. */
    private void body(int from, int close) {
        int start = from;
        int depth = 0;
        for (int i = from; i <= close; i++) {
            int type = tokens.get(i).getType();
            boolean end = i == close || (depth == 0 && (type == SatcLexer.NL || type == SatcLexer.SEMI));
            if (end) {
                if (i > start) {
                    String terminator = i == close ? "`}`" : type == SatcLexer.SEMI ? "`;`" : "the end of the line";
                    statement(start, i, terminator);
                }
                start = i + 1;
                continue;
            }
            if (opens(type)) {
                depth++;
            } else if (closes(type)) {
                depth--;
            }
        }
    }

    /** One statement in {@code [start, end)}: a block declaration is split into header and body. */
    private void statement(int start, int end, String terminator) {
        int lb = -1;
        for (int i = start; i < end; i++) {
            int type = tokens.get(i).getType();
            if (type == SatcLexer.LBRACE) {
                lb = i;
                break;
            }
            if (opens(type) || type == SatcLexer.ASSIGN) {
                break;
            }
        }
        if (lb >= 0 && matching(lb) == end - 1) {
            reporter.parsingStatement("`{`");
            parser(start, lb + 1).declarationHeader();
            body(lb + 1, end - 1);
            return;
        }
        reporter.parsingStatement(terminator);
        parser(start, end).singleStatement();
    }

    private SatcParser parser(int from, int to) {
        SatcParser p = MissionParser.newParser(tokens.subList(from, to));
        p.setErrorHandler(reporter);
        p.getInterpreter().setPredictionMode(PredictionMode.LL);
        return p;
    }

    private int matching(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            int type = tokens.get(i).getType();
            if (opens(type)) {
                depth++;
            } else if (closes(type)) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return tokens.size() - 1;
    }

    private static boolean opens(int type) {
        return type == SatcLexer.LBRACE || type == SatcLexer.LPAREN || type == SatcLexer.LBRACK;
    }

    private static boolean closes(int type) {
        return type == SatcLexer.RBRACE || type == SatcLexer.RPAREN || type == SatcLexer.RBRACK;
    }
}
