package io.satc.compiler.model.calibration;

import io.satc.compiler.model.SplitOptions;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run a calibration: samples per ONNX Runtime run (and per encoded frame), which model
 * output the metric reads (the first float output when absent), and how to find blocks.
 */
public record CalibrationOptions(int batchSize, Optional<String> outputName, SplitOptions split) {
    /** Samples per run unless the caller says otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 8;

    public CalibrationOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " is not positive");
        }
        Objects.requireNonNull(outputName, "outputName");
        Objects.requireNonNull(split, "split");
    }

    public static CalibrationOptions defaults() {
        return new CalibrationOptions(DEFAULT_BATCH_SIZE, Optional.empty(), SplitOptions.defaults());
    }

    public CalibrationOptions withBatchSize(int size) {
        return new CalibrationOptions(size, outputName, split);
    }
}
