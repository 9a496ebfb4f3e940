package io.satc.compiler.orbit;

/**
 * The secular rates J2 gives a circular orbit (first order in J2, eccentricity 0; Vallado,
 * "Fundamentals of Astrodynamics", eq. 9-41, or Brouwer's first-order terms):
 * <pre>
 *   dΩ/dt = -3/2 n J2 (R/a)² cos i
 *   dω/dt =  3/4 n J2 (R/a)² (5 cos² i - 1)
 *   dM/dt =  n + 3/4 n J2 (R/a)² (3 cos² i - 1)
 *   du/dt =  dω/dt + dM/dt = n (1 + 3/4 J2 (R/a)² (8 cos² i - 2))
 * </pre>
 * with the two-body mean motion {@code n = sqrt(mu / a³)} of the given (mean) semi-major axis.
 */
public final class J2Rates {

    private J2Rates() {}

    /** Secular RAAN rate in rad/s. */
    public static double raanRate(double semiMajorAxisKm, double inclinationRad) {
        double n = meanMotion(semiMajorAxisKm);
        double k = Earth.RADIUS_KM / semiMajorAxisKm;
        return -1.5 * n * Earth.J2 * k * k * Math.cos(inclinationRad);
    }

    /** Secular rate of the argument of latitude (perigee plus mean anomaly) in rad/s. */
    public static double argumentOfLatitudeRate(double semiMajorAxisKm, double inclinationRad) {
        double n = meanMotion(semiMajorAxisKm);
        double k = Earth.RADIUS_KM / semiMajorAxisKm;
        double c = Math.cos(inclinationRad);
        return n * (1 + 0.75 * Earth.J2 * k * k * (8 * c * c - 2));
    }

    private static double meanMotion(double a) {
        return Math.sqrt(Earth.MU_KM3_S2 / (a * a * a));
    }
}
