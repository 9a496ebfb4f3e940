package io.satc.compiler.model.calibration;

import io.satc.runtime.codec.CodecSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The measurement run behind docs/calibration.md: the fp32 MiniLM on all 200 sentences at 128
 * (cosine) and the KJV decoder on all its windows at 128 (top1), at every cut, plus plans of two cuts. Minutes
 * of work, so it runs only with {@code -Dsatc.calibration.measure=true}; results go to
 * {@code compiler/target/calibration/}.
 */
@EnabledIfSystemProperty(named = "satc.calibration.measure", matches = "true")
class CalibrationMeasurementTest {
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

    @Test
    void kjvDecoderAllCuts() throws IOException {
        run(
                "kjv",
                CalibrationFiles.kjv(),
                CalibrationFiles.kjvText(),
                CalibrationFiles.kjvVocab(),
                CalibrationMetric.TOP1,
                List.of(0, 1, 2, 3, 4));
    }

    @Test
    void miniLmFp32AllCuts() throws IOException {
        run(
                "minilm-fp32",
                CalibrationFiles.miniLm(),
                CalibrationFiles.miniLmSentences(),
                CalibrationFiles.miniLmTokenizer(),
                CalibrationMetric.COSINE,
                List.of(0, 1, 2, 3, 4, 5, 6));
    }

    private static void run(
            String name, Path model, Path text, Path tokenizer, CalibrationMetric metric, List<Integer> cuts)
            throws IOException {
        Path out = CalibrationFiles.repoRoot().resolve("compiler/target/calibration");
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        CalibrationSet set = CalibrationSet.load(text, tokenizer, 128).orElseThrow();
        StringBuilder report = new StringBuilder();
        try (Calibrator calibrator = Calibrator.open(model, set, metric, CalibrationOptions.defaults())
                .orElseThrow()) {
            CalibrationTable table = calibrator
                    .calibrate(
                            CODECS,
                            cuts,
                            p -> System.err.printf(
                                    Locale.ROOT,
                                    "%s %6.1f s  %d/%d %s%n",
                                    name,
                                    (System.nanoTime() - t0) / 1e9,
                                    p.done(),
                                    p.total(),
                                    p.step()))
                    .orElseThrow();
            double calibrateSeconds = (System.nanoTime() - t0) / 1e9;
            report.append(table.render());
            report.append(String.format(
                    Locale.ROOT, "calibration wall time %.1f s (%d samples)%n", calibrateSeconds, set.samples()));
            Files.writeString(out.resolve(name + ".json"), table.toJson(), StandardCharsets.UTF_8);
            List<Integer> planCuts = List.of(2, 4);
            for (List<CodecSpec> plan : PLANS) {
                long t1 = System.nanoTime();
                double measured = calibrator.measure(planCuts, plan).orElseThrow();
                List<String> labels = new ArrayList<>();
                plan.forEach(c -> labels.add(c.label()));
                double additive = table.additiveLoss(planCuts, labels);
                report.append(String.format(
                        Locale.ROOT,
                        "plan cuts %s codecs %s: measured %.4e (%.4f %%), additive %.4e (%.4f %%), %.1f s%n",
                        planCuts,
                        labels,
                        measured,
                        100 * measured,
                        additive,
                        100 * additive,
                        (System.nanoTime() - t1) / 1e9));
            }
            report.append(String.format(Locale.ROOT, "total wall time %.1f s%n", (System.nanoTime() - t0) / 1e9));
        }
        Files.writeString(out.resolve(name + ".txt"), report.toString(), StandardCharsets.UTF_8);
        System.err.print(report);
    }
}
