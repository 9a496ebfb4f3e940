package io.satc.compiler.orbit;

import java.util.Objects;
import java.util.Optional;

/** The orbit of one satellite: a circular element set, or a two-line element set for SGP4. */
public sealed interface Orbit {

    /**
     * A circular orbit at the horizon start.
     *
     * @param altitudeKm             height above {@link Earth#RADIUS_KM}: {@code a = R + altitude}
     * @param inclinationRad         inclination
     * @param raanRad                right ascension of the ascending node at the horizon start
     * @param argumentOfLatitudeRad  argument of latitude {@code u0} at the horizon start
     * @param propagation            two-body or secular J2
     */
    record Circular(
            double altitudeKm,
            double inclinationRad,
            double raanRad,
            double argumentOfLatitudeRad,
            Propagation propagation)
            implements Orbit {

        public Circular {
            if (!(altitudeKm > -Earth.RADIUS_KM) || Double.isInfinite(altitudeKm)) {
                throw new IllegalArgumentException("altitude must be finite and above Earth's centre: " + altitudeKm);
            }
            finite(inclinationRad, "inclination");
            finite(raanRad, "raan");
            finite(argumentOfLatitudeRad, "argument of latitude");
            Objects.requireNonNull(propagation, "propagation");
        }

        /** Semi-major axis {@code a = R + altitude} in km. */
        public double semiMajorAxisKm() {
            return Earth.RADIUS_KM + altitudeKm;
        }

        /** Two-body mean motion {@code n = sqrt(mu / a³)} in rad/s. */
        public double meanMotionRadPerSecond() {
            double a = semiMajorAxisKm();
            return Math.sqrt(Earth.MU_KM3_S2 / (a * a * a));
        }
    }

    /**
     * A two-line element set, propagated with SGP4 (positions in TEME).
     *
     * @param line1 the line starting with {@code 1 }
     * @param line2 the line starting with {@code 2 }
     */
    record Tle(String line1, String line2) implements Orbit {

        public Tle {
            Objects.requireNonNull(line1, "line1");
            Objects.requireNonNull(line2, "line2");
        }

        /**
         * Why two lines are not a valid element set (format, checksum, or the two lines naming
         * different objects), as Orekit words it; empty when they are valid. For the analysis,
         * which reports the problem with its line number.
         */
        public static Optional<String> problem(String line1, String line2) {
            return TleSgp4.problem(line1, line2);
        }

        /** The catalogue number of a valid element set (Alpha-5 numbers decoded), for names like {@code iridium-24793}. */
        public int catalogNumber() {
            return TleSgp4.catalogNumber(line1, line2);
        }
    }

    private static void finite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite: " + v);
        }
    }
}
