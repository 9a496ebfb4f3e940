package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.sema.AnalyzedMission.GroundFacts;
import io.satc.compiler.sema.AnalyzedMission.GroundSite;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.Ident;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The attributes of one declared {@code ground} station: its compute and memory, its WGS84 site
 * ({@code latitude}, {@code longitude}, {@code altitude}), and for a mission that moves its
 * elevation mask ({@code min_elevation}, default 10 deg) and {@code downlink}, the rate of any
 * satellite-to-station contact; a station with a downlink needs its site.
 */
final class GroundChecker {

    static final List<String> KEYS =
            List.of("compute", "memory", "latitude", "longitude", "altitude", "min_elevation", "downlink");

    /** Attributes that only a mission with a {@code horizon} uses. */
    private static final List<String> MOTION_KEYS = List.of("altitude", "min_elevation", "downlink");

    /** A coordinate attribute and the range it must lie in (base units; {@code max} itself only when included). */
    private record Bound(
            String key, Dimension dim, double min, double max, boolean maxIncluded, String range, String help) {}

    private static final Bound LATITUDE = new Bound(
            "latitude",
            Dimension.ANGLE,
            -Math.PI / 2,
            Math.PI / 2,
            true,
            "between -90 deg and 90 deg",
            "Latitude is geodetic (WGS84), positive north of the equator.");
    private static final Bound LONGITUDE = new Bound(
            "longitude",
            Dimension.ANGLE,
            -Math.PI,
            Math.PI,
            true,
            "between -180 deg and 180 deg",
            "Longitude is positive east of Greenwich; write 122.3 deg west as `-122.3 deg`.");
    private static final Bound ALTITUDE = new Bound(
            "altitude",
            Dimension.LENGTH,
            -1e3,
            100e3,
            true,
            "between -1 km and 100 km",
            "A station's altitude is its height above the WGS84 ellipsoid, e.g. `50 m`.");
    private static final Bound MIN_ELEVATION = new Bound(
            "min_elevation",
            Dimension.ANGLE,
            0,
            Math.PI / 2,
            false,
            "from 0 deg up to (not including) 90 deg",
            "The lowest elevation above the horizon at which the station holds a contact, e.g. `10 deg` (the"
                    + " default) or `25 deg`.");

    private final CheckContext ctx;
    private final boolean moving;

    /** {@code moving}: the mission has a {@code horizon}, so contacts with this station are computed. */
    GroundChecker(CheckContext ctx, boolean moving) {
        this.ctx = ctx;
        this.moving = moving;
    }

    GroundFacts check(Ident name, BlockDecl b) {
        String where = "ground station `" + name.text() + "`";
        Attributes attrs = ctx.blocks().attributes(b.body(), where, KEYS);
        ValueReader values = ctx.values();
        OptionalDouble compute = values.positive(attrs, "compute", Dimension.COMPUTE);
        OptionalDouble memory = values.positive(attrs, "memory", Dimension.DATA);
        OptionalDouble latitude = coordinate(attrs, LATITUDE, OptionalDouble.empty());
        OptionalDouble longitude = coordinate(attrs, LONGITUDE, OptionalDouble.empty());
        OptionalDouble altitude = coordinate(attrs, ALTITUDE, OptionalDouble.of(0));
        OptionalDouble minElevation =
                coordinate(attrs, MIN_ELEVATION, OptionalDouble.of(GroundFacts.DEFAULT_MIN_ELEVATION_RADIANS));
        OptionalDouble downlink = values.positive(attrs, "downlink", Dimension.RATE);
        if (moving) {
            site(name, attrs);
        } else {
            unused(name, attrs);
        }
        Optional<GroundSite> site = moving && latitude.isPresent() && longitude.isPresent() && altitude.isPresent()
                ? Optional.of(new GroundSite(latitude.getAsDouble(), longitude.getAsDouble(), altitude.getAsDouble()))
                : Optional.empty();
        return new GroundFacts(
                name.text(),
                compute,
                memory,
                site,
                minElevation.orElse(GroundFacts.DEFAULT_MIN_ELEVATION_RADIANS),
                moving ? downlink : OptionalDouble.empty());
    }

    /** The attribute of {@code bound}, within its range; {@code absent} when it is not given. */
    private OptionalDouble coordinate(Attributes attrs, Bound bound, OptionalDouble absent) {
        return attrs.value(bound.key())
                .map(v -> ctx.values()
                        .within(
                                bound.key(),
                                v,
                                bound.dim(),
                                bound.min(),
                                bound.max(),
                                bound.maxIncluded(),
                                bound.range(),
                                DiagnosticCode.COORDINATE_OUT_OF_RANGE,
                                bound.help()))
                .orElse(absent);
    }

    /** A station that takes contacts, or gives half its position, needs both coordinates. */
    private void site(Ident name, Attributes attrs) {
        boolean wantsSite = attrs.containsKey("downlink") || attrs.intended("latitude") || attrs.intended("longitude");
        if (!wantsSite) {
            return;
        }
        for (String key : List.of("latitude", "longitude")) {
            if (!attrs.intended(key)) {
                ctx.diags()
                        .report(
                                DiagnosticCode.MISSING_ATTRIBUTE,
                                name.span(),
                                "Ground station `" + name.text() + "` has no `" + key + "`.",
                                "Add e.g. `latitude = 47.6 deg; longitude = -122.3 deg`: contacts need the"
                                        + " station's place.");
            }
        }
    }

    private static String both(List<String> keys) {
        String quoted = ValueReader.quoteAll(keys);
        int or = quoted.lastIndexOf(" or ");
        return or < 0 ? quoted : quoted.substring(0, or) + " and " + quoted.substring(or + 4);
    }

    /** Without a horizon nothing moves: contact attributes are read, then ignored, and said so once. */
    private void unused(Ident name, Attributes attrs) {
        List<String> given = new ArrayList<>();
        for (String key : MOTION_KEYS) {
            if (attrs.containsKey(key)) {
                given.add(key);
            }
        }
        if (given.isEmpty()) {
            return;
        }
        ctx.diags()
                .report(
                        DiagnosticCode.ORBIT_WITHOUT_HORIZON,
                        attrs.get(given.get(0)).key().span(),
                        "Ground station `" + name.text() + "` gives " + both(given)
                                + ", which " + (given.size() == 1 ? "has" : "have")
                                + " no effect: the mission has no `horizon`.",
                        "Without a horizon the mission is a snapshot planned over its declared links; add"
                                + " `horizon { start = \"...\"; duration = ... }` to plan over contacts.");
    }
}
