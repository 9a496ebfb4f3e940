package io.satc.compiler.syntax;

import io.satc.grammar.SatcLexer;
import io.satc.grammar.SatcParser;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Error recovery at declaration granularity: after the whole-file parse failed, the mission
 * header and each top-level declaration are re-parsed on their own, so an error in one
 * declaration cannot swallow the next, and every independent error is reported. Relies on the
 * prescan having proved the brackets balanced.
 */
final class DeclarationRecovery {

    private DeclarationRecovery() {
    }

    /** Reports the file's syntax errors; false when the file is not shaped like {@code mission N { ... }} at all. */
    static boolean parse(List<Token> tokens, SyntaxErrorReporter reporter) {
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
        int rb = matching(tokens, lb);
        reporter.parsingStatement("`{`");
        SatcParser header = MissionParser.newParser(tokens.subList(h, lb + 1));
        header.setErrorHandler(reporter);
        header.getInterpreter().setPredictionMode(PredictionMode.LL);
        header.missionHeader();

        int start = lb + 1;
        int depth = 0;
        for (int i = lb + 1; i <= rb; i++) {
            int type = tokens.get(i).getType();
            boolean end = i == rb || (depth == 0 && (type == SatcLexer.NL || type == SatcLexer.SEMI));
            if (end) {
                if (i > start) {
                    String terminator = i == rb ? "`}`" : type == SatcLexer.SEMI ? "`;`" : "the end of the line";
                    reporter.parsingStatement(terminator);
                    SatcParser p = MissionParser.newParser(tokens.subList(start, i));
                    p.setErrorHandler(reporter);
                    p.getInterpreter().setPredictionMode(PredictionMode.LL);
                    p.singleStatement();
                }
                start = i + 1;
                continue;
            }
            if (type == SatcLexer.LBRACE || type == SatcLexer.LPAREN || type == SatcLexer.LBRACK) {
                depth++;
            } else if (type == SatcLexer.RBRACE || type == SatcLexer.RPAREN || type == SatcLexer.RBRACK) {
                depth--;
            }
        }
        reporter.parsingFile();
        for (int i = rb + 1; i < tokens.size(); i++) {
            if (tokens.get(i).getType() != SatcLexer.NL) {
                SatcParser trailing = MissionParser.newParser(tokens.subList(i, tokens.size()));
                trailing.setErrorHandler(reporter);
                // Anything after the mission's closing brace: report once, at its first token.
                reporter.reportTrailing(trailing, tokens.get(i));
                break;
            }
        }
        return true;
    }

    private static int matching(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            int type = tokens.get(i).getType();
            if (type == SatcLexer.LBRACE || type == SatcLexer.LPAREN || type == SatcLexer.LBRACK) {
                depth++;
            } else if (type == SatcLexer.RBRACE || type == SatcLexer.RPAREN || type == SatcLexer.RBRACK) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return tokens.size() - 1;
    }
}
