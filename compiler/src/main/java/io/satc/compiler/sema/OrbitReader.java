package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.sema.AnalyzedMission.CircularOrbit;
import io.satc.compiler.sema.AnalyzedMission.WalkerOrbits;
import io.satc.compiler.syntax.ast.Value;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads the two circular-orbit calls: a satellite's {@code elements(altitude, inclination, raan,
 * anomaly)} and a constellation's {@code walker(planes, per_plane, phasing, altitude,
 * inclination)}, with their ranges: altitude from 100 km to 100,000 km, inclination from 0 to
 * 180 deg, phasing from 0 to planes - 1, and at most {@link #MAX_SATELLITES} satellites.
 */
final class OrbitReader {

    static final CallReader.Form ELEMENTS = new CallReader.Form(
            "elements",
            List.of("altitude", "inclination"),
            List.of("raan", "anomaly"),
            "elements(altitude = ..., inclination = ..., raan = ..., anomaly = ...)");
    static final CallReader.Form WALKER = new CallReader.Form(
            "walker",
            List.of("planes", "per_plane", "altitude", "inclination"),
            List.of("phasing"),
            "walker(planes = ..., per_plane = ..., phasing = ..., altitude = ..., inclination = ...)");

    /** The most satellites one constellation may have: well above any shell flown, and still checked in well under a second. */
    static final int MAX_SATELLITES = 50_000;

    private static final double MIN_ALTITUDE_M = 100e3;
    private static final double MAX_ALTITUDE_M = 100_000e3;

    private final CheckContext ctx;
    private final CallReader calls;

    OrbitReader(CheckContext ctx) {
        this.ctx = ctx;
        this.calls = new CallReader(ctx.diags());
    }

    /** {@code orbit = elements(...)}: a circular orbit; RAAN and anomaly default to 0. */
    Optional<CircularOrbit> elements(Value value) {
        Optional<CallReader.Arguments> args = calls.read("orbit", value, List.of(ELEMENTS));
        if (args.isEmpty()) {
            return Optional.empty();
        }
        CallReader.Arguments a = args.get();
        OptionalDouble altitude = a.get("altitude").map(this::altitude).orElse(OptionalDouble.empty());
        OptionalDouble inclination = a.get("inclination").map(this::inclination).orElse(OptionalDouble.empty());
        OptionalDouble raan = a.get("raan")
                .map(v -> ctx.values().quantity("raan", v, Dimension.ANGLE))
                .orElse(OptionalDouble.of(0));
        OptionalDouble anomaly = a.get("anomaly")
                .map(v -> ctx.values().quantity("anomaly", v, Dimension.ANGLE))
                .orElse(OptionalDouble.of(0));
        if (!a.complete() || altitude.isEmpty() || inclination.isEmpty() || raan.isEmpty() || anomaly.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CircularOrbit(
                altitude.getAsDouble(),
                inclination.getAsDouble(),
                turn(raan.getAsDouble()),
                turn(anomaly.getAsDouble())));
    }

    /** The arguments of {@code walker(...)}, already known to be that call: a Walker delta shell. */
    Optional<WalkerOrbits> walker(CallReader.Arguments a) {
        OptionalLong planes = a.get("planes")
                .map(v -> ctx.values().positiveInteger("planes", v))
                .orElse(OptionalLong.empty());
        OptionalLong perPlane = a.get("per_plane")
                .map(v -> ctx.values().positiveInteger("per_plane", v))
                .orElse(OptionalLong.empty());
        OptionalLong phasing =
                a.get("phasing").map(v -> ctx.values().integer("phasing", v)).orElse(OptionalLong.of(0));
        OptionalDouble altitude = a.get("altitude").map(this::altitude).orElse(OptionalDouble.empty());
        OptionalDouble inclination = a.get("inclination").map(this::inclination).orElse(OptionalDouble.empty());
        boolean ok = a.complete()
                && planes.isPresent()
                && perPlane.isPresent()
                && phasing.isPresent()
                && altitude.isPresent()
                && inclination.isPresent();
        if (planes.isPresent() && phasing.isPresent() && a.get("phasing").isPresent()) {
            long f = phasing.getAsLong();
            if (f < 0 || f >= planes.getAsLong()) {
                ctx.diags()
                        .report(
                                DiagnosticCode.PHASING_OUT_OF_RANGE,
                                a.get("phasing").get().span(),
                                "`phasing` must lie between 0 and " + (planes.getAsLong() - 1)
                                        + " (planes - 1), found `" + f + "`.",
                                "Phasing counts modulo the " + planes.getAsLong() + " planes: `phasing = "
                                        + Math.floorMod(f, planes.getAsLong())
                                        + "` is the same shell, with its slots renumbered.");
                ok = false;
            }
        }
        if (planes.isPresent() && perPlane.isPresent()) {
            double total = (double) planes.getAsLong() * perPlane.getAsLong();
            if (total > MAX_SATELLITES) {
                ctx.diags()
                        .report(
                                DiagnosticCode.CONSTELLATION_TOO_LARGE,
                                a.get("planes")
                                        .get()
                                        .span()
                                        .to(a.get("per_plane").get().span()),
                                "`walker` with " + planes.getAsLong() + " planes of " + perPlane.getAsLong()
                                        + " makes " + String.format(java.util.Locale.ROOT, "%.0f", total)
                                        + " satellites, more than " + MAX_SATELLITES + ".",
                                "satc plans constellations of at most " + MAX_SATELLITES
                                        + " satellites; model one shell at a time.");
                ok = false;
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new WalkerOrbits(
                (int) planes.getAsLong(),
                (int) perPlane.getAsLong(),
                (int) phasing.getAsLong(),
                altitude.getAsDouble(),
                inclination.getAsDouble()));
    }

    private OptionalDouble altitude(Value v) {
        return ctx.values()
                .within(
                        "altitude",
                        v,
                        Dimension.LENGTH,
                        MIN_ALTITUDE_M,
                        MAX_ALTITUDE_M,
                        true,
                        "between 100 km and 100000 km",
                        DiagnosticCode.ORBIT_OUT_OF_RANGE,
                        "The altitude is above the equatorial radius (6378.137 km); below 100 km nothing orbits, and"
                                + " satc's circular two-body orbits stop at 100000 km.");
    }

    private OptionalDouble inclination(Value v) {
        return ctx.values()
                .within(
                        "inclination",
                        v,
                        Dimension.ANGLE,
                        0,
                        Math.PI,
                        true,
                        "between 0 deg and 180 deg",
                        DiagnosticCode.ORBIT_OUT_OF_RANGE,
                        "Inclination is the angle between the orbit and the equator: 0 deg prograde equatorial,"
                                + " 90 deg polar, above 90 deg retrograde.");
    }

    /** An angle in [0, 2 pi). */
    private static double turn(double radians) {
        double r = radians % (2 * Math.PI);
        return r < 0 ? r + 2 * Math.PI : r;
    }
}
