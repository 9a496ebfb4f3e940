package io.satc.compiler.cli;

import io.satc.compiler.diag.Diagnostic;
import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.lower.OrbitLowering;
import io.satc.compiler.sema.AnalysisResult;
import io.satc.compiler.sema.Analyzer;
import io.satc.compiler.source.SourceReader;
import io.satc.compiler.syntax.MissionParser;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code satc check FILE...}: parse and analyse missions, print diagnostics. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Check mission files and print diagnostics (file:line:col: error[SATCnnnn]: ...).",
            "Many files are checked in one run. Exit 0 when there are no errors (warnings allowed), 1 when there are."
        })
public final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Mission files (.sat).")
    List<String> files;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Diagnostic> all = new ArrayList<>();
        for (String file : files) {
            List<Diagnostic> ds = check(file).diagnostics();
            output.emit(ds, out);
            all.addAll(ds);
        }
        output.finish(all, files.size(), out, err);
        return all.stream().anyMatch(Diagnostic::isError) ? ExitCodes.INPUT_ERRORS : ExitCodes.OK;
    }

    /** Everything {@code check} does for one file, as a value; also used by tests and benches. */
    public static CheckResult check(String file) {
        return check(java.nio.file.Path.of(file), file);
    }

    /** Checks {@code file}, naming it {@code displayPath} in diagnostics. */
    public static CheckResult check(java.nio.file.Path file, String displayPath) {
        return check(file, displayPath, true);
    }

    /**
     * Checks {@code file}; with {@code propagate} false, TLE satellites are not propagated (for a
     * command that solves the whole geometry and reports what propagation finds itself).
     */
    static CheckResult check(java.nio.file.Path file, String displayPath, boolean propagate) {
        SourceReader.Result read = SourceReader.read(file, displayPath);
        if (!read.ok()) {
            return new CheckResult(null, read.diagnostics());
        }
        AnalysisResult analysis = Analyzer.analyze(MissionParser.parse(read.source()));
        if (analysis.mission().isEmpty() || !propagate) {
            return new CheckResult(analysis, analysis.diagnostics());
        }
        // Element sets that SGP4 cannot follow over the horizon are a problem of the mission, so
        // check propagates them (only them: contacts are `satc contacts`'s), and warns.
        Diagnostics diags = new Diagnostics(read.source());
        diags.addAll(analysis.diagnostics());
        OrbitLowering.reportFailures(
                analysis.mission().get(),
                OrbitLowering.elementSetFailures(analysis.mission().get()),
                diags);
        return new CheckResult(analysis, diags.sorted());
    }

    /** The analysis (absent when the file could not be read) and its diagnostics. */
    public record CheckResult(AnalysisResult analysis, List<Diagnostic> diagnostics) {}
}
