package io.satc.compiler.orbit;

import java.time.Instant;
import java.util.Optional;
import org.orekit.attitudes.FrameAlignedProvider;
import org.orekit.errors.OrekitException;
import org.orekit.frames.Frame;
import org.orekit.frames.Transform;
import org.orekit.propagation.analytical.tle.SGP4;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;

/**
 * SGP4 of one element set through Orekit's {@link TLEPropagator}, positions in TEME (km).
 *
 * <p>TEME is handed to Orekit as a frame of its own that is identical to Orekit's root frame, so no
 * precession, nutation or Earth orientation data is ever needed: the contract treats TEME as the
 * inertial frame and rotates it to Earth-fixed by GMST itself. Orekit's SGP4 only rejects
 * near-parabolic orbits; like Vallado's SGP4 this class also rejects out-of-range mean elements
 * ({@link CheckedSgp4}, error 1), a position below the Earth's surface (error 6) and one that is not
 * finite. Not thread-safe (Orekit's propagator keeps state).
 */
final class TleSgp4 {

    /** The TEME-like inertial frame: Orekit's root frame under another name. */
    private static final Frame TEME = new Frame(Frame.getRoot(), Transform.IDENTITY, "TEME (satc)", true);

    /** Spacing of the stored states of a deep-space orbit (period 225 min or more), seconds. */
    static final double DEEP_SPACE_STEP_S = 120;

    private final TLE tle;
    private final TLEPropagator propagator;
    private final AbsoluteDate start;
    /**
     * Deep-space orbits only: position and velocity (km, km/s) every {@link #DEEP_SPACE_STEP_S},
     * 6 values per state, interpolated by cubic Hermite polynomials. Orekit's SDP4 integrates the
     * resonance terms from the epoch again on every call (5,800 steps for an 8-year-old GPS element
     * set), so each state is computed once; for such slow orbits the interpolation error is below
     * a metre ({@code h^4 a n^4 / 384}: 0.01 m for GPS).
     */
    private final double[] deep;

    private final double deepStep;

    /** SGP4 could not give a position at some time. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        /** When it failed, seconds from the horizon start, if known (else NaN). */
        final double atSeconds;

        Failure(String reason) {
            this(reason, Double.NaN);
        }

        Failure(String reason, double atSeconds) {
            super(reason, null, false, false);
            this.atSeconds = atSeconds;
        }
    }

    TleSgp4(Orbit.Tle orbit, Instant horizonStart, double durationSeconds) {
        this.tle = new TLE(orbit.line1(), orbit.line2(), OrekitTime.utc());
        TLEPropagator chosen = TLEPropagator.selectExtrapolator(tle, new FrameAlignedProvider(TEME), 1000.0, TEME);
        // Near-Earth orbits get Vallado's mean-element checks; deep-space ones (periods of 225 min
        // and more) keep Orekit's SDP4 as it is.
        this.propagator =
                chosen instanceof SGP4 ? new CheckedSgp4(tle, new FrameAlignedProvider(TEME), 1000.0, TEME) : chosen;
        this.start = new AbsoluteDate(horizonStart, OrekitTime.utc());
        if (chosen instanceof SGP4) {
            this.deep = null;
            this.deepStep = 0;
        } else {
            int n = Math.max(1, (int) Math.ceil(durationSeconds / DEEP_SPACE_STEP_S));
            this.deepStep = durationSeconds / n;
            this.deep = new double[6 * (n + 1)];
            for (int k = 0; k <= n; k++) {
                PVCoordinates pv;
                try {
                    pv = sgp4(k * deepStep);
                } catch (Failure f) {
                    throw new Failure(f.getMessage(), k * deepStep);
                }
                int o = 6 * k;
                deep[o] = pv.getPosition().getX() / 1000;
                deep[o + 1] = pv.getPosition().getY() / 1000;
                deep[o + 2] = pv.getPosition().getZ() / 1000;
                deep[o + 3] = pv.getVelocity().getX() / 1000;
                deep[o + 4] = pv.getVelocity().getY() / 1000;
                deep[o + 5] = pv.getVelocity().getZ() / 1000;
                try {
                    check(deep, o, k * deepStep);
                } catch (Failure f) {
                    throw new Failure(f.getMessage(), k * deepStep);
                }
            }
        }
    }

    /**
     * Why the two lines are not a valid element set (bad format or checksum), or empty. The sema
     * layer words the diagnostic; this is Orekit's reason.
     */
    static Optional<String> problem(String line1, String line2) {
        try {
            if (!TLE.isFormatOK(line1, line2)) {
                return Optional.of("the lines are not in the two-line element format");
            }
            new TLE(line1, line2, OrekitTime.utc());
            return Optional.empty();
        } catch (OrekitException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The catalogue number of a valid element set. */
    static int catalogNumber(String line1, String line2) {
        return new TLE(line1, line2, OrekitTime.utc()).getSatelliteNumber();
    }

    /**
     * An upper bound of the speed in km/s: the two-body speed at perigee of the mean elements, plus
     * 5 % for SGP4's perturbations (they change the speed of a LEO orbit by well under 1 %).
     */
    double speedBoundKmPerSecond() {
        double n = tle.getMeanMotion(); // rad/s
        double a = Math.cbrt(Earth.MU_KM3_S2 / (n * n));
        double e = Math.min(tle.getE(), 0.999);
        return 1.05 * Math.sqrt(Earth.MU_KM3_S2 * (1 + e) / (a * (1 - e)));
    }

    /** The mean-motion period, seconds. */
    double periodSeconds() {
        return 2 * Math.PI / tle.getMeanMotion();
    }

    /** Position at {@code t} seconds from the horizon start, written to {@code out[off..off+2]} in km. */
    void position(double t, double[] out, int off) {
        if (deep != null) {
            interpolate(t, out, off);
            return;
        }
        PVCoordinates pv = sgp4(t);
        out[off] = pv.getPosition().getX() / 1000;
        out[off + 1] = pv.getPosition().getY() / 1000;
        out[off + 2] = pv.getPosition().getZ() / 1000;
        check(out, off, t);
    }

    private PVCoordinates sgp4(double t) {
        try {
            return propagator.getPVCoordinates(start.shiftedBy(t));
        } catch (OrekitException e) {
            throw new Failure(e.getMessage());
        }
    }

    private static void check(double[] p, int off, double t) {
        double r = Math.sqrt(p[off] * p[off] + p[off + 1] * p[off + 1] + p[off + 2] * p[off + 2]);
        if (!Double.isFinite(r)) {
            throw new Failure("SGP4 gave no finite position");
        }
        if (r < Earth.RADIUS_KM) {
            throw new Failure("the satellite has decayed (SGP4 puts it below the Earth's surface)");
        }
    }

    /** Cubic Hermite interpolation of the stored deep-space states. */
    private void interpolate(double t, double[] out, int off) {
        int last = deep.length / 6 - 1;
        int k = (int) Math.floor(t / deepStep);
        k = Math.max(0, Math.min(last - 1, k));
        if (last == 0) {
            System.arraycopy(deep, 0, out, off, 3);
            return;
        }
        double h = deepStep;
        double s = (t - k * h) / h;
        double s2 = s * s;
        double s3 = s2 * s;
        double h00 = 2 * s3 - 3 * s2 + 1;
        double h10 = (s3 - 2 * s2 + s) * h;
        double h01 = -2 * s3 + 3 * s2;
        double h11 = (s3 - s2) * h;
        int a = 6 * k;
        int b = a + 6;
        for (int c = 0; c < 3; c++) {
            out[off + c] = h00 * deep[a + c] + h10 * deep[a + 3 + c] + h01 * deep[b + c] + h11 * deep[b + 3 + c];
        }
    }
}
