package io.satc.compiler.lower;

import java.util.Objects;

/**
 * One unit of the model profile (stem, transformer block or head): its weights, its work per
 * sample and the size of its output activation per sample.
 *
 * @param name               unit name, used only in messages
 * @param weightBytes        bytes of weights held in memory ({@code W_u})
 * @param flopsPerSample     floating-point operations per sample ({@code F_u})
 * @param outBytesPerSample  bytes of the output activation per sample ({@code A_u})
 */
public record ModelUnit(String name, double weightBytes, double flopsPerSample, double outBytesPerSample) {

    public ModelUnit {
        Objects.requireNonNull(name, "name");
        Checks.finiteNonNegative(weightBytes, "weightBytes of unit " + name);
        Checks.finiteNonNegative(flopsPerSample, "flopsPerSample of unit " + name);
        Checks.finiteNonNegative(outBytesPerSample, "outBytesPerSample of unit " + name);
    }
}
