package io.satc.compiler.orbit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.orekit.propagation.Propagator;

/** The own two-body positions against Orekit's KeplerianPropagator: within 1 m over the horizon. */
class PositionOracleTest {

    private static final double DEG = Math.PI / 180;
    private static final Instant START = Instant.parse("2026-12-04T00:00:00Z");

    @Test
    void walkerAndElementOrbitsMatchOrekitToOneMetre() {
        List<Satellite> sats = new ArrayList<>();
        WalkerDelta shell = new WalkerDelta("shell", 72, 22, 39, 550, 53 * DEG, Propagation.TWO_BODY);
        for (int[] ps : new int[][] {{0, 0}, {3, 7}, {35, 11}, {71, 21}}) {
            sats.add(new Satellite(shell.satelliteName(ps[0], ps[1]), shell.orbit(ps[0], ps[1])));
        }
        sats.add(new Satellite("relay", new Orbit.Circular(780, 86.4 * DEG, 10 * DEG, 0, Propagation.TWO_BODY)));
        sats.add(new Satellite(
                "retro", new Orbit.Circular(1200, 97.6 * DEG, 300 * DEG, 200 * DEG, Propagation.TWO_BODY)));
        sats.add(new Satellite("equatorial", new Orbit.Circular(35786, 0, 0, 45 * DEG, Propagation.TWO_BODY)));
        Ephemeris eph = new Ephemeris(sats, START, 7 * 86400);
        double[] all = new double[3 * sats.size()];
        double worst = 0;
        for (int i = 0; i < sats.size(); i++) {
            Propagator p = OrekitOracle.propagator(sats.get(i), START);
            for (double t = 0; t <= 7 * 86400; t += 7 * 86400 / 97.0) {
                eph.positions(t, all);
                Vector3D ref = OrekitOracle.positionKm(p, START, t);
                double err = ref.distance(new Vector3D(all[3 * i], all[3 * i + 1], all[3 * i + 2]));
                worst = Math.max(worst, err);
            }
        }
        assertTrue(worst < 1e-3, "largest difference to Orekit " + worst * 1e3 + " m");
    }
}
