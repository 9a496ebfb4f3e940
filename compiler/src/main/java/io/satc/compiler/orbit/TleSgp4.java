package io.satc.compiler.orbit;

import java.time.Instant;
import java.util.Optional;
import org.orekit.attitudes.FrameAlignedProvider;
import org.orekit.errors.OrekitException;
import org.orekit.frames.Frame;
import org.orekit.frames.Transform;
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
 * near-parabolic orbits; like Vallado's SGP4 (error 6) this class also rejects a position below the
 * Earth's surface or one that is not finite. Not thread-safe (Orekit's propagator keeps state).
 */
final class TleSgp4 {

    /** The TEME-like inertial frame: Orekit's root frame under another name. */
    private static final Frame TEME = new Frame(Frame.getRoot(), Transform.IDENTITY, "TEME (satc)", true);

    private final TLE tle;
    private final TLEPropagator propagator;
    private final AbsoluteDate start;

    /** SGP4 could not give a position at some time. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String reason) {
            super(reason, null, false, false);
        }
    }

    TleSgp4(Orbit.Tle orbit, Instant horizonStart) {
        this.tle = new TLE(orbit.line1(), orbit.line2(), OrekitTime.utc());
        this.propagator = TLEPropagator.selectExtrapolator(tle, new FrameAlignedProvider(TEME), 1000.0, TEME);
        this.start = new AbsoluteDate(horizonStart, OrekitTime.utc());
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

    /** The element set's catalogue number. */
    int catalogNumber() {
        return tle.getSatelliteNumber();
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
        PVCoordinates pv;
        try {
            pv = propagator.getPVCoordinates(start.shiftedBy(t));
        } catch (OrekitException e) {
            throw new Failure(e.getMessage());
        }
        double x = pv.getPosition().getX() / 1000;
        double y = pv.getPosition().getY() / 1000;
        double z = pv.getPosition().getZ() / 1000;
        double r = Math.sqrt(x * x + y * y + z * z);
        if (!Double.isFinite(r)) {
            throw new Failure("SGP4 gave no finite position");
        }
        if (r < Earth.RADIUS_KM) {
            throw new Failure("the satellite has decayed (SGP4 puts it below the Earth's surface)");
        }
        out[off] = x;
        out[off + 1] = y;
        out[off + 2] = z;
    }
}
