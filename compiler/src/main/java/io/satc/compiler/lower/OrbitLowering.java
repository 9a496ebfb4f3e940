package io.satc.compiler.lower;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.orbit.ContactPlan;
import io.satc.compiler.orbit.GroundStation;
import io.satc.compiler.orbit.Horizon;
import io.satc.compiler.orbit.LinkRule;
import io.satc.compiler.orbit.Orbit;
import io.satc.compiler.orbit.OrbitGeometry;
import io.satc.compiler.orbit.Propagation;
import io.satc.compiler.orbit.PropagationFailure;
import io.satc.compiler.orbit.Satellite;
import io.satc.compiler.orbit.Scenario;
import io.satc.compiler.orbit.WalkerDelta;
import io.satc.compiler.sema.AnalyzedMission;
import io.satc.compiler.sema.AnalyzedMission.CircularOrbit;
import io.satc.compiler.sema.AnalyzedMission.ConstellationFacts;
import io.satc.compiler.sema.AnalyzedMission.ElementSet;
import io.satc.compiler.sema.AnalyzedMission.GroundFacts;
import io.satc.compiler.sema.AnalyzedMission.HorizonFacts;
import io.satc.compiler.sema.AnalyzedMission.IslFacts;
import io.satc.compiler.sema.AnalyzedMission.IslRule;
import io.satc.compiler.sema.AnalyzedMission.LinkFacts;
import io.satc.compiler.sema.AnalyzedMission.SatelliteFacts;
import io.satc.compiler.sema.AnalyzedMission.TleOrbit;
import io.satc.compiler.sema.AnalyzedMission.TleOrbits;
import io.satc.compiler.sema.AnalyzedMission.WalkerOrbits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the orbits of an analysed mission into the geometry package's {@link Scenario}: its
 * horizon, every satellite that has an orbit (Walker slots through the geometry's own
 * {@link WalkerDelta}, {@code elements(...)} orbits, TLE sets as their two lines), every ground
 * station that takes contacts (a site and a {@code downlink}), and the link rules (constellation
 * ISLs, and declared links between two orbiting satellites, which need line of sight). Sees no
 * syntax; the geometry sees no mission.
 *
 * <p>It also words what propagation finds: a TLE satellite whose SGP4 propagation fails inside the
 * horizon is left out of the contacts, with warning SATC6001 at its constellation's
 * {@code tle("...")} naming the satellite, its file line, when and why.
 */
public final class OrbitLowering {

    private OrbitLowering() {}

    /** The mission's geometry; empty for a mission without a {@code horizon}, which does not move. */
    public static Optional<Scenario> scenario(AnalyzedMission m) {
        if (m.horizon().isEmpty()) {
            return Optional.empty();
        }
        HorizonFacts h = m.horizon().get();
        Propagation propagation =
                h.propagation() == AnalyzedMission.Propagation.J2 ? Propagation.J2 : Propagation.TWO_BODY;
        Map<String, WalkerDelta> walkers = new HashMap<>();
        Map<String, Orbit> walkerOrbits = new HashMap<>();
        for (ConstellationFacts c : m.constellations()) {
            if (c.orbits() instanceof WalkerOrbits w) {
                WalkerDelta walker = walker(c.name(), w, propagation);
                walkers.put(c.name(), walker);
                for (int k = 0; k < c.satellites().size(); k++) {
                    int plane = k / w.perPlane();
                    int slot = k % w.perPlane();
                    String name = walker.satelliteName(plane, slot);
                    if (!name.equals(c.satellites().get(k))) {
                        throw new IllegalStateException("the analysis named Walker satellite " + k + " of " + c.name()
                                + " `" + c.satellites().get(k) + "`, the geometry `" + name + "`");
                    }
                    walkerOrbits.put(name, walker.orbit(plane, slot));
                }
            }
        }
        List<Satellite> satellites = new ArrayList<>();
        Set<String> orbiting = new HashSet<>();
        for (SatelliteFacts s : m.satellites()) {
            Optional<Orbit> orbit = Optional.ofNullable(walkerOrbits.get(s.name()))
                    .or(() -> s.orbit().map(o -> orbit(o, propagation)));
            if (orbit.isPresent()) {
                satellites.add(new Satellite(s.name(), orbit.get()));
                orbiting.add(s.name());
            }
        }
        List<GroundStation> stations = new ArrayList<>();
        for (GroundFacts g : m.grounds()) {
            if (g.site().isPresent() && g.downlinkBitsPerSecond().isPresent()) {
                stations.add(new GroundStation(
                        g.name(),
                        g.site().get().latitudeRadians(),
                        g.site().get().longitudeRadians(),
                        g.site().get().altitudeMeters() / 1000,
                        g.minElevationRadians(),
                        g.downlinkBitsPerSecond().getAsDouble()));
            }
        }
        List<LinkRule> rules = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (LinkFacts l : m.links()) {
            // A `<->` declaration gives two directions; the geometry has one link per pair, at the first one's rate.
            String pair = l.from().compareTo(l.to()) < 0 ? l.from() + "\n" + l.to() : l.to() + "\n" + l.from();
            if (orbiting.contains(l.from()) && orbiting.contains(l.to()) && pairs.add(pair)) {
                rules.add(new LinkRule.LineOfSight(l.from(), l.to(), l.rateBitsPerSecond()));
            }
        }
        for (ConstellationFacts c : m.constellations()) {
            if (c.isl().isPresent()) {
                rules.add(rule(c, c.isl().get(), walkers.get(c.name())));
            }
        }
        return Optional.of(new Scenario(new Horizon(h.start(), h.durationSeconds()), satellites, stations, rules));
    }

    /**
     * The TLE satellites whose SGP4 propagation fails inside the horizon, found by propagating
     * only them (no stations, no links): what {@code satc check} can say about a mission's element
     * sets without solving its contacts. Empty when the mission has no TLE constellation.
     */
    public static List<PropagationFailure> elementSetFailures(AnalyzedMission m) {
        Optional<Scenario> full = scenario(m);
        if (full.isEmpty()) {
            return List.of();
        }
        List<Satellite> tle = full.get().satellites().stream()
                .filter(s -> s.orbit() instanceof Orbit.Tle)
                .toList();
        if (tle.isEmpty()) {
            return List.of();
        }
        Scenario sets = new Scenario(full.get().horizon(), tle, List.of(), List.of());
        return OrbitGeometry.of(sets).contacts().failures();
    }

    /** Reports each satellite a contact plan left out (warning SATC6001) at its constellation's {@code tle("...")}. */
    public static void reportFailures(AnalyzedMission m, ContactPlan plan, Diagnostics diags) {
        reportFailures(m, plan.failures(), diags);
    }

    /** Reports each failure (warning SATC6001) at its constellation's {@code tle("...")}. */
    public static void reportFailures(AnalyzedMission m, List<PropagationFailure> failures, Diagnostics diags) {
        Map<String, TleOrbits> files = new HashMap<>();
        Map<String, ElementSet> sets = new HashMap<>();
        for (ConstellationFacts c : m.constellations()) {
            if (c.orbits() instanceof TleOrbits t) {
                for (int k = 0; k < c.satellites().size(); k++) {
                    files.put(c.satellites().get(k), t);
                    sets.put(c.satellites().get(k), t.sets().get(k));
                }
            }
        }
        for (PropagationFailure f : failures) {
            TleOrbits file = files.get(f.satellite());
            if (file == null) {
                throw new IllegalStateException("propagation failed for " + f.satellite() + ", which has no TLE");
            }
            diags.report(
                    DiagnosticCode.SGP4_FAILED,
                    file.at(),
                    "Satellite `" + f.satellite() + "` (TLE file `" + file.shownPath() + "` line "
                            + sets.get(f.satellite()).line() + ") is left out: SGP4 fails "
                            + String.format(Locale.ROOT, "%.0f", f.atSeconds()) + " s into the horizon: "
                            + f.reason() + ".",
                    "The rest of the constellation is kept. An element set propagated far from its epoch, or"
                            + " of a satellite that decays, cannot be followed; take a newer one or move the"
                            + " horizon.");
        }
    }

    private static WalkerDelta walker(String name, WalkerOrbits w, Propagation propagation) {
        return new WalkerDelta(
                name,
                w.planes(),
                w.perPlane(),
                w.phasing(),
                w.altitudeMeters() / 1000,
                w.inclinationRadians(),
                propagation);
    }

    private static Orbit orbit(AnalyzedMission.SatelliteOrbit o, Propagation propagation) {
        if (o instanceof CircularOrbit c) {
            return new Orbit.Circular(
                    c.altitudeMeters() / 1000,
                    c.inclinationRadians(),
                    c.raanRadians(),
                    c.anomalyRadians(),
                    propagation);
        }
        ElementSet set = ((TleOrbit) o).elements();
        return new Orbit.Tle(set.line1(), set.line2());
    }

    private static LinkRule rule(ConstellationFacts c, IslFacts isl, WalkerDelta walker) {
        double maxRangeKm = isl.maxRangeMeters() / 1000;
        if (isl.rule() == IslRule.GRID) {
            return new LinkRule.Grid(walker, isl.rateBitsPerSecond(), maxRangeKm);
        }
        return new LinkRule.Range(c.satellites(), isl.rateBitsPerSecond(), maxRangeKm);
    }
}
