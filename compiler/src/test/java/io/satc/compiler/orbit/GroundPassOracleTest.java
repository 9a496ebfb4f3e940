package io.satc.compiler.orbit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ground passes against Orekit's ElevationDetector on a topocentric frame of the WGS84 ellipsoid in
 * an Earth frame rotating by Orekit's IAU-82 GMST: every pass agrees to 1 s at both edges (in fact
 * to a millisecond), and no pass is missing on either side.
 */
class GroundPassOracleTest {

    private static final double DEG = Math.PI / 180;
    /** Orekit checks its g function every second; shorter passes may escape it, not us. */
    private static final double ORACLE_MAX_CHECK_S = 1;

    static List<GroundStation> stations() {
        return List.of(
                new GroundStation("seattle", 47.6 * DEG, -122.3 * DEG, 0.05, 25 * DEG, 0.5e9),
                new GroundStation("beijing", 39.9 * DEG, 116.4 * DEG, 0.04, 10 * DEG, 0.5e9),
                new GroundStation("svalbard", 78.23 * DEG, 15.39 * DEG, 0.5, 5 * DEG, 0.5e9),
                new GroundStation("quito", -0.18 * DEG, -78.47 * DEG, 2.85, 0, 0.5e9));
    }

    static List<Satellite> satellites() {
        List<Satellite> sats = new ArrayList<>();
        WalkerDelta iri = new WalkerDelta("iri", 6, 11, 2, 780, 86.4 * DEG, Propagation.TWO_BODY);
        for (int p = 0; p < 6; p += 2) {
            for (int s = 0; s < 11; s += 5) {
                sats.add(new Satellite(iri.satelliteName(p, s), iri.orbit(p, s)));
            }
        }
        WalkerDelta shell = new WalkerDelta("shell", 72, 22, 39, 550, 53 * DEG, Propagation.TWO_BODY);
        sats.add(new Satellite(shell.satelliteName(3, 7), shell.orbit(3, 7)));
        sats.add(new Satellite(shell.satelliteName(40, 1), shell.orbit(40, 1)));
        sats.add(new Satellite("sso", new Orbit.Circular(600, 97.8 * DEG, 123 * DEG, 17 * DEG, Propagation.TWO_BODY)));
        return sats;
    }

    @Test
    void passesMatchOrekitsElevationDetector() {
        Horizon horizon = new Horizon(Instant.parse("2026-12-04T00:00:00Z"), 4 * 3600);
        List<Satellite> sats = satellites();
        List<GroundStation> stations = stations();
        ContactPlan plan = OrbitGeometry.of(new Scenario(horizon, sats, stations, List.of()))
                .contacts();
        int compared = 0;
        double worst = 0;
        for (Satellite s : sats) {
            for (GroundStation g : stations) {
                List<double[]> ref = OrekitOracle.passes(s, g, horizon);
                List<Contact> ours = plan.contacts().stream()
                        .filter(c -> c.a().equals(s.name()) && c.b().equals(g.name()))
                        .toList();
                List<Contact> long_ = ours.stream()
                        .filter(c -> c.durationSeconds() > 2 * ORACLE_MAX_CHECK_S)
                        .toList();
                assertTrue(
                        ref.size() >= long_.size() && ref.size() <= ours.size(),
                        s.name() + " over " + g.name() + ": Orekit " + ref.size() + " passes, ours " + ours.size());
                for (double[] r : ref) {
                    Contact c = ours.stream()
                            .filter(x -> Math.abs(x.startSeconds() - r[0]) < 1)
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(s.name() + " over " + g.name()
                                    + ": no pass of ours starts within 1 s of Orekit's " + r[0]));
                    worst = Math.max(worst, Math.abs(c.startSeconds() - r[0]));
                    worst = Math.max(worst, Math.abs(c.endSeconds() - r[1]));
                    assertEquals(r[1], c.endSeconds(), 1.0, s.name() + " over " + g.name());
                    compared++;
                }
            }
        }
        System.out.printf("ground passes compared with Orekit: %d, largest edge difference %.6f s%n", compared, worst);
        assertTrue(compared > 30, "too few passes to compare: " + compared);
        assertTrue(worst < 1e-3, "edges should agree to a millisecond: " + worst);
    }
}
