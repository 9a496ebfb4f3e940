package io.satc.compiler.orbit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.frames.TopocentricFrame;
import org.orekit.propagation.Propagator;

/** The plan's order, its edge conventions, and the extremes it reports against dense sampling. */
class ContactPlanTest {

    private static final double DEG = Math.PI / 180;
    private static final Instant START = Instant.parse("2026-12-04T00:00:00Z");
    private static final WalkerDelta SHELL = new WalkerDelta("shell", 72, 22, 39, 550, 53 * DEG, Propagation.TWO_BODY);

    private static Scenario shellScenario(double duration) {
        GroundStation seattle = new GroundStation("seattle", 47.6 * DEG, -122.3 * DEG, 0.05, 25 * DEG, 0.5e9);
        return new Scenario(
                new Horizon(START, duration),
                SHELL.satellites(),
                List.of(seattle),
                List.of(new LinkRule.Grid(SHELL, 100e9, 5000)));
    }

    @Test
    void contactsAreSortedAndInsideTheHorizon() {
        ContactPlan plan = OrbitGeometry.of(shellScenario(5400)).contacts();
        List<Contact> sorted = new ArrayList<>(plan.contacts());
        sorted.sort(Contact.ORDER);
        assertEquals(sorted, plan.contacts());
        for (Contact c : plan.contacts()) {
            assertTrue(c.startSeconds() >= 0 && c.endSeconds() <= 5400 && c.startSeconds() <= c.endSeconds(), "" + c);
            assertTrue(c.minRangeKm() <= c.maxRangeKm(), "" + c);
            if (c.kind() == ContactKind.ISL) {
                assertTrue(c.a().compareTo(c.b()) < 0, "" + c);
            } else {
                assertEquals("seattle", c.b());
                assertTrue(c.maxElevationDeg().getAsDouble() >= 25 - 1e-9, "" + c);
            }
        }
        assertEquals(1584, plan.satellites().size());
        assertEquals(List.of("seattle"), plan.stations());
    }

    @Test
    void inPlaneNeighboursKeepTheChordAndTheWholeHorizon() {
        ContactPlan plan = OrbitGeometry.of(shellScenario(5400)).contacts();
        double chord = 2 * (Earth.RADIUS_KM + 550) * Math.sin(Math.PI / 22);
        Contact c = plan.contacts().stream()
                .filter(x -> x.a().equals("shell-03-07") && x.b().equals("shell-03-08"))
                .findFirst()
                .orElseThrow();
        assertEquals(0, c.startSeconds());
        assertEquals(5400, c.endSeconds());
        assertEquals(chord, c.minRangeKm(), 1e-6);
        assertEquals(chord, c.maxRangeKm(), 1e-6);
    }

    @Test
    void theGridJoinsTheLastPlaneToTheFirst() {
        // Phasing 0: across the seam the same slots fly side by side (with shell's phasing 39 they are
        // a quarter orbit apart, beyond any range).
        WalkerDelta w = new WalkerDelta("w", 12, 8, 0, 1000, 80 * DEG, Propagation.TWO_BODY);
        ContactPlan plan = OrbitGeometry.of(new Scenario(
                        new Horizon(START, 600), w.satellites(), List.of(), List.of(new LinkRule.Grid(w, 1e9, 20000))))
                .contacts();
        List<String> pairs =
                plan.contacts().stream().map(c -> c.a() + " " + c.b()).toList();
        assertTrue(pairs.contains("w-00-01 w-11-01"), "" + pairs);
        assertTrue(pairs.contains("w-00-00 w-00-07"), "" + pairs);
        // 12 planes x 8 slots: 96 in-plane and 96 cross-plane pairs, each once and up throughout.
        assertEquals(192, pairs.size());
        assertEquals(192, pairs.stream().distinct().count());
    }

    @Test
    void groundExtremesAndWorstCaseRangeMatchDenseSampling() {
        Scenario s = shellScenario(5400);
        OrbitGeometry g = OrbitGeometry.of(s);
        GroundStation station = s.stations().get(0);
        TopocentricFrame topo = new TopocentricFrame(
                OrekitOracle.WGS84,
                new GeodeticPoint(station.latitudeRad(), station.longitudeRad(), station.altitudeKm() * 1e3),
                "seattle");
        List<Contact> passes = g.contacts().contacts(ContactKind.GROUND);
        assertTrue(passes.size() > 100);
        for (int k = 0; k < passes.size(); k += 97) {
            Contact c = passes.get(k);
            Satellite sat = s.satellites().stream()
                    .filter(x -> x.name().equals(c.a()))
                    .findFirst()
                    .orElseThrow();
            Propagator p = OrekitOracle.propagator(sat, START);
            double maxEl = -90;
            double minR = Double.MAX_VALUE;
            double maxR = 0;
            for (double u = c.startSeconds(); u <= c.endSeconds() + 0.01; u += 0.01) {
                double t = Math.min(u, c.endSeconds());
                Vector3D pos = p.getPosition(OrekitOracle.date(START, t), OrekitOracle.INERTIAL);
                maxEl = Math.max(
                        maxEl,
                        Math.toDegrees(topo.getElevation(pos, OrekitOracle.INERTIAL, OrekitOracle.date(START, t))));
                double r = topo.getRange(pos, OrekitOracle.INERTIAL, OrekitOracle.date(START, t)) / 1e3;
                minR = Math.min(minR, r);
                maxR = Math.max(maxR, r);
            }
            assertEquals(maxEl, c.maxElevationDeg().getAsDouble(), 1e-4, "max elevation of " + c);
            assertEquals(minR, c.minRangeKm(), 1e-3, "min range of " + c);
            assertEquals(maxR, c.maxRangeKm(), 1e-3, "max range of " + c);
            double t0 = c.startSeconds() + 0.3 * c.durationSeconds();
            double t1 = c.startSeconds() + 0.6 * c.durationSeconds();
            double dense = 0;
            for (double t = t0; t <= t1; t += 0.001) {
                dense = Math.max(dense, g.rangeKm(c, t));
            }
            dense = Math.max(dense, g.rangeKm(c, t1));
            double worst = g.maxRangeKm(c, t0, t1);
            assertTrue(worst >= dense - 1e-9 && worst - dense < 1e-3, "worst case " + worst + " vs sampled " + dense);
        }
    }

    @Test
    void worstCaseRangeOfAnIslIsTheLargestOverTheWindow() {
        Scenario s = shellScenario(5400);
        OrbitGeometry g = OrbitGeometry.of(s);
        Contact cross = g.contacts().contacts().stream()
                .filter(x -> x.a().equals("shell-10-03") && x.b().equals("shell-11-03"))
                .findFirst()
                .orElseThrow();
        double dense = 0;
        for (double t = 1000; t <= 2500; t += 0.01) {
            dense = Math.max(dense, g.rangeKm(cross, t));
        }
        assertEquals(dense, g.maxRangeKm(cross, 1000, 2500), 1e-4);
        assertTrue(cross.maxRangeKm() >= g.maxRangeKm(cross, 1000, 2500) - 1e-9);
        assertThrows(IllegalArgumentException.class, () -> g.maxRangeKm(cross, -1, 10));
    }
}
