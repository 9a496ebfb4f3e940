package io.satc.compiler.lower;

/**
 * One model unit's costs per sample: weight bytes held in memory (W_u), floating-point
 * operations (F_u) and output activation bytes (A_u), as cost model §1 defines them.
 * {@code parameters} counts the unit's distinct parameters (a tied matrix counts once, in the
 * unit that owns it), for checking formulas against published parameter counts.
 */
public record UnitCost(
        String name, double weightBytes, double flopsPerSample, double outBytesPerSample, long parameters) {}
