package io.satc.compiler.orbit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.RotationConvention;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.attitudes.FrameAlignedProvider;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.bodies.OneAxisEllipsoid;
import org.orekit.frames.FieldTransform;
import org.orekit.frames.Frame;
import org.orekit.frames.TopocentricFrame;
import org.orekit.frames.Transform;
import org.orekit.frames.TransformProvider;
import org.orekit.orbits.CircularOrbit;
import org.orekit.orbits.PositionAngleType;
import org.orekit.propagation.Propagator;
import org.orekit.propagation.analytical.KeplerianPropagator;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.propagation.events.ElevationDetector;
import org.orekit.propagation.events.EventsLogger;
import org.orekit.propagation.events.handlers.ContinueOnEvent;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.FieldAbsoluteDate;
import org.orekit.time.TimeScalarFunction;
import org.orekit.utils.IERSConventions;

/**
 * The independent reference the geometry is tested against: Orekit's own propagators, GMST and
 * event detection, set up offline (only the shipped leap-second table) with an Earth frame that
 * rotates the inertial frame by Orekit's IAU-82 GMST (IERS 1996 conventions, UT1 = UTC).
 */
final class OrekitOracle {

    static final double MU = Earth.MU_KM3_S2 * 1e9;

    /** Orekit's root frame standing in for TEME, exactly as {@link TleSgp4} does. */
    static final Frame INERTIAL = new Frame(Frame.getRoot(), Transform.IDENTITY, "oracle TEME", true);

    static final TimeScalarFunction GMST =
            IERSConventions.IERS_1996.getGMSTFunction(OrekitTime.utc(), OrekitTime.scales());

    /** Earth-fixed: the inertial frame rotated about z by GMST. */
    static final Frame EARTH = new Frame(
            INERTIAL,
            new TransformProvider() {
                @Override
                public Transform getTransform(AbsoluteDate date) {
                    double theta = GMST.value(date);
                    return new Transform(
                            date,
                            new Rotation(Vector3D.PLUS_K, theta, RotationConvention.FRAME_TRANSFORM),
                            new Vector3D(0, 0, 7.292115146706979e-5));
                }

                @Override
                public <T extends CalculusFieldElement<T>> FieldTransform<T> getTransform(FieldAbsoluteDate<T> date) {
                    throw new UnsupportedOperationException("not needed by the oracle");
                }
            },
            "oracle GMST Earth",
            false);

    static final OneAxisEllipsoid WGS84 = new OneAxisEllipsoid(Earth.RADIUS_KM * 1e3, Earth.FLATTENING, EARTH);

    private OrekitOracle() {}

    static AbsoluteDate date(Instant start, double t) {
        return new AbsoluteDate(start, OrekitTime.utc()).shiftedBy(t);
    }

    /** Orekit's Keplerian propagator for a circular two-body orbit (same mu). */
    static Propagator propagator(Satellite s, Instant start) {
        if (s.orbit() instanceof Orbit.Tle tle) {
            TLE t = new TLE(tle.line1(), tle.line2(), OrekitTime.utc());
            return TLEPropagator.selectExtrapolator(t, new FrameAlignedProvider(INERTIAL), 1000.0, INERTIAL);
        }
        Orbit.Circular c = (Orbit.Circular) s.orbit();
        CircularOrbit orbit = new CircularOrbit(
                c.semiMajorAxisKm() * 1e3,
                0,
                0,
                c.inclinationRad(),
                c.raanRad(),
                c.argumentOfLatitudeRad(),
                PositionAngleType.MEAN,
                INERTIAL,
                date(start, 0),
                MU);
        return new KeplerianPropagator(orbit, new FrameAlignedProvider(INERTIAL));
    }

    /** Position in km in the inertial frame. */
    static Vector3D positionKm(Propagator p, Instant start, double t) {
        return p.getPosition(date(start, t), INERTIAL).scalarMultiply(1e-3);
    }

    /** Orekit's passes of {@code s} over {@code g}: [start, end] pairs, seconds from the start. */
    static List<double[]> passes(Satellite s, GroundStation g, Horizon horizon) {
        Propagator p = propagator(s, horizon.start());
        TopocentricFrame topo = new TopocentricFrame(
                WGS84, new GeodeticPoint(g.latitudeRad(), g.longitudeRad(), g.altitudeKm() * 1e3), g.name());
        ElevationDetector detector = new ElevationDetector(1.0, 1e-6, topo)
                .withConstantElevation(g.minElevationRad())
                .withHandler(new ContinueOnEvent());
        AbsoluteDate t0 = date(horizon.start(), 0);
        double open = detector.g(p.propagate(t0)) >= 0 ? 0 : Double.NaN;
        EventsLogger logger = new EventsLogger();
        p.addEventDetector(logger.monitorDetector(detector));
        p.propagate(t0, t0.shiftedBy(horizon.durationSeconds()));
        List<double[]> out = new ArrayList<>();
        for (EventsLogger.LoggedEvent e : logger.getLoggedEvents()) {
            double t = e.getState().getDate().durationFrom(t0);
            if (e.isIncreasing()) {
                open = t;
            } else if (!Double.isNaN(open)) {
                out.add(new double[] {open, t});
                open = Double.NaN;
            }
        }
        if (!Double.isNaN(open)) {
            out.add(new double[] {open, horizon.durationSeconds()});
        }
        return out;
    }
}
