package io.satc.compiler.model;

import java.util.List;

/**
 * A per-unit cost profile derived from an ONNX model at one sequence length, with the raw input
 * bytes per sample (I in the cost model).
 */
public record ModelProfile(int sequenceLength, long inputBytesPerSample, List<UnitProfile> units) {
    public ModelProfile {
        units = List.copyOf(units);
    }
}
