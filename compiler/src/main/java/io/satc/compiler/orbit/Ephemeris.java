package io.satc.compiler.orbit;

import java.time.Instant;
import java.util.List;

/**
 * Positions of every satellite, in the inertial frame, km, from flat arrays: circular orbits are a
 * few multiplications and one sine/cosine pair per satellite and time, with no allocation. TLE
 * satellites go through Orekit's SGP4 ({@link TleSgp4}), which allocates inside Orekit.
 */
final class Ephemeris {

    final int count;
    /** Semi-major axis (km), 0 for TLE satellites. */
    private final double[] a;

    private final double[] u0;
    private final double[] uRate;
    private final double[] raan0;
    private final double[] raanRate;
    private final double[] cosI;
    private final double[] sinI;
    /** Two-body plane basis scaled by {@code a}: P = a (cos Ω, sin Ω, 0), Q = a (-sin Ω cos i, cos Ω cos i, sin i). */
    private final double[] basis;
    /** Non-null where the satellite is a TLE. */
    private final TleSgp4[] sgp4;
    /** Upper bound of each satellite's inertial speed, km/s. */
    final double[] speed;

    Ephemeris(List<Satellite> satellites, Instant start, double durationSeconds) {
        this(satellites, s -> new TleSgp4((Orbit.Tle) s.orbit(), start, durationSeconds));
    }

    /** With the SGP4 propagators of the TLE satellites given by {@code sgp4Of}. */
    Ephemeris(List<Satellite> satellites, java.util.function.Function<Satellite, TleSgp4> sgp4Of) {
        count = satellites.size();
        a = new double[count];
        u0 = new double[count];
        uRate = new double[count];
        raan0 = new double[count];
        raanRate = new double[count];
        cosI = new double[count];
        sinI = new double[count];
        basis = new double[6 * count];
        sgp4 = new TleSgp4[count];
        speed = new double[count];
        for (int i = 0; i < count; i++) {
            Orbit orbit = satellites.get(i).orbit();
            if (orbit instanceof Orbit.Tle) {
                sgp4[i] = sgp4Of.apply(satellites.get(i));
                speed[i] = sgp4[i].speedBoundKmPerSecond();
                continue;
            }
            Orbit.Circular c = (Orbit.Circular) orbit;
            double ai = c.semiMajorAxisKm();
            double n = c.meanMotionRadPerSecond();
            a[i] = ai;
            u0[i] = c.argumentOfLatitudeRad();
            raan0[i] = c.raanRad();
            cosI[i] = Math.cos(c.inclinationRad());
            sinI[i] = Math.sin(c.inclinationRad());
            if (c.propagation() == Propagation.J2) {
                raanRate[i] = J2Rates.raanRate(ai, c.inclinationRad());
                uRate[i] = J2Rates.argumentOfLatitudeRate(ai, c.inclinationRad());
            } else {
                uRate[i] = n;
            }
            double co = Math.cos(raan0[i]);
            double so = Math.sin(raan0[i]);
            int b = 6 * i;
            basis[b] = ai * co;
            basis[b + 1] = ai * so;
            basis[b + 2] = 0;
            basis[b + 3] = -ai * so * cosI[i];
            basis[b + 4] = ai * co * cosI[i];
            basis[b + 5] = ai * sinI[i];
            speed[i] = ai * (Math.abs(uRate[i]) + Math.abs(raanRate[i]));
        }
    }

    /** Positions of all satellites at {@code t}, 3 values per satellite from {@code out[0]}. */
    void positions(double t, double[] out) {
        for (int i = 0; i < count; i++) {
            position(i, t, out, 3 * i);
        }
    }

    /** Position of satellite {@code i} at {@code t}, written to {@code out[off..off+2]}. */
    void position(int i, double t, double[] out, int off) {
        if (sgp4[i] != null) {
            try {
                sgp4[i].position(t, out, off);
            } catch (TleSgp4.Failure f) {
                throw new PropagationFailed(i, t, f.getMessage());
            }
            return;
        }
        double u = u0[i] + uRate[i] * t;
        double cu = Math.cos(u);
        double su = Math.sin(u);
        if (raanRate[i] == 0) {
            int b = 6 * i;
            out[off] = basis[b] * cu + basis[b + 3] * su;
            out[off + 1] = basis[b + 1] * cu + basis[b + 4] * su;
            out[off + 2] = basis[b + 5] * su;
            return;
        }
        double raan = raan0[i] + raanRate[i] * t;
        double co = Math.cos(raan);
        double so = Math.sin(raan);
        double ai = a[i];
        out[off] = ai * (co * cu - so * su * cosI[i]);
        out[off + 1] = ai * (so * cu + co * su * cosI[i]);
        out[off + 2] = ai * su * sinI[i];
    }

    boolean isTle(int i) {
        return sgp4[i] != null;
    }

    /** Orbital period bound: {@code 2 pi / du/dt} (TLE: from the mean motion), seconds. */
    double period(int i) {
        return sgp4[i] != null ? sgp4[i].periodSeconds() : 2 * Math.PI / Math.abs(uRate[i]);
    }

    /** SGP4 failed for satellite {@code index} at {@code t}: the caller leaves it out and solves again. */
    static final class PropagationFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int index;
        final double atSeconds;

        PropagationFailed(int index, double atSeconds, String reason) {
            super(reason, null, false, false);
            this.index = index;
            this.atSeconds = atSeconds;
        }
    }
}
