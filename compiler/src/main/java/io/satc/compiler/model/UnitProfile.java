package io.satc.compiler.model;

import java.util.Objects;

/**
 * The cost-model figures of one unit: weight bytes W_u, FLOPs per sample F_u and output
 * activation bytes per sample A_u (all at the profile's sequence length).
 */
public record UnitProfile(String name, long weightBytes, long flopsPerSample, long outBytesPerSample) {
    public UnitProfile {
        Objects.requireNonNull(name, "name");
    }
}
