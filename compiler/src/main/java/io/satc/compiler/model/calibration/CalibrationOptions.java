package io.satc.compiler.model.calibration;

import java.util.Objects;
import java.util.Optional;

/**
 * How to run a calibration: samples per ONNX Runtime run (and per encoded frame), and which model
 * output the metric reads (the first float output when absent). How blocks are found is the
 * model's ({@link io.satc.compiler.model.OnnxModel#options()}).
 */
public record CalibrationOptions(int batchSize, Optional<String> outputName) {
    /** Samples per run unless the caller says otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 8;

    public CalibrationOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " is not positive");
        }
        Objects.requireNonNull(outputName, "outputName");
    }

    public static CalibrationOptions defaults() {
        return new CalibrationOptions(DEFAULT_BATCH_SIZE, Optional.empty());
    }

    public CalibrationOptions withBatchSize(int size) {
        return new CalibrationOptions(size, outputName);
    }
}
