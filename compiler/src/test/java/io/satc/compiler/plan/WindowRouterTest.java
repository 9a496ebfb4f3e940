package io.satc.compiler.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.ModelUnit;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.LongRange;

/**
 * The heap-based router of cost model 2 against cost model 1's {@link Router}: the very same
 * routes, latencies and service times to the bit, forward and (for the sink) backward, on random
 * graphs where exact ties in latency and hop count are common.
 */
class WindowRouterTest {

    @Property(tries = 300, seed = "4242", shrinking = ShrinkingMode.OFF)
    void sameRoutesAsTheRouterOnRandomProblems(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed) {
        PlacementProblem p = RandomProblems.generate(seed, seed % 2 == 0);
        compareAll(p, new double[] {0.0, 8e6, Costs.bits(p.microBatchSize(), p.inputBytesPerSample())});
    }

    /** Grids with identical links: many paths of equal latency and length, so the name order decides. */
    @Property(tries = 60, seed = "99", shrinking = ShrinkingMode.OFF)
    void sameRoutesOnRegularGrids(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed) {
        Random rnd = new Random(seed);
        int rows = 2 + rnd.nextInt(5);
        int cols = 2 + rnd.nextInt(5);
        List<ComputeNode> nodes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        double[] delays = {0.001, 0.002, 0.001 + 0.002 - 0.002};
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                nodes.add(new ComputeNode(name(r, c), NodeKind.SATELLITE, 1e12, 1e10));
                if (c + 1 < cols && rnd.nextDouble() < 0.9) {
                    both(links, name(r, c), name(r, c + 1), 1e9, delays[rnd.nextInt(2)]);
                }
                if (r + 1 < rows && rnd.nextDouble() < 0.9) {
                    both(links, name(r, c), name(r + 1, c), rnd.nextBoolean() ? 1e9 : 2e9, delays[rnd.nextInt(3)]);
                }
                if (rnd.nextDouble() < 0.1 && r + 1 < rows && c + 1 < cols) {
                    // A parallel link, sometimes identical.
                    links.add(new Link(name(r, c), name(r, c + 1), 1e9, rnd.nextBoolean() ? 0.001 : 0.0005));
                }
            }
        }
        nodes.add(new ComputeNode("sink", NodeKind.GROUND, 0, Double.POSITIVE_INFINITY));
        for (int k = 0; k < 3; k++) {
            links.add(new Link(name(rnd.nextInt(rows), rnd.nextInt(cols)), "sink", 5e8, 0.003));
        }
        PlacementProblem p = new PlacementProblem(
                "grid",
                List.of(new ModelUnit("u", 1, 1, 1)),
                1,
                1,
                1,
                nodes,
                links,
                List.of(),
                name(0, 0),
                "sink",
                0,
                OptionalInt.empty());
        compareAll(p, new double[] {0.0, 1e6, 3e6});
    }

    private static void compareAll(PlacementProblem p, double[] payloads) {
        Topology t = new Topology(p);
        Router router = new Router(t);
        WindowRouter fast = new WindowRouter(t, new LinkGraph(t, p.links()));
        int n = t.size();
        int[] everyone = new int[n];
        for (int i = 0; i < n; i++) {
            everyone[i] = i;
        }
        double[] lat = new double[n];
        double[] service = new double[n];
        int[] hops = new int[n];
        for (double bits : payloads) {
            for (int from = 0; from < n; from++) {
                Route[] want = router.routesFrom(from, bits);
                Route[] all = fast.routesFrom(from, bits);
                fast.measure(from, bits, everyone, lat, service, hops, 0);
                for (int to = 0; to < n; to++) {
                    Route got = fast.route(from, to, bits);
                    String where = p.mission() + " " + t.names[from] + "->" + t.names[to] + " bits " + bits;
                    if (want[to] == null) {
                        assertNull(got, where);
                        assertNull(all[to], where);
                        assertEquals(-1, hops[to], where);
                        continue;
                    }
                    assertEquals(want[to], got, where);
                    assertEquals(want[to], all[to], where);
                    assertEquals(want[to].latencySeconds(), lat[to], where);
                    assertEquals(want[to].maxServiceSeconds(), service[to], where);
                    assertEquals(want[to].hopCount(), hops[to], where);
                }
            }
        }
    }

    private static String name(int r, int c) {
        return "n" + (char) ('a' + c) + r;
    }

    private static void both(List<Link> links, String a, String b, double rate, double delay) {
        links.add(new Link(a, b, rate, delay));
        links.add(new Link(b, a, rate, delay));
    }
}
