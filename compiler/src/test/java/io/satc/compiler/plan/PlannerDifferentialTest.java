package io.satc.compiler.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.LongRange;

/** The A* search against the exhaustive enumerator on random small problems. */
class PlannerDifferentialTest {

    @Property(tries = 600, seed = "20261130", shrinking = ShrinkingMode.OFF)
    void searchMatchesExhaustiveOptimum(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed) {
        compare(seed, RandomProblems.generate(seed));
    }

    /** Problems whose optima need several stages (up to 5 here), so deep prefixes get compared too. */
    @Property(tries = 200, seed = "31337", shrinking = ShrinkingMode.OFF)
    void searchMatchesExhaustiveOptimumOnDeepPipelines(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed) {
        compare(seed, RandomProblems.generate(seed, true));
    }

    private static void compare(long seed, PlacementProblem problem) {
        Optional<Evaluation> expected = ExhaustiveEnumerator.optimum(problem);
        compare(seed, problem, expected, Planner.plan(problem));
        // The same search with the completion-frontier bound built after the first expansion
        // (the default waits for a few thousand labels, which these small problems rarely reach).
        compare(seed, problem, expected, Planner.plan(problem, SearchOptions.EXACT, 0));
    }

    private static void compare(
            long seed, PlacementProblem problem, Optional<Evaluation> expected, SearchResult result) {
        assertEquals(
                expected.isPresent(),
                result instanceof SearchResult.Found,
                () -> "feasibility differs for seed " + seed + ": exhaustive " + expected + ", search " + result);
        if (result instanceof SearchResult.Found found) {
            Evaluation got = Evaluator.evaluate(problem, found.plan());
            Evaluation want = expected.orElseThrow();
            assertTrue(got.feasible(), () -> "search returned an infeasible plan " + got.violations());
            assertTrue(
                    PlanRanking.tied(got.latencySeconds(), want.latencySeconds()),
                    () -> "seed " + seed + ": search T=" + got.latencySeconds() + " " + found.plan() + ", exhaustive T="
                            + want.latencySeconds() + " " + want.plan());
            // The tie-breaks are exact too: the very same plan.
            assertEquals(want.plan(), found.plan(), () -> "seed " + seed + ": tie-break differs");
            assertEquals(0.0, found.stats().gap());
        } else if (result instanceof SearchResult.Infeasible infeasible) {
            assertTrue(!infeasible.reasons().isEmpty(), "an infeasible result names a reason");
        }
    }

    @Property(tries = 200, seed = "77", shrinking = ShrinkingMode.OFF)
    void everyPlanSatisfiesTheConstraints(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed) {
        PlacementProblem problem = RandomProblems.generate(seed);
        if (Planner.plan(problem) instanceof SearchResult.Found found) {
            Evaluation e = Evaluator.evaluate(problem, found.plan());
            for (StageMemory m : e.memory()) {
                assertTrue(m.requiredBytes() <= m.availableBytes(), () -> "memory of " + m);
            }
            assertTrue(e.accuracyLoss() <= problem.maxLoss(), "accuracy budget");
            Set<String> nodes = new HashSet<>();
            List<StageAssignment> stages = found.plan().stages();
            for (int k = 0; k < stages.size(); k++) {
                ComputeNode node = problem.node(stages.get(k).node()).orElseThrow();
                assertTrue(nodes.add(node.name()), "distinct stage nodes");
                assertTrue(node.hasCompute(), "stage on a node with compute");
                assertTrue(
                        k == stages.size() - 1 || node.kind() == NodeKind.SATELLITE, "only the last stage on ground");
            }
            problem.maxStages().ifPresent(limit -> assertTrue(stages.size() <= limit, "max stages"));
        }
    }
}
