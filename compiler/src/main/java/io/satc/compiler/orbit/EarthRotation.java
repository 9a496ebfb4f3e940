package io.satc.compiler.orbit;

import java.time.Instant;

/**
 * Greenwich mean sidereal time, IAU 1982 (the model of IERS 1996), with UT1 taken as UTC: the
 * angle that rotates the inertial (TEME-like) frame into the Earth-fixed one, about the z axis, no
 * polar motion.
 *
 * <p>{@code GMST = 24110.54841 s + sd + 8640184.812866 s T + 0.093104 s T² - 6.2e-6 s T³}, where
 * {@code sd} is the time since 0h of the UTC day and {@code T} the Julian centuries of UTC since
 * 2000-01-01T12:00. It equals Vallado's {@code 67310.54841 s + (876600 h + 8640184.812866 s) T + ...}
 * and Orekit's {@code IERSConventions.IERS_1996} GMST with UT1 = UTC. The whole-second parts are
 * kept in integers so the angle does not lose digits far from J2000.
 */
public final class EarthRotation {

    /** 2000-01-01T00:00:00Z in Unix seconds. */
    private static final long J2000_MIDNIGHT = 946_684_800L;

    private static final double JULIAN_CENTURY_S = 36525.0 * 86400.0;

    /** UTC seconds of the day at time 0 (0h-based). */
    private final double secondOfDay0;

    /** UTC seconds since 2000-01-01T12:00 at time 0. */
    private final double sinceJ2000Noon0;

    public EarthRotation(Instant start) {
        long sinceMidnight = start.getEpochSecond() - J2000_MIDNIGHT;
        double nanos = start.getNano() * 1e-9;
        this.secondOfDay0 = Math.floorMod(sinceMidnight, 86400L) + nanos;
        this.sinceJ2000Noon0 = (sinceMidnight - 43200L) + nanos;
    }

    /** GMST in radians, in {@code [0, 2 pi)}, at {@code t} seconds after the start. */
    public double gmstRad(double t) {
        double centuries = (sinceJ2000Noon0 + t) / JULIAN_CENTURY_S;
        double seconds = 24110.54841
                + (secondOfDay0 + t)
                + centuries * (8640184.812866 + centuries * (0.093104 - 6.2e-6 * centuries));
        double turns = seconds / 86400.0;
        return 2 * Math.PI * (turns - Math.floor(turns));
    }

    /** GMST in radians of a UTC instant. */
    public static double gmstRad(Instant instant) {
        return new EarthRotation(instant).gmstRad(0);
    }
}
