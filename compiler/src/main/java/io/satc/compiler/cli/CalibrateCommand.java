package io.satc.compiler.cli;

import io.satc.compiler.lower.Lowerer;
import io.satc.compiler.lower.Lowering;
import io.satc.compiler.lower.LoweringOptions;
import io.satc.compiler.model.calibration.CalibrationSession;
import io.satc.compiler.model.calibration.Progress;
import io.satc.compiler.sema.AnalyzedMission;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code satc calibrate FILE}: measure every candidate codec at every cut of the mission's ONNX model. */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the accuracy loss and compression ratio of every candidate codec at every cut of the mission's ONNX model,",
            "on its calibration data (model.tokenizer, accuracy.calibration, accuracy.metric; docs/calibration.md).",
            "Results are cached ($SATC_CACHE, else ~/.cache/satc); `satc plan` and `satc compile` use the same table."
        })
public final class CalibrateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The mission file (.sat).")
    String file;

    @Mixin
    OutputOptions diagnostics;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var loaded = MissionLoader.load(file, diagnostics, out, err);
        if (loaded.isEmpty()) {
            return ExitCodes.INPUT_ERRORS;
        }
        AnalyzedMission m = loaded.get().mission();
        if (!(m.model().source() instanceof AnalyzedMission.OnnxSource)
                || m.model().tokenizer().isEmpty()
                || m.accuracy().calibration().isEmpty()) {
            err.println("satc: " + file
                    + ": calibration needs an `onnx` model with `tokenizer`, and `accuracy.calibration` data.");
            return ExitCodes.INPUT_ERRORS;
        }
        Lowering lowering = Lowerer.lower(m, LoweringOptions.defaults().withProgress(progressBar(err)));
        if (lowering instanceof Lowering.Unsupported u) {
            u.reasons().forEach(r -> err.println("satc: " + file + ": " + r));
            return ExitCodes.INPUT_ERRORS;
        }
        Lowering.Lowered lowered = (Lowering.Lowered) lowering;
        if (lowered.calibration().isEmpty()) {
            err.println("satc: " + file + ": the mission lists no built-in codec to calibrate.");
            return ExitCodes.INPUT_ERRORS;
        }
        try (CalibrationSession calibration = lowered.calibration().get()) {
            out.print(calibration.table().render());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** A one-line bar redrawn in place on a terminal; silent otherwise (a log would fill with bars). */
    static Consumer<Progress> progressBar(PrintWriter err) {
        if (System.console() == null) {
            return p -> {};
        }
        return p -> {
            int width = 30;
            int filled = (int) Math.round(width * p.fraction());
            err.printf(
                    Locale.ROOT,
                    "\r[%s%s] %3d%% %-40s",
                    "#".repeat(filled),
                    " ".repeat(width - filled),
                    Math.round(100 * p.fraction()),
                    p.step().length() > 40 ? p.step().substring(0, 40) : p.step());
            if (p.done() >= p.total()) {
                err.println();
            }
            err.flush();
        };
    }
}
