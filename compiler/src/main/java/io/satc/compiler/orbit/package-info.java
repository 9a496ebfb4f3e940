/**
 * Orbit geometry (docs/orbits.md, the contract's §2 and §3): satellites that move, ground stations
 * on the WGS84 ellipsoid, the ISL rules, and the exact contact windows between them.
 *
 * <p>Like {@code model}, this package imports nothing else of the compiler and never sees syntax:
 * its inputs are plain numeric records ({@link io.satc.compiler.orbit.Scenario}), its output is
 * the {@link io.satc.compiler.orbit.ContactPlan} plus the positions and worst-case ranges a
 * planner asks for ({@link io.satc.compiler.orbit.OrbitGeometry}). Distances are in km, times in
 * seconds from the horizon start, input angles in radians.
 */
package io.satc.compiler.orbit;
