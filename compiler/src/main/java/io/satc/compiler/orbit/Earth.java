package io.satc.compiler.orbit;

/** The constants every implementation of the contract agrees on (docs/orbits.md, "Geometry"). */
public final class Earth {

    /** Equatorial radius {@code R} in km (WGS84). */
    public static final double RADIUS_KM = 6378.137;

    /** Gravitational parameter {@code mu} in km³/s². */
    public static final double MU_KM3_S2 = 398600.4418;

    /** WGS84 flattening. */
    public static final double FLATTENING = 1 / 298.257223563;

    /** Speed of light in km/s. */
    public static final double LIGHT_SPEED_KM_S = 299792.458;

    /** Second zonal harmonic (WGS84 / EGM96, {@code -C20} unnormalised) for {@code propagation = j2}. */
    public static final double J2 = 1.08262668355315e-3;

    /** An ISL needs its segment to stay this high above {@link #RADIUS_KM} from Earth's centre. */
    public static final double LINE_OF_SIGHT_ALTITUDE_KM = 80;

    /**
     * Upper bound of GMST's rate in rad/s (the sidereal rate plus a margin): only bounds derivatives,
     * never positions.
     */
    static final double ROTATION_RATE_BOUND_RAD_S = 7.2921159e-5;

    /** Squared first eccentricity of the ellipsoid. */
    static final double E2 = FLATTENING * (2 - FLATTENING);

    private Earth() {}
}
