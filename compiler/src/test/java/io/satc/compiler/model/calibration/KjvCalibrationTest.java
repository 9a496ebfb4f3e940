package io.satc.compiler.model.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.model.ModelProfile;
import io.satc.compiler.model.ModelProfiler;
import io.satc.runtime.codec.CodecSpec;
import io.satc.runtime.codec.FrameFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calibration of the KJV character decoder with the top-1 metric on a small subset. */
class KjvCalibrationTest {
    private static final int SEQ = 64;
    private static final int SAMPLES = 12;
    private static final int BATCH = 4;

    private static CalibrationSet set;
    private static Calibrator calibrator;
    private static CalibrationTable table;
    private static final List<Progress> progress = new ArrayList<>();

    @BeforeAll
    static void calibrate() {
        set = CalibrationSet.load(CalibrationFiles.kjvText(), CalibrationFiles.kjvVocab(), SEQ, SAMPLES)
                .orElseThrow();
        calibrator = Calibrator.open(
                        CalibrationFiles.model(CalibrationFiles.kjv()),
                        set,
                        CalibrationMetric.TOP1,
                        CalibrationOptions.defaults().withBatchSize(BATCH))
                .orElseThrow();
        table = calibrator.calibrate(CalibrationFiles.CODECS, progress::add).orElseThrow();
    }

    @AfterAll
    static void close() {
        calibrator.close();
    }

    @Test
    void coversEveryCutAndCodecInOrder() {
        assertEquals(List.of(0, 1, 2, 3, 4), table.cuts());
        assertEquals(CalibrationFiles.CODECS, table.codecs());
        assertEquals(
                List.of("none", "fp16", "int8", "int4", "topk(50%)", "topk(25%)", "topk(10%)"),
                table.codecs().stream().map(CodecSpec::label).toList());
        assertEquals("top1", table.metric());
        assertEquals(SAMPLES, table.samples());
        assertEquals(1 + 5 * 7, progress.size());
        assertEquals(progress.size(), progress.get(progress.size() - 1).done());
        assertEquals(progress.size(), progress.get(0).total());
    }

    @Test
    void noneLosesNothingAndRatiosFollowTheFrameSizeFormula() {
        for (int cut : table.cuts()) {
            assertEquals(0.0, table.entry(cut, CodecSpec.NONE).orElseThrow().loss());
            for (CodecSpec codec : CalibrationFiles.CODECS) {
                int[] shape = {BATCH, SEQ, 128};
                double expected = FrameFormat.compressionRatio(BATCH * SEQ * 128L, codec.uncompressedFrameBytes(shape));
                assertEquals(
                        MeasuredValue.rounded(expected),
                        table.entry(cut, codec).orElseThrow().ratio(),
                        codec.label());
            }
        }
        // The frame header makes `none` slightly larger than the raw tensor (ratio 0.99997), which
        // three significant digits round to 1.
        assertEquals(1.0, table.entry(0, CodecSpec.NONE).orElseThrow().ratio());
    }

    @Test
    void lossesAreFractionsAndSomeCodecLosesAccuracy() {
        boolean anyLoss = false;
        for (CalibrationEntry e : table.entries()) {
            assertTrue(e.loss() >= 0 && e.loss() <= 1, e.toString());
            anyLoss |= e.loss() > 0;
        }
        assertTrue(anyLoss, table.render());
    }

    /**
     * Measured, not guaranteed: averaged over the cuts, coarser quantization loses at least as
     * much, and top-k keeping more entries loses at most as much (see docs/calibration.md).
     */
    @Test
    void coarserCodecsLoseAtLeastAsMuchOnAverage() {
        assertTrue(mean(CodecSpec.INT4) >= mean(CodecSpec.INT8), table.render());
        assertTrue(mean(CodecSpec.INT8) >= mean(CodecSpec.FP16), table.render());
        assertTrue(mean(CodecSpec.topK(100_000)) >= mean(CodecSpec.topK(250_000)), table.render());
        assertTrue(mean(CodecSpec.topK(250_000)) >= mean(CodecSpec.topK(500_000)), table.render());
    }

    @Test
    void measuringOneCutEqualsTheTableEntry() {
        for (int cut : List.of(1, 3)) {
            for (CodecSpec codec : List.of(CodecSpec.NONE, CodecSpec.INT4, CodecSpec.topK(100_000))) {
                double measured =
                        calibrator.measure(List.of(cut), List.of(codec)).orElseThrow();
                assertEquals(
                        table.entry(cut, codec).orElseThrow().loss(), measured, "cut " + cut + " " + codec.label());
            }
        }
    }

    @Test
    void measuringSeveralCutsCompounds() {
        double both = calibrator
                .measure(List.of(1, 3), List.of(CodecSpec.INT4, CodecSpec.topK(100_000)))
                .orElseThrow();
        assertTrue(both > 0);
        assertEquals(
                0.0,
                calibrator
                        .measure(List.of(0, 2, 4), List.of(CodecSpec.NONE, CodecSpec.NONE, CodecSpec.NONE))
                        .orElseThrow());
        assertFalse(calibrator
                .measure(List.of(3, 1), List.of(CodecSpec.INT4, CodecSpec.INT4))
                .isOk());
        assertFalse(calibrator.measure(List.of(5), List.of(CodecSpec.INT4)).isOk());
        assertFalse(calibrator.measure(List.of(1), List.of()).isOk());
    }

    @Test
    void aSecondCalibratorGivesTheSameTable() {
        try (Calibrator again = Calibrator.open(
                        CalibrationFiles.model(CalibrationFiles.kjv()),
                        set,
                        CalibrationMetric.TOP1,
                        CalibrationOptions.defaults().withBatchSize(BATCH))
                .orElseThrow()) {
            CalibrationTable second = again.calibrate(CalibrationFiles.CODECS, List.of(2, 4), p -> {})
                    .orElseThrow();
            for (CalibrationEntry e : second.entries()) {
                CalibrationEntry first =
                        table.entry(e.cutAfterUnit(), e.codec()).orElseThrow();
                assertEquals(Double.doubleToRawLongBits(first.loss()), Double.doubleToRawLongBits(e.loss()));
                assertEquals(Double.doubleToRawLongBits(first.ratio()), Double.doubleToRawLongBits(e.ratio()));
            }
        }
    }

    @Test
    void cacheHitEqualsFreshComputationAndCorruptFilesAreRewritten(@TempDir Path dir) throws Exception {
        CalibrationRequest request = request(List.of(CodecSpec.NONE, CodecSpec.INT4), List.of(3));
        CalibrationCache cache = new CalibrationCache(dir);
        String key = CalibrationCache.key(request);
        assertTrue(key.matches("[0-9a-f]{64}"));
        List<Progress> steps = new ArrayList<>();
        CalibrationTable fresh;
        ModelProfile profile;
        try (CalibrationSession miss =
                CalibrationSession.open(request, cache, steps::add).orElseThrow()) {
            assertTrue(miss.ranModel());
            fresh = miss.table();
            profile = miss.profile();
        }
        assertEquals(3, steps.size());
        assertTrue(Files.isRegularFile(cache.fileFor(key)));
        assertEquals(ModelProfiler.profile(request.model(), SEQ).orElseThrow(), profile);
        steps.clear();
        try (CalibrationSession hit =
                CalibrationSession.open(request, cache, steps::add).orElseThrow()) {
            assertEquals(fresh, hit.table());
            assertEquals(profile, hit.profile());
            assertFalse(hit.ranModel(), "a hit does not run the model");
        }
        assertTrue(steps.isEmpty(), "a hit does not calibrate");
        assertEquals(fresh, Calibrator.calibrate(request, p -> {}).orElseThrow());

        Files.writeString(cache.fileFor(key), "{\"formatVersion\": 3, \"cuts\": [", StandardCharsets.UTF_8);
        try (CalibrationSession rewritten =
                CalibrationSession.open(request, cache, steps::add).orElseThrow()) {
            assertEquals(fresh, rewritten.table());
        }
        assertEquals(3, steps.size());
        assertEquals(
                new CalibrationRecord(profile, fresh, List.of()).toJson(),
                Files.readString(cache.fileFor(key), StandardCharsets.UTF_8));

        CalibrationRequest other = new CalibrationRequest(
                request.model(),
                request.text(),
                request.tokenizer(),
                SEQ,
                4,
                CalibrationMetric.COSINE,
                request.codecs(),
                request.cuts(),
                request.options());
        assertFalse(key.equals(CalibrationCache.key(other)));
    }

    @Test
    void aMeasuredPlanIsKeptWithTheTableAndNotMeasuredAgain(@TempDir Path dir) {
        CalibrationRequest request = request(List.of(CodecSpec.INT4), List.of());
        CalibrationCache cache = new CalibrationCache(dir);
        List<Integer> cuts = List.of(1, 3);
        List<CodecSpec> codecs = List.of(CodecSpec.INT4, CodecSpec.INT4);
        double measured;
        try (CalibrationSession miss =
                CalibrationSession.open(request, cache, p -> {}).orElseThrow()) {
            measured = miss.measure(cuts, codecs).orElseThrow();
        }
        try (CalibrationSession hit =
                CalibrationSession.open(request, cache, p -> {}).orElseThrow()) {
            assertEquals(measured, hit.measure(cuts, codecs).orElseThrow());
            assertEquals(0.0, hit.measure(List.of(), List.of()).orElseThrow());
            assertFalse(hit.ranModel(), "a plan measured before is answered by the cache");
            double other = hit.measure(List.of(2), List.of(CodecSpec.INT4)).orElseThrow();
            assertTrue(hit.ranModel(), "a new plan runs the model");
            assertEquals(hit.table().entry(2, CodecSpec.INT4).orElseThrow().loss(), other);
        }
        try (CalibrationSession again =
                CalibrationSession.open(request, cache, p -> {}).orElseThrow()) {
            assertEquals(measured, again.measure(cuts, codecs).orElseThrow());
            again.measure(List.of(2), List.of(CodecSpec.INT4)).orElseThrow();
            assertFalse(again.ranModel(), "both plans are in the record now");
        }
    }

    /** Four windows of the KJV set, top1, at the test's sequence length and batch. */
    private static CalibrationRequest request(List<CodecSpec> codecs, List<Integer> cuts) {
        return new CalibrationRequest(
                CalibrationFiles.model(CalibrationFiles.kjv()),
                CalibrationFiles.kjvText(),
                CalibrationFiles.kjvVocab(),
                SEQ,
                4,
                CalibrationMetric.TOP1,
                codecs,
                cuts,
                CalibrationOptions.defaults().withBatchSize(BATCH));
    }

    private static double mean(CodecSpec codec) {
        double sum = 0;
        for (int cut : table.cuts()) {
            sum += table.entry(cut, codec).orElseThrow().loss();
        }
        return sum / table.cuts().size();
    }
}
