package io.satc.compiler.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.satc.compiler.cli.CheckCommand;
import io.satc.compiler.lower.CodecOption;
import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.Lowerer;
import io.satc.compiler.lower.Lowering;
import io.satc.compiler.lower.ModelUnit;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.sema.AnalyzedMission;
import io.satc.compiler.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The test-only cost model: against numbers worked out by hand, and against the link-bound golden
 * plan, which it accepts as written and rejects after each small perturbation.
 */
class CostModelCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /*
     * Units: u0 (W 1e9, F 4e10, A 2e6), u1 (W 1e9, F 2e10, A 1e3); I = 1e6 B; B = 8, M = 4, so b = 2.
     * Nodes: source a (1e13 FLOP/s, 4e9 B), c (2e13 FLOP/s, 4e9 B), relay r, ground g (no compute).
     * Links: a->c 1 Gb/s with delay `direct`, a->r and r->c 2 Gb/s 4 ms, c->g 1 Gb/s 2 ms.
     * Codec q: ratio 4, loss 0.002, 1e9 B/s.
     */
    private static PlacementProblem hand(double direct) {
        return new PlacementProblem(
                "hand",
                List.of(new ModelUnit("u0", 1e9, 4e10, 2e6), new ModelUnit("u1", 1e9, 2e10, 1e3)),
                1e6,
                8,
                4,
                List.of(
                        new ComputeNode("a", NodeKind.SATELLITE, 1e13, 4e9),
                        new ComputeNode("c", NodeKind.SATELLITE, 2e13, 4e9),
                        new ComputeNode("r", NodeKind.SATELLITE, 0, 4e9),
                        new ComputeNode("g", NodeKind.GROUND, 0, Double.POSITIVE_INFINITY)),
                List.of(
                        new Link("a", "c", 1e9, direct),
                        new Link("a", "r", 2e9, 0.004),
                        new Link("r", "c", 2e9, 0.004),
                        new Link("c", "g", 1e9, 0.002)),
                List.of(CodecOption.uniform("q", 1, 4.0, 0.002, 1e9)),
                "a",
                "g",
                0.01,
                OptionalInt.empty());
    }

    private static final CostModelCheck.Decision SPLIT =
            new CostModelCheck.Decision(List.of("a", "c"), List.of(0, 1), List.of("q"));

    @Test
    void handWorkedPlan() {
        // Stage 1 on a: compute 2*4e10/1e13 = 8e-3 s, encode 2*2e6/1e9 = 4e-3 s: τ = 0.012 s.
        // Cut: D = 8*2*2e6/4 = 8e6 bit. Direct a->c with delay 8 ms: 8e6/1e9 + 0.008 = 0.016 s;
        // a->r->c: 2 * (8e6/2e9 + 0.004) = 0.016 s, tied, so the route with fewer hops: a->c.
        // Stage 2 on c: compute 2*2e10/2e13 = 2e-3 s, decode 4e-3 s: τ = 0.006 s.
        // Output: D = 8*2*1e3 = 16000 bit, c->g: 1.6e-5 + 0.002 s.
        // Σ(τ+P) = 0.012 + 0.016 + 0.006 + 0.002016 = 0.036016; max τ = 0.012 (stage 1).
        // T = 0.036016 + 3 * 0.012 = 0.072016 s. V = 8 * (5e5 * 1 hop + 1e3 * 1 hop) = 4.008e6 B.
        // Memory of either stage: 1e9 + 2*2*2e6 = 1.008e9 B.
        CostModelCheck.Costing c = new CostModelCheck(hand(0.008)).cost(SPLIT);
        assertEquals(List.of(), c.violations());
        assertEquals(0.072016, c.latency(), 1e-15);
        assertEquals(0.012, c.bottleneck(), 1e-15);
        assertEquals(4.008e6, c.volume(), 1e-6);
        assertEquals(0.002, c.loss(), 0.0);
        assertEquals(4.0, c.compressionRatio(), 0.0);
        assertEquals(List.of("a", "c"), c.transfers().get(1).route());
        assertEquals(1.008e9, c.stages().get(0).memoryBytes(), 0.0);
        assertEquals(1.008e9, c.stages().get(1).memoryBytes(), 0.0);

        // With a slower direct link (delay 8.1 ms, 0.0161 s) the two hops win: τ = 0.004 s and
        // P = 0.004 s each, so Σ(τ+P) and T stay the same, but V counts the cut on two hops.
        CostModelCheck.Costing detour = new CostModelCheck(hand(0.0081)).cost(SPLIT);
        assertEquals(List.of("a", "r", "c"), detour.transfers().get(1).route());
        assertEquals(0.072016, detour.latency(), 1e-15);
        assertEquals(8 * (2 * 5e5 + 1e3), detour.volume(), 1e-6);
    }

    @Test
    void reportsWhatAPlanBreaks() {
        // c sends nothing back to a, r has no compute, a cannot run two stages.
        CostModelCheck check = new CostModelCheck(hand(0.008));
        CostModelCheck.Costing backwards =
                check.cost(new CostModelCheck.Decision(List.of("c", "a"), List.of(0, 1), List.of("q")));
        assertEquals(List.of("no route from c to a"), backwards.violations());
        assertEquals(Double.POSITIVE_INFINITY, backwards.latency());
        CostModelCheck.Costing relay =
                check.cost(new CostModelCheck.Decision(List.of("a", "r"), List.of(0, 1), List.of("q")));
        assertEquals(List.of("stage 2 is on a node without compute"), relay.violations());
        CostModelCheck.Costing twice =
                check.cost(new CostModelCheck.Decision(List.of("a", "a"), List.of(0, 1), List.of("q")));
        assertEquals(List.of("stage nodes repeat"), twice.violations());
    }

    /** The link-bound mission and its golden plan JSON. */
    private static PlacementProblem linkBound() {
        Path mission = RepoPaths.examples().resolve("link-bound.sat");
        AnalyzedMission analysed = CheckCommand.check(mission, RepoPaths.relative(mission))
                .analysis()
                .mission()
                .orElseThrow();
        return ((Lowering.Lowered) Lowerer.lower(analysed)).problem();
    }

    private static ObjectNode golden() throws Exception {
        Path file = RepoPaths.expectedFor(RepoPaths.examples().resolve("link-bound.sat"), ".plan.json");
        return (ObjectNode) JSON.readTree(Files.readString(file));
    }

    private static List<String> mismatchesAfter(Consumer<ObjectNode> change) throws Exception {
        ObjectNode plan = golden();
        change.accept(plan);
        return new CostModelCheck(linkBound()).mismatches(plan);
    }

    private static void assertCaught(String field, Consumer<ObjectNode> change) throws Exception {
        List<String> found = mismatchesAfter(change);
        assertTrue(found.stream().anyMatch(m -> m.contains(field)), () -> "not caught (" + field + "): " + found);
    }

    private static ObjectNode stage(ObjectNode plan, int k) {
        return (ObjectNode) plan.get("stages").get(k);
    }

    @Test
    void acceptsTheGoldenPlan() throws Exception {
        assertEquals(List.of(), mismatchesAfter(plan -> {}));
    }

    @Test
    void catchesAPerturbedObjective() throws Exception {
        ObjectNode original = golden();
        double latency = original.get("objective").get("latency_s").asDouble();
        double bytes = original.get("objective").get("comm_bytes").asDouble();
        double loss = original.get("objective").get("accuracy_loss").asDouble();
        assertCaught("latency_s", p -> ((ObjectNode) p.get("objective")).put("latency_s", latency * (1 + 1e-8)));
        assertCaught("comm_bytes", p -> ((ObjectNode) p.get("objective")).put("comm_bytes", bytes + 1));
        assertCaught("accuracy_loss", p -> ((ObjectNode) p.get("objective")).put("accuracy_loss", loss + 1e-6));
        assertCaught("memory_bytes", p -> stage(p, 1).put("memory_bytes", 4.4e7));
        assertCaught(
                "baseline uniform latency_s",
                p -> ((ObjectNode) p.get("baselines").get(2)).put("latency_s", 0.4038403706071612 * (1 + 1e-8)));
    }

    @Test
    void catchesAPerturbedPlan() throws Exception {
        // The cut one unit later, everything else as reported. Both nodes compute at 2 TFLOPS and
        // A_0 = A_1, so the latency stays the same: the stages' own figures give it away.
        assertCaught("stage 1 compute_s", p -> {
            stage(p, 0).put("last_unit", 1);
            stage(p, 1).put("first_unit", 2);
            ((ObjectNode) p.get("cuts").get(0)).put("after_unit", 1);
        });
        // The other codec on the cut.
        assertCaught("objective accuracy_loss", p -> ((ObjectNode) p.get("cuts").get(0)).put("codec", "none"));
        // A route through a node the cost model would not take.
        assertCaught("output_route", p -> {
            ArrayNode route = (ArrayNode) p.get("transfers").get("output_route");
            route.insert(1, "cam");
        });
        // The stages swapped: cam cannot hold units 1..13.
        assertCaught("reported feasible", p -> {
            stage(p, 0).put("node", "worker");
            stage(p, 1).put("node", "cam");
        });
    }
}
