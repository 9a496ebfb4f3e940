package io.satc.compiler.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.lower.PlacementProblem;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.LongRange;

/**
 * The A* lower bound never exceeds the best completion of a label, found by brute force over
 * the same successor relation, on labels reached by random walks in random problems.
 */
class HeuristicAdmissibilityTest {

    @Property(tries = 400, seed = "4242", shrinking = ShrinkingMode.OFF)
    void boundNeverExceedsBestCompletion(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed) {
        walk(seed, RandomProblems.generate(seed));
    }

    @Property(tries = 100, seed = "2718", shrinking = ShrinkingMode.OFF)
    void boundNeverExceedsBestCompletionOnDeepPipelines(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed) {
        walk(seed, RandomProblems.generate(seed, true));
    }

    private static void walk(long seed, PlacementProblem problem) {
        SearchSpace space = new SearchSpace(new Topology(problem), SearchOptions.EXACT);
        Random walk = new Random(seed ^ 0x5DEECE66DL);
        SearchSpace.Label label = space.start();
        while (label != null) {
            double best = bestCompletion(space, label);
            double bound = label.f;
            if (best < Double.POSITIVE_INFINITY) {
                assertTrue(
                        bound <= best * (1 + 1e-12),
                        "seed " + seed + ": bound " + bound + " > best completion " + best + " at "
                                + (label.parent == null ? "start" : space.plan(label)));
            }
            List<SearchSpace.Label> next =
                    space.successors(label).stream().filter(l -> !l.goal).toList();
            label = next.isEmpty() ? null : next.get(walk.nextInt(next.size()));
        }
    }

    @Property(tries = 200, seed = "99", shrinking = ShrinkingMode.OFF)
    void completedLabelsMatchTheEvaluatorExactly(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed) {
        PlacementProblem problem = RandomProblems.generate(seed);
        SearchSpace space = new SearchSpace(new Topology(problem), SearchOptions.EXACT);
        Evaluator evaluator = new Evaluator(problem);
        Random walk = new Random(seed);
        SearchSpace.Label label = space.start();
        while (label != null && !label.goal) {
            List<SearchSpace.Label> next = space.successors(label);
            for (SearchSpace.Label g : next) {
                if (g.goal) {
                    Evaluation e = evaluator.evaluate(space.plan(g));
                    // Bit-for-bit: the search repeats the evaluator's arithmetic in the same order.
                    assertEquals(e.latencySeconds(), g.f, "latency of " + e.plan());
                    assertEquals(e.commBytes(), g.volume, "volume of " + e.plan());
                    assertEquals(e.accuracyLoss(), g.loss, "loss of " + e.plan());
                    assertTrue(
                            e.violations().stream().allMatch(v -> v.kind() == Violation.Kind.ACCURACY) || e.feasible(),
                            "search only builds plans that fit: " + e.violations());
                }
            }
            label = next.isEmpty() ? null : next.get(walk.nextInt(next.size()));
        }
    }

    /** Exact best latency over all completions, without any pruning. */
    private static double bestCompletion(SearchSpace space, SearchSpace.Label label) {
        if (label.goal) {
            return label.f;
        }
        double best = Double.POSITIVE_INFINITY;
        for (SearchSpace.Label s : space.successors(label)) {
            best = Math.min(best, bestCompletion(space, s));
        }
        return best;
    }
}
