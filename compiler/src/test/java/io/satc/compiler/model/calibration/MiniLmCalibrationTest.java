package io.satc.compiler.model.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.runtime.codec.CodecSpec;
import io.satc.runtime.codec.FrameFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Calibration of the quantized all-MiniLM-L6-v2 encoder with the cosine metric, small subset. */
class MiniLmCalibrationTest {
    private static final int SEQ = 32;
    private static final int SAMPLES = 6;
    private static final int BATCH = 3;
    private static final List<CodecSpec> CODECS =
            List.of(CodecSpec.NONE, CodecSpec.FP16, CodecSpec.INT8, CodecSpec.INT4, CodecSpec.topK(100_000));

    private static Calibrator calibrator;
    private static CalibrationTable table;

    @BeforeAll
    static void calibrate() {
        CalibrationSet set = CalibrationSet.load(
                        CalibrationFiles.miniLmSentences(), CalibrationFiles.miniLmTokenizer(), SEQ, SAMPLES)
                .orElseThrow();
        calibrator = Calibrator.open(
                        CalibrationFiles.model(CalibrationFiles.miniLmQuantized()),
                        set,
                        CalibrationMetric.COSINE,
                        CalibrationOptions.defaults().withBatchSize(BATCH))
                .orElseThrow();
        assertEquals(8, calibrator.units().size());
        table = calibrator.calibrate(CODECS, p -> {}).orElseThrow();
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), table.cuts());
    }

    @AfterAll
    static void close() {
        calibrator.close();
    }

    @Test
    void noneIsFreeAndRatiosFollowTheFrameSizeFormula() {
        for (int cut : table.cuts()) {
            assertEquals(0.0, table.entry(cut, CodecSpec.NONE).orElseThrow().loss());
            for (CodecSpec codec : CODECS) {
                double expected = FrameFormat.compressionRatio(
                        BATCH * SEQ * 384L, codec.uncompressedFrameBytes(new int[] {BATCH, SEQ, 384}));
                assertEquals(
                        MeasuredValue.rounded(expected),
                        table.entry(cut, codec).orElseThrow().ratio());
            }
        }
    }

    /** Measured on this subset, not guaranteed in general (see docs/calibration.md). */
    @Test
    void lossGrowsWithCoarserQuantizationAtEveryCut() {
        for (int cut : table.cuts()) {
            double fp16 = table.entry(cut, CodecSpec.FP16).orElseThrow().loss();
            double int8 = table.entry(cut, CodecSpec.INT8).orElseThrow().loss();
            double int4 = table.entry(cut, CodecSpec.INT4).orElseThrow().loss();
            assertTrue(fp16 > 0 && int8 >= fp16 && int4 >= int8, table.render());
            assertTrue(int4 < 0.5, table.render());
        }
    }

    @Test
    void measuringOneCutEqualsTheTableEntryAndTwoCutsCompound() {
        double int4 = calibrator.measure(List.of(3), List.of(CodecSpec.INT4)).orElseThrow();
        assertEquals(table.entry(3, CodecSpec.INT4).orElseThrow().loss(), int4);
        double both = calibrator
                .measure(List.of(1, 3), List.of(CodecSpec.INT4, CodecSpec.INT4))
                .orElseThrow();
        assertTrue(both > int4 * 0.5, both + " vs " + int4);
    }
}
