package io.satc.runtime.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleFile;
import io.satc.runtime.inference.InferenceRunner;
import io.satc.runtime.inference.ModelOutputs;
import io.satc.runtime.pipeline.PipelineFailure;
import io.satc.runtime.pipeline.ResourceReport;
import io.satc.runtime.pipeline.RunOptions;
import io.satc.runtime.pipeline.RunReport;
import io.satc.runtime.report.Figures;
import io.satc.runtime.report.MeasuredReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code run DIR [--emulate] [--time-scale X] [--json] [--report FILE]}: execute a bundle as a local pipeline. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run a bundle as a local pipeline: one thread per stage and per link hop, bounded queues, real codec frames.",
            "The bundle's signature and every file are verified first (a refused bundle: one sentence, exit 1; "
                    + "docs/security.md). Prints measured against predicted per resource, then the outputs.",
            "The bundle is never changed: --report FILE writes its report.html with the run's measured chart to FILE.",
            "Exit 0 when every micro-batch arrived, 1 for a bad or refused bundle or input or a report that cannot be written (after "
                    + "the outputs), 4 when the run failed."
        })
public final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The bundle folder written by `satc compile`.")
    Path bundle;

    @Option(
            names = "--emulate",
            description =
                    "Pad every stage to its predicted compute time and pace every hop to its rate and delay "
                            + "(hardware in the loop): the makespan then checks the scheduler and transport against the cost model.")
    boolean emulate;

    @Option(
            names = "--time-scale",
            paramLabel = "X",
            defaultValue = "1",
            description =
                    "With --emulate, multiply every predicted time by X (default: ${DEFAULT-VALUE}); pick X so that this machine is "
                            + "never slower than the emulated hardware (the run warns when it is).")
    double timeScale;

    @Option(names = "--json", description = "Print one JSON document instead of the table.")
    boolean json;

    @Option(
            names = "--input",
            paramLabel = "FILE",
            description = "Inputs: for a text model, one sample per line (at most the "
                    + "batch); for a tensor input, a .npy of the whole batch. Default: the bundle's samples, or synthetic inputs for a "
                    + "simulation bundle.")
    Path input;

    @Option(
            names = "--generate",
            paramLabel = "N",
            defaultValue = "" + InferenceRunner.DEFAULT_STEPS,
            description = "Characters a decoder generates, one pipeline pass each (default: ${DEFAULT-VALUE}).")
    int generate;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "Write the bundle's report.html with this run's measured Gantt chart to FILE (outside the "
                    + "bundle), after the outputs are printed. Default: no report is written.")
    Path report;

    @Mixin
    TrustOptions trusted;

    @Spec
    CommandSpec spec;

    /** The program's name, which every message starts with. */
    private String me;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        me = CommandLines.program(spec);
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            err.println(me + ": --time-scale must be a positive number, got " + timeScale + ".");
            return ExitCodes.USAGE;
        }
        Optional<Bundle> loaded = trusted.read(bundle, BundleFile.Selection.all(), me, err);
        if (loaded.isEmpty()) {
            return ExitCodes.INPUT_ERRORS;
        }
        Bundle b = loaded.get();
        if (report != null && misplaced(report, err)) {
            return ExitCodes.USAGE;
        }
        RunOptions options = emulate ? RunOptions.emulate(timeScale) : RunOptions.nativeSpeed();
        if (!json) {
            err.println(me + ": running " + b.manifest().mission() + " ("
                    + b.manifest().microBatches() + " micro-batches, "
                    + (emulate ? "emulated hardware, time scale " + timeScale : "native speed") + ") ...");
            err.flush();
        }
        Progress progress = new Progress(err, me, !json && System.console() != null);
        InferenceRunner.Outcome outcome = new InferenceRunner().run(b, options, input, generate, progress::line);
        progress.done();
        if (outcome instanceof InferenceRunner.BadInput bad) {
            err.println(me + ": " + bad.message());
            return ExitCodes.INPUT_ERRORS;
        }
        if (outcome instanceof InferenceRunner.Failed f) {
            PipelineFailure failure = f.failure();
            err.println(me + ": the run failed at " + failure.resource()
                    + (failure.microBatch().isPresent()
                            ? " on micro-batch " + failure.microBatch().getAsLong()
                            : "")
                    + (f.pass() > 1 ? " (pass " + f.pass() + ")" : "") + ": " + failure.message());
            err.println(me + ": " + f.completedOutputs() + " of " + b.manifest().microBatches()
                    + " micro-batches arrived; no output is presented as complete.");
            return ExitCodes.RUN_FAILED;
        }
        InferenceRunner.Done done = (InferenceRunner.Done) outcome;
        RunReport measured = done.report();
        if (json) {
            ObjectNode tree = measured.toJsonTree();
            tree.put("passes", done.passes());
            done.outputs().writeTo((ObjectNode) tree.get("outputs"));
            out.print(RunReport.toJson(tree));
        } else {
            print(measured, out);
            printOutputs(done, out);
        }
        out.flush();
        return report == null ? ExitCodes.OK : writeReport(b, measured, err);
    }

    /** A report path that cannot be right: inside the bundle (a run never changes it), or in no folder. */
    private boolean misplaced(Path file, PrintWriter err) {
        Path target = file.toAbsolutePath().normalize();
        if (target.startsWith(bundle.toAbsolutePath().normalize())) {
            err.println(me + ": --report `" + file + "` is inside the bundle, and a run never changes the bundle; "
                    + "write the report elsewhere.");
            return true;
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            err.println(me + ": --report `" + file + "`: the folder `" + target.getParent() + "` does not exist.");
            return true;
        }
        return false;
    }

    /** Writes the measured report where --report says; the outputs are already printed. */
    private int writeReport(Bundle b, RunReport measured, PrintWriter err) {
        try {
            Optional<String> html = MeasuredReport.render(bundle, b.manifest(), measured);
            if (html.isEmpty()) {
                err.println(me + ": the bundle has no report.html to add the measurements to; no report was written.");
                return ExitCodes.INPUT_ERRORS;
            }
            Files.writeString(report, html.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(me + ": cannot write the report to `" + report + "` (" + reason(e)
                    + "); the outputs above are complete.");
            return ExitCodes.INPUT_ERRORS;
        }
        if (!json) {
            err.println(me + ": wrote the measured report to " + report);
        }
        return ExitCodes.OK;
    }

    private static String reason(IOException e) {
        String kind = e instanceof java.nio.file.AccessDeniedException
                ? "permission denied"
                : e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                        ? f.getReason()
                        : e.getMessage();
        return kind == null ? e.getClass().getSimpleName() : kind;
    }

    /** A one-line progress indicator on a terminal, rewritten in place; silent otherwise. */
    private static final class Progress {
        private final PrintWriter err;
        private final String me;
        private final boolean enabled;
        private boolean shown;

        Progress(PrintWriter err, String me, boolean enabled) {
            this.err = err;
            this.me = me;
            this.enabled = enabled;
        }

        void line(String text) {
            if (enabled) {
                err.print("\r\033[2K" + me + ": " + text);
                err.flush();
                shown = true;
            }
        }

        void done() {
            if (shown) {
                err.print("\r\033[2K");
                err.flush();
            }
        }
    }

    private static void printOutputs(InferenceRunner.Done done, PrintWriter out) {
        if (done.outputs() instanceof ModelOutputs.Embeddings e) {
            out.println();
            out.printf(
                    Locale.ROOT,
                    "  embeddings %d x %d (mean-pooled over the attention mask, L2-normalised); first values:%n",
                    e.vectors().size(),
                    e.vectors().isEmpty() ? 0 : e.vectors().get(0).length);
        } else if (done.outputs() instanceof ModelOutputs.Generated g) {
            out.println();
            out.printf(
                    Locale.ROOT,
                    "  generated %d characters per prompt, greedy, one pipeline pass each (times above are means per pass):%n",
                    g.steps());
        }
        OutputLines.print(done.outputs(), out, "  ");
    }

    private static void print(RunReport r, PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "Mission \"%s\": %d micro-batches, %s%n%n",
                r.mission(),
                r.microBatches(),
                r.mode().name().toLowerCase(Locale.ROOT)
                        + (r.timeScale() != 1 ? " at time scale " + r.timeScale() : ""));
        out.printf(Locale.ROOT, "  %-40s %-6s %14s %14s %14s%n", "resource", "kind", "predicted", "measured", "bytes");
        for (ResourceReport res : r.resources()) {
            out.printf(
                    Locale.ROOT,
                    "  %-40s %-6s %14s %14s %14s%n",
                    res.name(),
                    res.kind(),
                    Figures.seconds(res.predictedSeconds()),
                    Figures.seconds(res.measuredSeconds()),
                    res.bytes() == 0 ? "" : Figures.bytes(res.bytes()));
        }
        out.println();
        out.printf(
                Locale.ROOT,
                "  makespan   predicted %s, measured %s (%+.1f %%)%n",
                Figures.seconds(r.makespanPredicted()),
                Figures.seconds(r.makespanMeasured()),
                100 * (r.makespanMeasured() / r.makespanPredicted() - 1));
        out.printf(
                Locale.ROOT,
                "  bottleneck predicted %s, measured %s%n",
                r.bottleneckPredicted(),
                r.bottleneckMeasured());
        out.printf(
                Locale.ROOT,
                "  bytes      %s over all hops; efficiency %.3f of the bottleneck bound%n",
                Figures.bytes(r.bytesTotal()),
                r.efficiency());
        out.println("  outputs    " + r.outputs().size() + " micro-batches, checksums "
                + String.join(" ", r.outputs().stream().map(o -> o.checksum()).toList()));
        r.warnings().forEach(w -> out.println("  warning: " + w));
    }
}
