package io.satc.compiler.sema;

import io.satc.compiler.diag.Diagnostic;
import io.satc.compiler.syntax.ParseResult;
import java.util.List;
import java.util.Optional;

/**
 * What checking one file produced: all diagnostics (syntax and semantic, in source order), and
 * the analysed mission when there are no errors.
 */
public record AnalysisResult(
        ParseResult parse, Optional<AnalyzedMission> mission, SemanticTables tables, List<Diagnostic> diagnostics) {
    public AnalysisResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
