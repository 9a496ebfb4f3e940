package io.satc.compiler.model.calibration;

import io.satc.runtime.codec.CodecSpec;
import java.util.Objects;

/**
 * One measured cell of a calibration table: the accuracy loss ℓ(c, j) and the compression ratio
 * ρ(c, j) of codec {@code codec} at the cut after unit {@code cutAfterUnit}.
 */
public record CalibrationEntry(int cutAfterUnit, CodecSpec codec, double loss, double ratio) {
    public CalibrationEntry {
        Objects.requireNonNull(codec, "codec");
    }
}
