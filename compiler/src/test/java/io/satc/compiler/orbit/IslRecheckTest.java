package io.satc.compiler.orbit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.orekit.propagation.Propagator;

/**
 * ISL windows re-checked densely and independently: every second of the horizon, each candidate
 * pair's state (range and line of sight, from Orekit's positions and a separate segment formula)
 * must agree with the contact plan, except within 1 s of an edge.
 */
class IslRecheckTest {

    private static final double DEG = Math.PI / 180;
    private static final Instant START = Instant.parse("2026-12-04T00:00:00Z");

    /** A pair, its range limit, and the contacts the plan gives it. */
    private record Pair(int i, int j, double maxRangeKm) {}

    @Test
    void gridRangeAndLineOfSightLinksAgreeWithASecondBySecondRecheck() {
        WalkerDelta iri = new WalkerDelta("iri", 6, 11, 2, 780, 86.4 * DEG, Propagation.TWO_BODY);
        List<Satellite> sats = new ArrayList<>(iri.satellites());
        sats.add(new Satellite("low", new Orbit.Circular(400, 51.6 * DEG, 40 * DEG, 0, Propagation.TWO_BODY)));
        List<String> names = sats.stream().map(Satellite::name).toList();
        List<LinkRule> rules = List.of(
                new LinkRule.Grid(iri, 10e9, 3500),
                new LinkRule.Range(names, 1e9, 2500),
                new LinkRule.LineOfSight("iri-00-00", "low", 1e9),
                new LinkRule.LineOfSight("iri-03-05", "iri-00-00", 1e9));
        Horizon horizon = new Horizon(START, 3600);
        ContactPlan plan =
                OrbitGeometry.of(new Scenario(horizon, sats, List.of(), rules)).contacts();

        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        // The pairs and limits the rules define, first rule kind wins: line of sight, grid, range.
        Map<Long, Pair> pairs = new HashMap<>();
        pairs.put(key(index.get("iri-00-00"), index.get("low")), pair(index, "iri-00-00", "low", Double.MAX_VALUE));
        pairs.put(
                key(index.get("iri-03-05"), index.get("iri-00-00")),
                pair(index, "iri-03-05", "iri-00-00", Double.MAX_VALUE));
        for (int p = 0; p < 6; p++) {
            for (int s = 0; s < 11; s++) {
                String a = iri.satelliteName(p, s);
                for (String b : List.of(iri.satelliteName(p, (s + 1) % 11), iri.satelliteName((p + 1) % 6, s))) {
                    pairs.putIfAbsent(key(index.get(a), index.get(b)), pair(index, a, b, 3500));
                }
            }
        }
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                pairs.putIfAbsent(key(i, j), new Pair(i, j, 2500));
            }
        }
        int samples = (int) horizon.durationSeconds();
        double[][] pos = new double[sats.size()][3 * (samples + 1)];
        for (int i = 0; i < sats.size(); i++) {
            Propagator p = OrekitOracle.propagator(sats.get(i), START);
            for (int t = 0; t <= samples; t++) {
                Vector3D v = OrekitOracle.positionKm(p, START, t);
                pos[i][3 * t] = v.getX();
                pos[i][3 * t + 1] = v.getY();
                pos[i][3 * t + 2] = v.getZ();
            }
        }
        Map<Long, List<Contact>> byPair = new HashMap<>();
        for (Contact c : plan.contacts()) {
            assertEquals(ContactKind.ISL, c.kind());
            assertTrue(c.a().compareTo(c.b()) < 0, "a < b by name: " + c);
            long k = key(index.get(c.a()), index.get(c.b()));
            assertTrue(pairs.containsKey(k), "contact of a pair no rule names: " + c);
            byPair.computeIfAbsent(k, x -> new ArrayList<>()).add(c);
        }
        int checked = 0;
        int upSeconds = 0;
        for (Map.Entry<Long, Pair> e : pairs.entrySet()) {
            Pair p = e.getValue();
            List<Contact> cs = byPair.getOrDefault(e.getKey(), List.of());
            for (int t = 0; t <= samples; t++) {
                boolean oracle = up(pos[p.i], pos[p.j], t, p.maxRangeKm);
                boolean ours = false;
                boolean nearEdge = false;
                for (Contact c : cs) {
                    ours |= t >= c.startSeconds() && t <= c.endSeconds();
                    nearEdge |= (c.startSeconds() > 0 && Math.abs(t - c.startSeconds()) < 1)
                            || (c.endSeconds() < samples && Math.abs(t - c.endSeconds()) < 1);
                }
                if (!nearEdge) {
                    assertEquals(oracle, ours, "pair " + names.get(p.i) + "-" + names.get(p.j) + " at " + t + " s");
                    checked++;
                    upSeconds += ours ? 1 : 0;
                }
            }
        }
        System.out.printf(
                "ISL recheck: %d pairs, %d contacts, %d pair-seconds checked, %d up%n",
                pairs.size(), plan.contacts().size(), checked, upSeconds);
        assertTrue(upSeconds > 0 && upSeconds < checked, "the recheck must see links both up and down");
    }

    /** Independent link test: range within limit, and the segment's closest point to the centre above R + 80 km. */
    private static boolean up(double[] a, double[] b, int t, double maxRangeKm) {
        Vector3D p = new Vector3D(a[3 * t], a[3 * t + 1], a[3 * t + 2]);
        Vector3D q = new Vector3D(b[3 * t], b[3 * t + 1], b[3 * t + 2]);
        if (p.distance(q) > maxRangeKm) {
            return false;
        }
        Vector3D d = q.subtract(p);
        double s = Math.max(0, Math.min(1, -p.dotProduct(d) / d.getNormSq()));
        return p.add(s, d).getNorm() >= Earth.RADIUS_KM + 80;
    }

    private static Pair pair(Map<String, Integer> index, String a, String b, double max) {
        int i = index.get(a);
        int j = index.get(b);
        return new Pair(Math.min(i, j), Math.max(i, j), max);
    }

    private static long key(int i, int j) {
        return ((long) Math.min(i, j) << 32) | Math.max(i, j);
    }
}
