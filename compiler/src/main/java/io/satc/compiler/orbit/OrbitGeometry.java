package io.satc.compiler.orbit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's geometry, solved: its contact plan, and the positions and worst-case ranges a
 * planner asks for (docs/orbits.md, "API").
 *
 * <p>{@link #of} propagates every satellite over the horizon and computes all contacts once. A
 * TLE satellite whose SGP4 propagation fails anywhere in the horizon is left out, and the failure is
 * reported in {@link ContactPlan#failures()}. The object is immutable to its callers but keeps
 * scratch buffers (and Orekit's SGP4 keeps state): use it from one thread at a time.
 */
public final class OrbitGeometry {

    /** Spacing of the SGP4 check run before solving, seconds (the solver itself samples finer). */
    private static final double FAILURE_CHECK_STEP_S = 60;

    private final Scenario scenario;
    private final List<Satellite> satellites;
    private final Ephemeris ephemeris;
    private final Stations stations;
    private final ContactPlan plan;
    private final double step;
    private final Map<String, Integer> satelliteIndex = new HashMap<>();
    private final Map<String, Integer> stationIndex = new HashMap<>();
    private final double[] pair = new double[6];
    private final double[] up = new double[6];
    private final double[] out = new double[1];
    private final double[] sinElevation = new double[1];
    private double[] normals = new double[0];

    private OrbitGeometry(
            Scenario scenario, List<Satellite> satellites, List<PropagationFailure> failures, Ephemeris ephemeris) {
        this.scenario = scenario;
        this.satellites = satellites;
        this.ephemeris = ephemeris;
        EarthRotation rotation = new EarthRotation(scenario.horizon().start());
        this.stations = new Stations(scenario.stations(), rotation);
        List<String> stationNames =
                scenario.stations().stream().map(GroundStation::name).toList();
        ContactSolver solver =
                new ContactSolver(scenario.horizon(), satellites, scenario.rules(), ephemeris, stations, stationNames);
        this.step = solver.step();
        List<Contact> contacts = solver.solve();
        this.plan = new ContactPlan(
                scenario.horizon(),
                satellites.stream().map(Satellite::name).toList(),
                stationNames,
                contacts,
                failures);
        for (int i = 0; i < satellites.size(); i++) {
            satelliteIndex.put(satellites.get(i).name(), i);
        }
        for (int k = 0; k < stationNames.size(); k++) {
            stationIndex.put(stationNames.get(k), k);
        }
    }

    /** Propagates the scenario over its horizon and solves every contact. */
    public static OrbitGeometry of(Scenario scenario) {
        List<Satellite> kept = new ArrayList<>(scenario.satellites());
        List<PropagationFailure> failures = new ArrayList<>();
        Map<String, TleSgp4> sgp4 = new HashMap<>();
        precheck(scenario, kept, failures, sgp4);
        while (true) {
            Ephemeris ephemeris = new Ephemeris(kept, s -> sgp4.get(s.name()));
            try {
                return new OrbitGeometry(scenario, List.copyOf(kept), sorted(scenario, failures), ephemeris);
            } catch (Ephemeris.PropagationFailed f) {
                // SGP4 failed between the checked times: leave that satellite out too and solve again.
                failures.add(new PropagationFailure(kept.get(f.index).name(), f.atSeconds, f.getMessage()));
                kept.remove(f.index);
            }
        }
    }

    /** Runs SGP4 of every TLE satellite every minute and at the end; drops those that fail. */
    private static void precheck(
            Scenario scenario, List<Satellite> kept, List<PropagationFailure> failures, Map<String, TleSgp4> sgp4) {
        double duration = scenario.horizon().durationSeconds();
        double[] xyz = new double[3];
        for (int i = kept.size() - 1; i >= 0; i--) {
            if (!(kept.get(i).orbit() instanceof Orbit.Tle tle)) {
                continue;
            }
            String name = kept.get(i).name();
            int n = (int) Math.ceil(duration / FAILURE_CHECK_STEP_S);
            double t = 0;
            try {
                TleSgp4 p = new TleSgp4(tle, scenario.horizon().start(), duration);
                for (int k = 0; k <= n; k++) {
                    t = Math.min(duration, k * FAILURE_CHECK_STEP_S);
                    p.position(t, xyz, 0);
                }
                sgp4.put(name, p);
            } catch (TleSgp4.Failure f) {
                failures.add(new PropagationFailure(name, Double.isNaN(f.atSeconds) ? t : f.atSeconds, f.getMessage()));
                kept.remove(i);
            }
        }
    }

    private static List<PropagationFailure> sorted(Scenario scenario, List<PropagationFailure> failures) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < scenario.satellites().size(); i++) {
            order.put(scenario.satellites().get(i).name(), i);
        }
        List<PropagationFailure> out = new ArrayList<>(failures);
        out.sort((x, y) -> Integer.compare(order.get(x.satellite()), order.get(y.satellite())));
        return out;
    }

    /** The scenario this geometry solves. */
    public Scenario scenario() {
        return scenario;
    }

    /** The contact plan. */
    public ContactPlan contacts() {
        return plan;
    }

    /** The satellites that propagate over the whole horizon, in scenario order; index {@code i} is position {@code 3i}. */
    public List<Satellite> satellites() {
        return satellites;
    }

    /** The sampling step the contacts were solved with, seconds (docs/orbits.md, "Exact edges"). */
    public double sampleStepSeconds() {
        return step;
    }

    /**
     * Inertial (TEME-like) positions of all {@link #satellites()} at {@code t} seconds from the
     * horizon start, km: satellite {@code i} at {@code xyz[3i..3i+2]}. No allocation for circular
     * orbits.
     */
    public void satellitePositions(double t, double[] xyz) {
        ephemeris.positions(t, xyz);
    }

    /** Inertial positions of all ground stations at {@code t}, km, 3 per station in scenario order. */
    public void stationPositions(double t, double[] xyz) {
        if (normals.length < xyz.length) {
            normals = new double[xyz.length];
        }
        stations.inertial(t, xyz, normals);
    }

    /** The range of a contact's link at {@code t} (inside or outside the contact), km. */
    public double rangeKm(Contact contact, double t) {
        int i = satelliteIndex.get(contact.a());
        if (contact.kind() == ContactKind.ISL) {
            ephemeris.position(i, t, pair, 0);
            ephemeris.position(satelliteIndex.get(contact.b()), t, pair, 3);
            LinkMath.isl(pair, 0, 3, Double.POSITIVE_INFINITY, out, 0);
            return out[0];
        }
        int k = stationIndex.get(contact.b());
        ephemeris.position(i, t, pair, 0);
        stations.inertial(k, t, pair, up, 3);
        LinkMath.ground(pair, 0, pair, up, 3, 0, out, sinElevation, 0);
        return out[0];
    }

    /**
     * The largest range of a contact's link over {@code [t0, t1]}, a sub-interval of the contact: the
     * worst case of the link in a planning window, km. Sampled at the solver's step, then refined
     * by golden-section search around the largest sample and compared with both ends.
     */
    public double maxRangeKm(Contact contact, double t0, double t1) {
        double slack = 1e-6;
        if (!(t0 <= t1) || t0 < contact.startSeconds() - slack || t1 > contact.endSeconds() + slack) {
            throw new IllegalArgumentException("[" + t0 + ", " + t1 + "] is not inside the contact " + contact.a() + "-"
                    + contact.b() + " [" + contact.startSeconds() + ", " + contact.endSeconds() + "]");
        }
        int n = Math.max(1, (int) Math.ceil((t1 - t0) / step));
        double dt = (t1 - t0) / n;
        double best = Double.NEGATIVE_INFINITY;
        double bestT = t0;
        for (int q = 0; q <= n; q++) {
            double t = q == n ? t1 : t0 + q * dt;
            double r = rangeKm(contact, t);
            if (r > best) {
                best = r;
                bestT = t;
            }
        }
        double refined =
                GoldenSection.maximum(t -> rangeKm(contact, t), Math.max(t0, bestT - dt), Math.min(t1, bestT + dt), 40);
        return Math.max(best, refined);
    }
}
