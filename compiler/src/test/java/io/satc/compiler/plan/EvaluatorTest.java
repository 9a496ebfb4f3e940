package io.satc.compiler.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.lower.CodecOption;
import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.ModelUnit;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The evaluator against a plan whose every number is worked out by hand below. */
class EvaluatorTest {

    /*
     * Units: u0 (W 1e9, F 1e10, A 1e6), u1 (W 2e9, F 2e10, A 5e5), u2 (W 1e9, F 1e10, A 1e3).
     * I = 2e6 bytes, B = 4, M = 2, so b = 2.
     * Nodes: s1 source (1e13 FLOP/s, 8e9 B), s2 (2e13 FLOP/s, memory given per test), relay r, sink g.
     * Links: s1->s2 1 Gb/s 10 ms, s2->r 2 Gb/s 5 ms, r->g 1 Gb/s 2 ms.
     * Codec q: ratio 2 / 4, loss 0.002 / 0.003 at cuts 0 / 1, 1e9 B/s.
     */
    static PlacementProblem problem(double s2Memory, double budget) {
        List<ModelUnit> units = List.of(
                new ModelUnit("u0", 1e9, 1e10, 1e6),
                new ModelUnit("u1", 2e9, 2e10, 5e5),
                new ModelUnit("u2", 1e9, 1e10, 1e3));
        List<ComputeNode> nodes = List.of(
                new ComputeNode("s1", NodeKind.SATELLITE, 1e13, 8e9),
                new ComputeNode("s2", NodeKind.SATELLITE, 2e13, s2Memory),
                new ComputeNode("r", NodeKind.SATELLITE, 0, 1e9),
                new ComputeNode("g", NodeKind.GROUND, 0, Double.POSITIVE_INFINITY));
        List<Link> links = List.of(
                new Link("s1", "s2", 1e9, 0.010), new Link("s2", "r", 2e9, 0.005), new Link("r", "g", 1e9, 0.002));
        List<CodecOption> codecs = List.of(new CodecOption("q", List.of(2.0, 4.0), List.of(0.002, 0.003), 1e9));
        return new PlacementProblem(
                "hand", units, 2e6, 4, 2, nodes, links, codecs, "s1", "g", budget, OptionalInt.empty());
    }

    static final Plan PLAN =
            new Plan(List.of(new StageAssignment("s1", 0), new StageAssignment("s2", 2)), List.of("q"));

    @Test
    void handComputedExample() {
        Evaluation e = Evaluator.evaluate(problem(4e9, 0.01), PLAN);
        // Input s1 -> s1: no hops.
        // Stage 1 on s1: compute 2*1e10/1e13 = 2e-3 s; encode 2*1e6/1e9 = 2e-3 s; tau = 4e-3 s.
        // Cut: D = 8*2*1e6/2 = 8e6 bit; hop s1->s2: tau 8e6/1e9 = 8e-3 s, P = 0.010 s.
        // Stage 2 on s2: compute 2*(2e10+1e10)/2e13 = 3e-3 s; decode 2e-3 s; tau = 5e-3 s.
        // Output: D = 8*2*1e3 = 16000 bit; s2->r tau 8e-6 P 0.005; r->g tau 1.6e-5 P 0.002.
        // Sum = 0.004 + 0.018 + 0.005 + 0.005008 + 0.002016 = 0.034024; max tau = 0.008.
        // T = 0.034024 + (2 - 1) * 0.008 = 0.042024 s.
        assertEquals(0.034024, e.serviceAndDelaySeconds(), 1e-15);
        assertEquals(0.008, e.bottleneckSeconds(), 1e-15);
        assertEquals(0.042024, e.latencySeconds(), 1e-15);
        assertEquals(5, e.resources().size());
        Resource.StageWork first = (Resource.StageWork) e.resources().get(0);
        assertEquals(2e-3, first.computeSeconds(), 1e-18);
        assertEquals(2e-3, first.codingSeconds(), 1e-18);
        Resource.Hop cut = (Resource.Hop) e.resources().get(1);
        assertEquals("s1", cut.from());
        assertEquals(8e6, cut.bits());
        assertEquals("r", ((Resource.Hop) e.resources().get(3)).to());
        // Memory: stage 1 = 1e9 + 2*2*max(2e6, 1e6) = 1.008e9; stage 2 = 3e9 + 2*2*max(1e6, 5e5) = 3.004e9.
        assertEquals(1.008e9, e.memory().get(0).requiredBytes(), 1e-3);
        assertEquals(3.004e9, e.memory().get(1).requiredBytes(), 1e-3);
        // Loss 0.002; V = 4 * (1 hop * 5e5 + 2 hops * 1e3) = 2.008e6 bytes; ratio 1e6 / 5e5 = 2.
        assertEquals(0.002, e.accuracyLoss(), 1e-15);
        assertEquals(2.008e6, e.commBytes(), 1e-6);
        assertEquals(2.0, e.compressionRatio(), 1e-12);
        assertTrue(e.feasible());
    }

    @Test
    void reportsMemoryAndAccuracyViolationsWithAmounts() {
        Evaluation e = Evaluator.evaluate(problem(3e9, 0.001), PLAN);
        assertFalse(e.feasible());
        Violation memory = e.violations().stream()
                .filter(v -> v.kind() == Violation.Kind.MEMORY)
                .findFirst()
                .orElseThrow();
        assertEquals(4e6, memory.amount(), 1e-3);
        assertTrue(memory.message().contains("`s2`"), memory.message());
        Violation accuracy = e.violations().stream()
                .filter(v -> v.kind() == Violation.Kind.ACCURACY)
                .findFirst()
                .orElseThrow();
        assertEquals(0.001, accuracy.amount(), 1e-15);
        assertEquals("The codecs lose 0.20 % accuracy; the budget is 0.10 %.", accuracy.message());
    }

    @Test
    void reportsStructuralViolations() {
        PlacementProblem p = problem(4e9, 0.01);
        Evaluation relay = Evaluator.evaluate(p, new Plan(List.of(new StageAssignment("r", 2)), List.of()));
        assertTrue(relay.violations().stream().anyMatch(v -> v.kind() == Violation.Kind.NO_COMPUTE));
        Evaluation twice = Evaluator.evaluate(
                p, new Plan(List.of(new StageAssignment("s1", 0), new StageAssignment("s1", 2)), List.of("none")));
        assertTrue(twice.violations().stream().anyMatch(v -> v.kind() == Violation.Kind.REPEATED_NODE));
        // s2 cannot send back to s1: no link, so the output of the first stage has no route.
        Evaluation backwards = Evaluator.evaluate(
                p, new Plan(List.of(new StageAssignment("s2", 0), new StageAssignment("s1", 2)), List.of("none")));
        assertTrue(backwards.violations().stream().anyMatch(v -> v.kind() == Violation.Kind.UNREACHABLE));
        assertEquals(Double.POSITIVE_INFINITY, backwards.latencySeconds());
        Evaluation tooMany = Evaluator.evaluate(p.withMaxStages(OptionalInt.of(1)), PLAN);
        assertTrue(tooMany.violations().stream().anyMatch(v -> v.kind() == Violation.Kind.MAX_STAGES));
    }

    @Test
    void rejectsPlansThatDoNotCoverTheModel() {
        PlacementProblem p = problem(4e9, 0.01);
        assertThrows(
                IllegalArgumentException.class,
                () -> Evaluator.evaluate(p, new Plan(List.of(new StageAssignment("s1", 1)), List.of())));
        assertThrows(
                IllegalArgumentException.class,
                () -> Evaluator.evaluate(
                        p,
                        new Plan(List.of(new StageAssignment("s1", 0), new StageAssignment("s2", 2)), List.of("zip"))));
    }
}
