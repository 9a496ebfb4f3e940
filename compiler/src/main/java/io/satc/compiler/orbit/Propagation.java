package io.satc.compiler.orbit;

/** How a circular orbit evolves: pure two-body motion, or two-body plus the secular effect of J2. */
public enum Propagation {
    /** {@code u(t) = u0 + n t}, RAAN fixed: the contract's Walker and {@code elements(...)} motion. */
    TWO_BODY,
    /** Secular J2 rates of RAAN and argument of latitude added (docs/orbits.md, "J2"). */
    J2
}
