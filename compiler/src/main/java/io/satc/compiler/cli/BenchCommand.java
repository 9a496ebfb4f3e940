package io.satc.compiler.cli;

import io.satc.compiler.model.SplitBench;
import io.satc.compiler.model.calibration.CalibrationBench;
import io.satc.compiler.plan.PlannerBench;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code satc bench plan|calibration|split|lsp}: benchmarks that print their figures (docs/planner.md, docs/calibration.md, docs/onnx-splitting.md, docs/editors.md). */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Run a benchmark and print its figures (they are measurements, not tests).",
        subcommands = {
            BenchCommand.Plan.class,
            BenchCommand.Calibration.class,
            BenchCommand.Split.class,
            BenchCommand.Lsp.class
        })
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the benches on real models find them. */
    static final class Repository {
        @Option(
                names = "--repo",
                paramLabel = "DIR",
                defaultValue = ".",
                description = "The satc repository holding the models (default: the current directory).")
        Path root;
    }

    /** The benches print as they go; route them through picocli's writer so tests can capture them. */
    static PrintStream stream(PrintWriter w) {
        return new PrintStream(
                new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        w.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        w.write(new String(b, off, len, StandardCharsets.UTF_8));
                    }

                    @Override
                    public void flush() {
                        w.flush();
                    }
                },
                true,
                StandardCharsets.UTF_8);
    }

    /** The planner on the ViT-G paper problem, LLaMA-2-70B over 24 satellites, and a 66-satellite Walker shell. */
    @Command(
            name = "plan",
            mixinStandardHelpOptions = true,
            description =
                    "Time the A* planner on the benchmark problems and compare expanded labels with a zero heuristic.")
    static final class Plan implements Callable<Integer> {

        @Option(names = "--no-zero", description = "Skip the (slow) zero-heuristic comparison runs.")
        boolean noZero;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintStream out = stream(spec.commandLine().getOut());
            PlannerBench.run(out, noZero);
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** The calibration tables and two-cut plans of docs/calibration.md, on the full data sets. */
    @Command(
            name = "calibration",
            mixinStandardHelpOptions = true,
            description = "Calibrate 11 codecs at every cut of the KJV decoder (top1, 241 windows of 128) and the fp32"
                    + " MiniLM (cosine, 200 sentences at 128), and measure 7 plans of two cuts; minutes of work"
                    + " (docs/calibration.md).")
    static final class Calibration implements Callable<Integer> {

        @Option(
                names = "--model",
                paramLabel = "NAME",
                description = "Only this model: ${COMPLETION-CANDIDATES} (default: both).")
        CalibrationBench.Subject model;

        @Mixin
        Repository repository;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintStream out = stream(spec.commandLine().getOut());
            PrintStream progress = stream(spec.commandLine().getErr());
            boolean ok = true;
            for (CalibrationBench.Subject s :
                    model == null ? List.of(CalibrationBench.Subject.values()) : List.of(model)) {
                ok &= CalibrationBench.run(repository.root, s, out, progress);
            }
            out.flush();
            return ok ? ExitCodes.OK : ExitCodes.INPUT_ERRORS;
        }
    }

    /** Wall time and memory of splitting the fp32 MiniLM at every cut (docs/onnx-splitting.md). */
    @Command(
            name = "split",
            mixinStandardHelpOptions = true,
            description =
                    "Split the fp32 MiniLM at all 7 cuts twice in one JVM; print wall time, heap and resident-set peaks.")
    static final class Split implements Callable<Integer> {

        @Mixin
        Repository repository;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            PrintStream out = stream(spec.commandLine().getOut());
            boolean ok = SplitBench.run(repository.root, out);
            out.flush();
            return ok ? ExitCodes.OK : ExitCodes.INPUT_ERRORS;
        }
    }

    /** The language server's answers after edits of a 10,000-satellite mission. */
    @Command(
            name = "lsp",
            mixinStandardHelpOptions = true,
            description = "Time satc lsp's answers (hover, definition, references, completion, outline, diagnostics)"
                    + " after edits of a large generated mission, over JSON-RPC.")
    static final class Lsp implements Callable<Integer> {

        @Option(
                names = "--satellites",
                paramLabel = "N",
                defaultValue = "10000",
                description = "Satellites in the generated mission (default: ${DEFAULT-VALUE}).")
        int satellites;

        @Option(
                names = "--edits",
                paramLabel = "K",
                defaultValue = "30",
                description = "Edits measured (default: ${DEFAULT-VALUE}).")
        int edits;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (satellites < 3 || edits < 1) {
                spec.commandLine().getErr().println("satc: --satellites must be at least 3 and --edits at least 1.");
                return ExitCodes.USAGE;
            }
            io.satc.compiler.lsp.LspBench.run(
                    satellites, edits, stream(spec.commandLine().getOut()));
            return ExitCodes.OK;
        }
    }
}
