package io.satc.compiler.lsp;

import io.satc.compiler.sema.AnalysisResult;
import io.satc.compiler.sema.Analyzer;
import io.satc.compiler.sema.Dimension;
import io.satc.compiler.source.SourceFile;
import io.satc.compiler.syntax.MissionParser;
import java.util.Optional;

/**
 * One version of a document as analysed: its text, the analysis (diagnostics, and the mission
 * when it is valid) and, when it parsed, the index of what is where.
 */
record Snapshot(int version, SourceFile source, AnalysisResult analysis, Optional<MissionIndex> index) {

    static Snapshot analyse(int version, SourceFile source) {
        AnalysisResult analysis = Analyzer.analyze(MissionParser.parse(source));
        return new Snapshot(
                version, source, analysis, analysis.parse().mission().map(MissionIndex::of));
    }

    /** The dimension the attribute {@code key} has where the mission gives it with a unit, if anywhere. */
    Optional<Dimension> dimensionOf(String key) {
        return index.flatMap(i -> i.dimensionOf(key, analysis.tables()));
    }

    String text() {
        return source.text();
    }
}
