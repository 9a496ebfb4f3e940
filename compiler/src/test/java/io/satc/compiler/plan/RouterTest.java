package io.satc.compiler.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.ModelUnit;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Route choice and its tie-breaks: latency, then fewer hops, then node names. */
class RouterTest {

    private static PlacementProblem network(List<String> relays, List<Link> links) {
        List<ComputeNode> nodes = new java.util.ArrayList<>();
        nodes.add(new ComputeNode("a", NodeKind.SATELLITE, 1e12, 1e10));
        for (String r : relays) {
            nodes.add(new ComputeNode(r, NodeKind.SATELLITE, 0, 0));
        }
        nodes.add(new ComputeNode("b", NodeKind.GROUND, 0, Double.POSITIVE_INFINITY));
        return new PlacementProblem(
                "net",
                List.of(new ModelUnit("u", 1, 1, 1)),
                1,
                1,
                1,
                nodes,
                links,
                List.of(),
                "a",
                "b",
                0,
                OptionalInt.empty());
    }

    @Test
    void equalLatencyPrefersFewerHops() {
        // D = 1e6 bit. Direct: 1e6/1e9 + 0.003 = 0.004 s. Via c: 2 * (1e6/2e9 + 0.0015) = 0.004 s.
        PlacementProblem p = network(
                List.of("c"),
                List.of(
                        new Link("a", "b", 1e9, 0.003),
                        new Link("a", "c", 2e9, 0.0015),
                        new Link("c", "b", 2e9, 0.0015)));
        Route r = new Router(p).route("a", "b", 1e6).orElseThrow();
        assertEquals(List.of("a", "b"), r.nodes());
        assertEquals(0.004, r.latencySeconds(), 1e-15);
    }

    @Test
    void equalLatencyAndHopsPrefersSmallerNames() {
        // Two identical two-hop routes via y and via x; y is declared first, x wins by name.
        PlacementProblem p = network(
                List.of("y", "x"),
                List.of(
                        new Link("a", "y", 1e9, 0.001),
                        new Link("y", "b", 1e9, 0.001),
                        new Link("a", "x", 1e9, 0.001),
                        new Link("x", "b", 1e9, 0.001)));
        assertEquals(
                List.of("a", "x", "b"),
                new Router(p).route("a", "b", 1e6).orElseThrow().nodes());
    }

    @Test
    void clearlyFasterRouteWinsOverFewerHops() {
        // Direct 0.004 s against 0.0039 s via c: the relative difference is far above 1e-9.
        PlacementProblem p = network(
                List.of("c"),
                List.of(
                        new Link("a", "b", 1e9, 0.003),
                        new Link("a", "c", 2e9, 0.0015),
                        new Link("c", "b", 2e9, 0.0014)));
        assertEquals(
                List.of("a", "c", "b"),
                new Router(p).route("a", "b", 1e6).orElseThrow().nodes());
    }

    @Test
    void routeDependsOnPayload() {
        // Via slow: 1 Mb/s but 1 ms; via fast: 10 Gb/s but 50 ms.
        PlacementProblem p = network(
                List.of("slow", "fast"),
                List.of(
                        new Link("a", "slow", 1e6, 0.0005),
                        new Link("slow", "b", 1e6, 0.0005),
                        new Link("a", "fast", 1e10, 0.025),
                        new Link("fast", "b", 1e10, 0.025)));
        Router router = new Router(p);
        // 1 kbit: slow costs 2 ms + 2 ms = 0.003 s, fast 0.05 s.
        assertEquals(
                List.of("a", "slow", "b"),
                router.route("a", "b", 1e3).orElseThrow().nodes());
        // 1 Mbit: slow costs 2 s, fast 0.0502 s.
        Route big = router.route("a", "b", 1e6).orElseThrow();
        assertEquals(List.of("a", "fast", "b"), big.nodes());
        assertEquals(1e-4, big.maxServiceSeconds(), 1e-18);
        assertEquals(2, big.hopCount());
    }

    @Test
    void selfRouteHasNoHopsAndMissingRouteIsEmpty() {
        PlacementProblem p = network(List.of("c"), List.of(new Link("a", "c", 1e9, 0.001)));
        Router router = new Router(p);
        Route self = router.route("a", "a", 1e6).orElseThrow();
        assertEquals(0, self.hopCount());
        assertEquals(0.0, self.latencySeconds());
        assertTrue(router.route("a", "b", 1e6).isEmpty());
        assertTrue(router.route("c", "a", 1e6).isEmpty(), "links are directed");
    }
}
