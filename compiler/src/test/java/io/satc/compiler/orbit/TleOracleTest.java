package io.satc.compiler.orbit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * SGP4 through Orekit against Vallado's reference SGP4 (python3-sgp4) on gpredict's real element
 * sets: positions, the satellites that fail, and ground passes of Iridium satellites against
 * Orekit's event detection.
 */
class TleOracleTest {

    /** Prints, per element set, TEME positions (km) at the given minutes after 2018-01-21T00:00Z, or its SGP4 error. */
    private static final String POSITIONS = String.join(
            "\n",
            "import sys",
            "from sgp4.api import Satrec, jday",
            "lines = sys.stdin.read().split('\\n')",
            "minutes = [float(m) for m in lines[0].split()]",
            "y, mo, d = [int(v) for v in lines[1].split()]",
            "for k in range(2, len(lines) - 1, 2):",
            "    s = Satrec.twoline2rv(lines[k], lines[k + 1])",
            "    out = []",
            "    for m in minutes:",
            "        jd, fr = jday(y, mo, d, 0, 0, 0)",
            "        e, r, v = s.sgp4(jd, fr + m / 1440.0)",
            "        if e:",
            "            out = ['error', str(e), str(m)]",
            "            break",
            "        out += ['%.9f' % x for x in r]",
            "    print(s.satnum, ' '.join(out))");

    @Test
    void positionsMatchVallados() throws Exception {
        List<Gpredict.Entry> all = Gpredict.entries();
        // Iridium (near-Earth SGP4) and GPS (deep-space SDP4, interpolated) element sets.
        List<Gpredict.Entry> some = all.stream()
                .filter(e -> Set.of("24793", "24796", "25039", "28474", "32711", "40534")
                        .contains(e.catalog()))
                .toList();
        assertTrue(some.size() >= 4, "expected Iridium and GPS element sets in gpredict: " + some);
        double[] minutes = {0, 17.3, 333.3, 1439.9};
        StringBuilder in = new StringBuilder();
        for (double m : minutes) {
            in.append(m).append(' ');
        }
        in.append("\n2018 1 21\n");
        some.forEach(e -> in.append(e.line1()).append('\n').append(e.line2()).append('\n'));
        List<String> ref = Gpredict.python(POSITIONS, in.toString());
        Instant start = Instant.parse("2018-01-21T00:00:00Z");
        Ephemeris eph =
                new Ephemeris(some.stream().map(Gpredict.Entry::satellite).toList(), start, 86400);
        double worst = 0;
        double[] p = new double[3];
        for (int i = 0; i < some.size(); i++) {
            String[] f = ref.get(i).split(" ");
            for (int k = 0; k < minutes.length; k++) {
                eph.position(i, minutes[k] * 60, p, 0);
                double dx = p[0] - Double.parseDouble(f[1 + 3 * k]);
                double dy = p[1] - Double.parseDouble(f[2 + 3 * k]);
                double dz = p[2] - Double.parseDouble(f[3 + 3 * k]);
                worst = Math.max(worst, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
        }
        System.out.printf("SGP4 via Orekit vs Vallado's: largest difference %.3f m%n", worst * 1e3);
        assertTrue(worst < 1e-3, "positions differ by " + worst * 1e3 + " m");
    }

    @Test
    void theSatellitesThatFailAreVallados() throws Exception {
        List<Gpredict.Entry> all = Gpredict.entries();
        // Near-Earth sets are checked every minute (a perigee below the surface fails only near
        // perigee); Vallado's deep-space SGP4 in Python is slow, so those every 6 minutes (their
        // perigee passes last longer).
        Set<String> vallado = new TreeSet<>();
        for (boolean deep : new boolean[] {false, true}) {
            StringBuilder in = new StringBuilder();
            for (int m = 0; m <= 90; m += deep ? 6 : 1) {
                in.append(m).append(' ');
            }
            in.append("\n2026 12 4\n");
            all.stream()
                    .filter(e -> (Double.parseDouble(e.line2().substring(52, 63)) < 6.4) == deep)
                    .forEach(e ->
                            in.append(e.line1()).append('\n').append(e.line2()).append('\n'));
            Gpredict.python(POSITIONS, in.toString()).stream()
                    .filter(l -> l.contains(" error "))
                    .map(l -> "tle-" + l.substring(0, l.indexOf(' ')))
                    .forEach(vallado::add);
        }
        Scenario s = new Scenario(
                new Horizon(Instant.parse("2026-12-04T00:00:00Z"), 5400),
                all.stream().map(Gpredict.Entry::satellite).toList(),
                List.of(),
                List.of());
        ContactPlan plan = OrbitGeometry.of(s).contacts();
        Set<String> ours = plan.failures().stream()
                .map(PropagationFailure::satellite)
                .collect(Collectors.toCollection(TreeSet::new));
        System.out.printf(
                "SGP4 failures over 2026-12-04, 90 min: ours %d, Vallado's %d%n", ours.size(), vallado.size());
        assertEquals(vallado, ours);
        assertEquals(all.size() - ours.size(), plan.satellites().size());
    }

    @Test
    void iridiumPassesMatchOrekitsEventDetection() throws Exception {
        List<Satellite> iridium = Gpredict.entries().stream()
                .filter(e -> Set.of("24793", "24796", "24836", "24841").contains(e.catalog()))
                .map(Gpredict.Entry::satellite)
                .toList();
        Horizon horizon = new Horizon(Instant.parse("2018-01-21T00:00:00Z"), 6 * 3600);
        List<GroundStation> stations = GroundPassOracleTest.stations();
        ContactPlan plan = OrbitGeometry.of(new Scenario(horizon, iridium, stations, List.of()))
                .contacts();
        int compared = 0;
        for (Satellite sat : iridium) {
            for (GroundStation g : stations) {
                List<double[]> ref = OrekitOracle.passes(sat, g, horizon);
                List<Contact> ours = plan.contacts().stream()
                        .filter(c -> c.a().equals(sat.name()) && c.b().equals(g.name()))
                        .toList();
                assertEquals(ref.size(), ours.size(), sat.name() + " over " + g.name());
                for (int k = 0; k < ref.size(); k++) {
                    assertEquals(ref.get(k)[0], ours.get(k).startSeconds(), 1e-3);
                    assertEquals(ref.get(k)[1], ours.get(k).endSeconds(), 1e-3);
                    compared++;
                }
            }
        }
        assertTrue(compared > 10, "passes compared: " + compared);
    }
}
