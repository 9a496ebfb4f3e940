package io.satc.compiler.sema;

/** A value converted to its dimension's base unit (see {@link Dimension#baseUnit()}). */
public record Quantity(double value, Dimension dimension) {}
