package io.satc.compiler.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.LinkSchedule;
import io.satc.compiler.lower.ModelUnit;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.lower.TimeWindow;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.LongRange;

/**
 * Cost model 2's A* against an exhaustive enumerator on random small moving constellations
 * ({@link RandomSchedules}): the very same plan, tie-breaks included, with the frontier bound
 * built at the default trigger and after the first expansion; every plan's windows re-checked by
 * {@link HorizonCheck}, which is written from the spec; and a single window whose links are the
 * static ones gives cost model 1's plan exactly.
 */
class HorizonDifferentialTest {

    @Property(tries = 300, seed = "20261204", shrinking = ShrinkingMode.OFF)
    void searchMatchesExhaustiveOptimum(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed) {
        compare(seed, RandomSchedules.generate(seed, false));
    }

    @Property(tries = 120, seed = "4711", shrinking = ShrinkingMode.OFF)
    void searchMatchesExhaustiveOptimumOnDeepPipelines(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed) {
        compare(seed, RandomSchedules.generate(seed, true));
    }

    private static void compare(long seed, PlacementProblem problem) {
        Optional<HorizonEvaluation> expected = ExhaustiveEnumerator.horizonOptimum(problem);
        expected.ifPresent(e -> assertEquals(List.of(), HorizonCheck.differences(problem, e), "seed " + seed));
        compare(seed, problem, expected, Planner.plan(problem));
        compare(seed, problem, expected, Planner.plan(problem, SearchOptions.EXACT, 0));
        // Without the heuristic (and so without the node filter) the search is exact too.
        compare(seed, problem, expected, Planner.plan(problem, SearchOptions.EXACT.withoutHeuristic()));
        // Stopped early, the reported gap bounds the optimum from below.
        if (Planner.plan(problem, SearchOptions.EXACT.bounded(2)) instanceof SearchResult.Found early) {
            HorizonEvaluation e = early.horizon().orElseThrow();
            double lower = e.latencySeconds() * (1 - early.stats().gap());
            double best = expected.orElseThrow().latencySeconds();
            assertTrue(
                    lower <= best * (1 + 1e-9),
                    () -> "seed " + seed + ": bounded search claims " + lower + " > " + best);
        }
    }

    private static void compare(
            long seed, PlacementProblem problem, Optional<HorizonEvaluation> expected, SearchResult result) {
        assertEquals(
                expected.isPresent(),
                result instanceof SearchResult.Found,
                () -> "feasibility differs for seed " + seed + ": exhaustive " + expected.map(HorizonEvaluation::plan)
                        + ", search " + result);
        if (result instanceof SearchResult.Found found) {
            HorizonEvaluation got = HorizonEvaluator.evaluate(problem, found.plan());
            HorizonEvaluation want = expected.orElseThrow();
            assertTrue(got.feasible(), () -> "search returned an infeasible plan " + got.violations());
            assertEquals(List.of(), HorizonCheck.differences(problem, got), "seed " + seed);
            assertTrue(
                    PlanRanking.tied(got.latencySeconds(), want.latencySeconds()),
                    () -> "seed " + seed + ": search T=" + got.latencySeconds() + " " + found.plan() + ", exhaustive T="
                            + want.latencySeconds() + " " + want.plan());
            assertEquals(want.plan(), found.plan(), () -> "seed " + seed + ": tie-break differs");
            assertEquals(0.0, found.stats().gap());
        } else if (result instanceof SearchResult.Infeasible infeasible) {
            assertTrue(!infeasible.reasons().isEmpty(), "an infeasible result names a reason");
        }
    }

    /**
     * Two prefixes over the same nodes in another order meet at one state: {@code p, q, x} is faster in
     * window 1 but dark in window 2 (no link p -> q there), {@code q, p, x} is lit in both. The only
     * completion, to {@code y}, exists in window 2 alone (x reaches the sink in window 1 too, so
     * bounds cannot tell), and only the second prefix completes to a lit plan: a label must never
     * dominate one with other dark windows.
     */
    @org.junit.jupiter.api.Test
    void labelsWithOtherDarkWindowsDoNotDominate() {
        List<ComputeNode> nodes = new java.util.ArrayList<>();
        nodes.add(new ComputeNode("s", NodeKind.SATELLITE, 0, 0));
        for (String name : List.of("p", "q", "x", "y")) {
            nodes.add(new ComputeNode(name, NodeKind.SATELLITE, 1e12, 4e9));
        }
        nodes.add(new ComputeNode("g", NodeKind.GROUND, 0, Double.POSITIVE_INFINITY));
        List<ModelUnit> units = new java.util.ArrayList<>();
        for (int u = 0; u < 4; u++) {
            units.add(new ModelUnit("u" + u, 3e9, 1e10, 1e6));
        }
        List<Link> always = new java.util.ArrayList<>();
        for (String[] l : new String[][] {{"s", "p"}, {"s", "q"}, {"q", "p"}, {"p", "x"}, {"q", "x"}, {"y", "g"}}) {
            always.add(new Link(l[0], l[1], 1e9, 0.001));
        }
        PlacementProblem problem = new PlacementProblem(
                "dark-dominance",
                units,
                1e6,
                1,
                1,
                nodes,
                always,
                List.of(),
                "s",
                "g",
                0.0,
                java.util.OptionalInt.empty(),
                Optional.of(new LinkSchedule(
                        "2026-12-04T00:00:00Z",
                        20.0,
                        List.of(
                                new TimeWindow(
                                        0.0,
                                        10.0,
                                        List.of(new Link("p", "q", 1e9, 0.001), new Link("x", "g", 1e9, 0.001))),
                                new TimeWindow(10.0, 20.0, List.of(new Link("x", "y", 1e9, 0.001)))))));
        HorizonEvaluation want = ExhaustiveEnumerator.horizonOptimum(problem).orElseThrow();
        assertEquals(
                "q[0..0] -none-> p[1..1] -none-> x[2..2] -none-> y[3..3]",
                want.plan().toString());
        compare(0, problem, Optional.of(want), Planner.plan(problem));
        compare(0, problem, Optional.of(want), Planner.plan(problem, SearchOptions.EXACT, 0));
        // The search finds it through its dives too, so check the two labels themselves.
        HorizonSpace space = new HorizonSpace(problem, SearchOptions.EXACT);
        SearchSpace.Label a = reach(space, "p[0..0] -none-> q[1..1] -none-> x[2..2]");
        SearchSpace.Label b = reach(space, "q[0..0] -none-> p[1..1] -none-> x[2..2]");
        assertEquals(space.stateKey(a), space.stateKey(b));
        assertTrue(!space.dominates(a, b) && !space.dominates(b, a), "labels with other dark windows");
    }

    /** The label of a prefix, reached through the successors (whatever their bounds). */
    private static SearchSpace.Label reach(PlanSpace space, String prefix) {
        SearchSpace.Label at = space.start();
        while (at.stages == 0 || !space.plan(at).toString().equals(prefix)) {
            SearchSpace.Label next = null;
            for (SearchSpace.Label s : space.successors(at, Double.POSITIVE_INFINITY, l -> true)) {
                if (prefix.startsWith(space.plan(s).toString())) {
                    next = s;
                }
            }
            at = java.util.Objects.requireNonNull(next, prefix);
        }
        return at;
    }

    /** One window whose links are the static ones: cost model 2 is cost model 1, to the bit. */
    @Property(tries = 300, seed = "1", shrinking = ShrinkingMode.OFF)
    void oneWindowIsCostModelOne(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed) {
        PlacementProblem static1 = RandomProblems.generate(seed, seed % 3 == 0);
        PlacementProblem windowed = HorizonCheck.staticProblem(static1, List.of())
                .withSchedule(Optional.of(new LinkSchedule(
                        "2026-12-04T00:00:00Z", 60.0, List.of(new TimeWindow(0.0, 60.0, static1.links())))));
        SearchResult one = Planner.plan(static1);
        SearchResult two = Planner.plan(windowed);
        assertEquals(one instanceof SearchResult.Found, two instanceof SearchResult.Found, "seed " + seed);
        if (one instanceof SearchResult.Found f1 && two instanceof SearchResult.Found f2) {
            assertEquals(f1.plan(), f2.plan(), "seed " + seed);
            Evaluation e1 = Evaluator.evaluate(static1, f1.plan());
            HorizonEvaluation e2 = HorizonEvaluator.evaluate(windowed, f2.plan());
            assertEquals(e1.latencySeconds(), e2.latencySeconds(), "seed " + seed);
            assertEquals(e1.latencySeconds(), e2.meanLatencySeconds(), "seed " + seed);
            assertEquals(e1.commBytes(), e2.worst().commBytes(), "seed " + seed);
            assertEquals(e1.resources(), e2.worst().resources(), "seed " + seed);
            assertEquals(1.0, e2.coverage());
        }
    }
}
