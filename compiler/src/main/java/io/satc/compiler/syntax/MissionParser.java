package io.satc.compiler.syntax;

import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.source.SourceFile;
import io.satc.compiler.syntax.ast.Comment;
import io.satc.compiler.syntax.ast.Mission;
import io.satc.grammar.SatcLexer;
import io.satc.grammar.SatcParser;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The parser facade: source text in, an AST (when there are no syntax errors), the comments and
 * diagnostics out. Never throws on user input and never prints; ANTLR's console listeners are
 * removed and its errors re-worded by {@link SyntaxErrorReporter}.
 */
public final class MissionParser {

    private MissionParser() {}

    public static ParseResult parse(SourceFile source) {
        Diagnostics diags = new Diagnostics(source);
        OffsetMap offsets = new OffsetMap(source.text());
        SatcLexer lexer = new SatcLexer(CharStreams.fromString(source.text(), source.displayPath()));
        lexer.removeErrorListeners();
        List<? extends Token> all = lexer.getAllTokens();
        TokenPrescan.Output pre = TokenPrescan.run(all, diags, offsets);
        List<Comment> comments = pre.comments();
        if (!pre.structurallySound()) {
            // Unbalanced brackets or lexical garbage: the parser would only echo these errors.
            return new ParseResult(source, Optional.empty(), comments, diags.sorted());
        }
        SatcParser.MissionFileContext tree = parseFast(pre.tokens());
        if (tree == null) {
            SyntaxErrorReporter reporter = new SyntaxErrorReporter(diags, offsets);
            if (!DeclarationRecovery.parse(pre.tokens(), reporter)) {
                reporter.limit(1);
                SatcParser parser = newParser(pre.tokens());
                parser.setErrorHandler(reporter);
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                tree = parser.missionFile();
            }
            if (reporter.count() > 0 || diags.hasErrors() || tree == null) {
                return new ParseResult(source, Optional.empty(), comments, diags.sorted());
            }
        }
        Mission mission = new AstBuilder(offsets).mission(tree);
        return new ParseResult(source, Optional.of(mission), comments, diags.sorted());
    }

    /** SLL with bail-out: fast for the valid files that are nearly all of them. */
    private static SatcParser.MissionFileContext parseFast(List<Token> tokens) {
        SatcParser parser = newParser(tokens);
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return parser.missionFile();
        } catch (ParseCancellationException e) {
            return null;
        }
    }

    static SatcParser newParser(List<Token> tokens) {
        SatcParser parser = new SatcParser(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.removeErrorListeners();
        return parser;
    }
}
