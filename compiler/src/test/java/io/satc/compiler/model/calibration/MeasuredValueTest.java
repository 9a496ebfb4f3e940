package io.satc.compiler.model.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MeasuredValueTest {
    @Test
    void theTwoMachinesValuesSeenAgreeOnceRounded() {
        // int8+zstd at the KJV cut on two CPUs, and MiniLM's cosine loss on the same two.
        assertEquals(MeasuredValue.rounded(4.107152052967549), MeasuredValue.rounded(4.107156145760241));
        assertEquals(4.11, MeasuredValue.rounded(4.107156145760241));
        assertEquals(MeasuredValue.rounded(1.771327974331438E-5), MeasuredValue.rounded(1.7713052581247446E-5));
        assertEquals(1.77E-5, MeasuredValue.rounded(1.771327974331438E-5));
    }

    @Test
    void zeroAndExactValuesStayAsTheyAre() {
        assertEquals(0.0, MeasuredValue.rounded(0.0));
        assertEquals(1.0, MeasuredValue.rounded(1.0));
        assertEquals(0.00256, MeasuredValue.rounded(0.0025634765625));
        assertEquals(Double.POSITIVE_INFINITY, MeasuredValue.rounded(Double.POSITIVE_INFINITY));
    }
}
