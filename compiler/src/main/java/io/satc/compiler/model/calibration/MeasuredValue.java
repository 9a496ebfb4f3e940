package io.satc.compiler.model.calibration;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The precision at which calibration results are kept. ONNX Runtime picks its kernels by CPU
 * (AVX2, AVX-512, ...), so the same model and data give activations that differ in the last bits
 * from machine to machine; a few int8 values then land in the other bucket, zstd's output moves
 * by a few bytes and a cosine loss in its sixth digit. Three significant digits are what such a
 * measurement can vouch for, and rounding to them keeps plans and bundles byte-identical across
 * machines, not only across runs on one machine.
 */
public final class MeasuredValue {
    /** Significant digits kept of every measured ratio and loss. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private static final MathContext CONTEXT = new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);

    private MeasuredValue() {}

    /** {@code value} rounded to {@link #SIGNIFICANT_DIGITS} significant digits (0 and non-finite values unchanged). */
    public static double rounded(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        return new BigDecimal(value).round(CONTEXT).doubleValue();
    }
}
