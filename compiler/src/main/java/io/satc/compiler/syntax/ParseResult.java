package io.satc.compiler.syntax;

import io.satc.compiler.diag.Diagnostic;
import io.satc.compiler.source.SourceFile;
import io.satc.compiler.syntax.ast.Comment;
import io.satc.compiler.syntax.ast.Mission;
import java.util.List;
import java.util.Optional;

/**
 * What parsing one file produced. The tree is present only when the file has no syntax errors,
 * so later phases never see a half-recovered tree.
 */
public record ParseResult(
        SourceFile source, Optional<Mission> mission, List<Comment> comments, List<Diagnostic> diagnostics) {
    public ParseResult {
        comments = List.copyOf(comments);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
