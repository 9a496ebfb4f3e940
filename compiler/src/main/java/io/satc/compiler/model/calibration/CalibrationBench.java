package io.satc.compiler.model.calibration;

import io.satc.compiler.model.ModelResult;
import io.satc.compiler.model.OnnxModel;
import io.satc.compiler.model.SplitOptions;
import io.satc.runtime.codec.CodecSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The measurement behind docs/calibration.md ({@code satc bench calibration}): the fp32 MiniLM on
 * all 200 sentences at 128 (cosine) and the KJV decoder on all its windows at 128 (top1), eleven
 * codecs at every cut, then seven plans of two cuts measured against the additive estimate.
 * Minutes of work; it prints figures and checks nothing.
 */
public final class CalibrationBench {
    private static final List<CodecSpec> CODECS = List.of(
            CodecSpec.NONE,
            CodecSpec.FP16,
            CodecSpec.INT8,
            CodecSpec.INT8.withZstd(),
            CodecSpec.INT4,
            CodecSpec.INT4.withZstd(),
            CodecSpec.topK(750_000),
            CodecSpec.topK(500_000),
            CodecSpec.topK(250_000),
            CodecSpec.topK(100_000),
            CodecSpec.topK(100_000).withZstd());
    private static final List<List<CodecSpec>> PLANS = List.of(
            List.of(CodecSpec.INT8, CodecSpec.INT8),
            List.of(CodecSpec.INT8.withZstd(), CodecSpec.INT8.withZstd()),
            List.of(CodecSpec.topK(750_000), CodecSpec.topK(750_000)),
            List.of(CodecSpec.INT4, CodecSpec.INT4),
            List.of(CodecSpec.topK(500_000), CodecSpec.topK(500_000)),
            List.of(CodecSpec.topK(250_000), CodecSpec.topK(250_000)),
            List.of(CodecSpec.INT8, CodecSpec.topK(250_000)));
    private static final List<Integer> PLAN_CUTS = List.of(2, 4);

    /** One model of the benchmark: its files under the repository and the metric it is judged by. */
    public enum Subject {
        KJV(
                "models/kjv-char-gpt/model.onnx",
                "models/kjv-char-gpt/calibration.txt",
                "models/kjv-char-gpt/vocab.json",
                CalibrationMetric.TOP1),
        MINILM(
                "examples/models/all-minilm-l6-v2/all-minilm-l6-v2.onnx",
                "data/calibration/minilm-sentences.txt",
                "examples/models/all-minilm-l6-v2/all-minilm-l6-v2-tokenizer.json",
                CalibrationMetric.COSINE);

        final String model;
        final String text;
        final String tokenizer;
        final CalibrationMetric metric;

        Subject(String model, String text, String tokenizer, CalibrationMetric metric) {
            this.model = model;
            this.text = text;
            this.tokenizer = tokenizer;
            this.metric = metric;
        }
    }

    private CalibrationBench() {}

    /**
     * Calibrates {@code subject} (files relative to the repository {@code root}) and prints the
     * table, the wall times and the plans; progress goes to {@code progress}. Returns false, after
     * saying why, when the files are missing or a step fails.
     */
    public static boolean run(Path root, Subject subject, PrintStream out, PrintStream progress) {
        String name = subject.name().toLowerCase(Locale.ROOT);
        long t0 = System.nanoTime();
        var model = OnnxModel.read(root.resolve(subject.model), SplitOptions.defaults());
        if (model instanceof ModelResult.Failed<OnnxModel> f) {
            out.println(name + ": " + f.error().message()
                    + " (the fp32 MiniLM is unpacked by the build; pass the repository with --repo)");
            return false;
        }
        var set = CalibrationSet.load(root.resolve(subject.text), root.resolve(subject.tokenizer), 128);
        if (set instanceof ModelResult.Failed<CalibrationSet> f) {
            out.println(name + ": " + f.error().message());
            return false;
        }
        var opened =
                Calibrator.open(model.orElseThrow(), set.orElseThrow(), subject.metric, CalibrationOptions.defaults());
        if (opened instanceof ModelResult.Failed<Calibrator> f) {
            out.println(name + ": " + f.error().message());
            return false;
        }
        try (Calibrator calibrator = opened.orElseThrow()) {
            var calibrated = calibrator.calibrate(
                    CODECS,
                    p -> progress.printf(
                            Locale.ROOT,
                            "%s %6.1f s  %d/%d %s%n",
                            name,
                            (System.nanoTime() - t0) / 1e9,
                            p.done(),
                            p.total(),
                            p.step()));
            if (calibrated instanceof ModelResult.Failed<CalibrationTable> f) {
                out.println(name + ": " + f.error().message());
                return false;
            }
            CalibrationTable table = calibrated.orElseThrow();
            out.print(table.render());
            out.printf(
                    Locale.ROOT,
                    "calibration wall time %.1f s (%d samples)%n",
                    (System.nanoTime() - t0) / 1e9,
                    set.orElseThrow().samples());
            for (List<CodecSpec> plan : PLANS) {
                long t1 = System.nanoTime();
                double measured = calibrator.measure(PLAN_CUTS, plan).orElseThrow();
                double additive = table.additiveLoss(PLAN_CUTS, plan);
                out.printf(
                        Locale.ROOT,
                        "plan cuts %s codecs %s: measured %.4e (%.4f %%), additive %.4e (%.4f %%), %.1f s%n",
                        PLAN_CUTS,
                        plan,
                        measured,
                        100 * measured,
                        additive,
                        100 * additive,
                        (System.nanoTime() - t1) / 1e9);
            }
            out.printf(Locale.ROOT, "total wall time %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        return true;
    }
}
