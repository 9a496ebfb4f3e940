package io.satc.compiler.model.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The two metrics on arrays small enough to work out by hand. */
class CalibrationMetricTest {

    /** Two samples of three positions of width 2; the last position of sample 1 is padding. */
    private static final long[] MASK = {1, 1, 1, 1, 1, 0};

    @Test
    void top1CountsDifferingArgmaxAtRealPositionsOnly() {
        float[] reference = {1, 0, 0, 1, 5, 4, /* sample 1 */ 2, 3, 0, 0, 9, 1};
        float[] actual = {0, 1, 0, 2, 5, 4, /* sample 1 */ 2, 3, 0, 0, 0, 9};
        // Real positions: 5. Position 0 flips (0 -> 1); position 1 keeps 1; position 2 keeps 0;
        // sample 1 position 0 keeps 1; position 1 is a tie (0, 0) -> index 0 in both. The padded
        // position flips but does not count.
        assertEquals(1.0 / 5, CalibrationMetric.TOP1.loss(reference, actual, 2, 2, MASK));
    }

    @Test
    void top1WithoutMatchingMaskCountsEveryPosition() {
        float[] reference = {1, 0, 0, 1};
        float[] actual = {0, 1, 0, 1};
        assertEquals(0.5, CalibrationMetric.TOP1.loss(reference, actual, 2, 2, new long[0]));
    }

    @Test
    void cosineComparesMaskedMeanPoolsPerSample() {
        // Sample 0 pools (1,0)+(0,1)+(1,1) = (2,2) against (2,0)+(0,0)+(0,0) = (2,0): cos = 1/sqrt 2.
        // Sample 1 pools (3,4)+(1,0) = (4,4) against (4,4)+(0,0) = (4,4): cos = 1; its padded row
        // ((7,7) against (9,9)) is ignored.
        float[] reference = {1, 0, 0, 1, 1, 1, /* sample 1 */ 3, 4, 1, 0, 7, 7};
        float[] actual = {2, 0, 0, 0, 0, 0, /* sample 1 */ 4, 4, 0, 0, 9, 9};
        double expected = 1 - (1 / Math.sqrt(2) + 1) / 2;
        assertEquals(expected, CalibrationMetric.COSINE.loss(reference, actual, 2, 2, MASK), 1e-15);
    }

    @Test
    void cosineIgnoresScaleAndPenalisesOppositeDirections() {
        float[] reference = {1, 2, 3, 4};
        assertEquals(
                0.0,
                CalibrationMetric.COSINE.loss(reference, new float[] {2, 4, 6, 8}, 1, 2, new long[] {1, 1}),
                1e-15);
        assertEquals(
                2.0,
                CalibrationMetric.COSINE.loss(reference, new float[] {-1, -2, -3, -4}, 1, 2, new long[] {1, 1}),
                1e-15);
    }

    @Test
    void identicalOutputsLoseExactlyNothing() {
        float[] values = {0.1f, -3e-7f, 12.5f, 7f, 1e-30f, -0.3f, 0.2f, 0.2f};
        for (CalibrationMetric m : CalibrationMetric.values()) {
            assertEquals(0.0, m.loss(values, values.clone(), 2, 2, new long[] {1, 1, 1, 0}), m.label());
        }
    }

    @Test
    void rejectsMismatchedShapes() {
        assertThrows(
                IllegalArgumentException.class,
                () -> CalibrationMetric.TOP1.loss(new float[4], new float[6], 1, 2, new long[0]));
        assertThrows(
                IllegalArgumentException.class,
                () -> CalibrationMetric.COSINE.loss(new float[6], new float[6], 4, 2, new long[0]));
    }

    @Test
    void labelsRoundTrip() {
        for (CalibrationMetric m : CalibrationMetric.values()) {
            assertEquals(m, CalibrationMetric.fromLabel(m.label()).orElseThrow());
        }
        assertEquals("top1", CalibrationMetric.TOP1.label());
        assertEquals("cosine", CalibrationMetric.COSINE.label());
    }
}
