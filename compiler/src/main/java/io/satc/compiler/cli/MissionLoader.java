package io.satc.compiler.cli;

import io.satc.compiler.sema.AnalysisResult;
import io.satc.compiler.sema.AnalyzedMission;
import io.satc.compiler.source.SourceFile;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * What every command that needs a valid mission does first: check it; print errors (and the
 * summary) to stdout and return nothing when it has errors; print warnings to stderr (stdout
 * stays the command's output, e.g. valid JSON) and return the analysed mission otherwise.
 */
final class MissionLoader {

    /** A valid mission: the source as read (its text is what a bundle's hash covers) and its analysis. */
    record Loaded(SourceFile source, AnalyzedMission mission) {}

    private MissionLoader() {}

    static Optional<Loaded> load(String file, OutputOptions output, PrintWriter out, PrintWriter err) {
        return load(java.nio.file.Path.of(file), file, true, output, out, err);
    }

    /** As {@link #load(String, OutputOptions, PrintWriter, PrintWriter)}; {@code propagate} as in {@link CheckCommand}. */
    static Optional<Loaded> load(
            String file, boolean propagate, OutputOptions output, PrintWriter out, PrintWriter err) {
        return load(java.nio.file.Path.of(file), file, propagate, output, out, err);
    }

    /** The same for {@code file}, named {@code shown} in diagnostics. */
    static Optional<Loaded> load(
            java.nio.file.Path file,
            String shown,
            boolean propagate,
            OutputOptions output,
            PrintWriter out,
            PrintWriter err) {
        CheckCommand.CheckResult checked = CheckCommand.check(file, shown, propagate);
        AnalysisResult analysis = checked.analysis();
        if (analysis == null || analysis.mission().isEmpty()) {
            output.emit(checked.diagnostics(), out);
            output.finish(checked.diagnostics(), 1, out, err);
            return Optional.empty();
        }
        output.emit(checked.diagnostics(), err);
        return Optional.of(
                new Loaded(analysis.parse().source(), analysis.mission().get()));
    }
}
