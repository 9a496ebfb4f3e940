package io.satc.compiler.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.lower.CodecOption;
import io.satc.compiler.lower.PlacementProblem;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The baselines of cost model §5. */
class BaselinesTest {

    @Property(tries = 150, seed = "5", shrinking = ShrinkingMode.OFF)
    void optimumIsNeverWorseThanAFeasibleBaseline(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed) {
        PlacementProblem problem = RandomProblems.generate(seed);
        SearchResult optimum = Planner.plan(problem);
        List<BaselineResult> baselines = Baselines.compute(problem, optimum);
        assertEquals(5 + problem.codecs().size() - 1, baselines.size(), "every baseline is reported");
        for (BaselineResult b : baselines) {
            assertEquals(b.feasible(), b.reasons().isEmpty(), () -> b.name() + " has reasons iff infeasible");
            if (b.feasible()) {
                SearchResult.Found found = (SearchResult.Found) optimum;
                double t = Evaluator.evaluate(problem, found.plan()).latencySeconds();
                assertTrue(
                        t <= b.latencySeconds() || PlanRanking.tied(t, b.latencySeconds()),
                        () -> "seed " + seed + ": " + b.name() + " beats the optimum");
            }
        }
        if (optimum instanceof SearchResult.Found) {
            // no-compression and fixed-<codec> searches match the exhaustive optimum under the same restriction.
            BaselineResult none = baselines.get(4);
            var expected = ExhaustiveEnumerator.optimum(problem, List.of(CodecOption.NONE));
            assertEquals(expected.isPresent(), none.feasible());
            expected.ifPresent(e -> assertTrue(PlanRanking.tied(e.latencySeconds(), none.latencySeconds())));
        }
    }

    /** Under cost model 2 the baselines are plans over the horizon, and none beats the optimum there. */
    @Property(tries = 80, seed = "6", shrinking = ShrinkingMode.OFF)
    void horizonOptimumIsNeverWorseThanAFeasibleBaseline(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed) {
        PlacementProblem problem = RandomSchedules.generate(seed, false);
        SearchResult optimum = Planner.plan(problem);
        List<BaselineResult> baselines = Baselines.compute(problem, optimum);
        assertEquals(5 + problem.codecs().size() - 1, baselines.size(), "every baseline is reported");
        HorizonEvaluator horizon = new HorizonEvaluator(problem);
        for (BaselineResult b : baselines) {
            assertEquals(b.feasible(), b.reasons().isEmpty(), () -> b.name() + " has reasons iff infeasible");
            b.evaluation()
                    .ifPresent(e -> assertEquals(
                            horizon.evaluate(e.plan()).latencySeconds(),
                            b.latencySeconds(),
                            () -> b.name() + ": T over the horizon"));
            if (b.feasible()) {
                double t =
                        ((SearchResult.Found) optimum).horizon().orElseThrow().latencySeconds();
                assertTrue(
                        t <= b.latencySeconds() || PlanRanking.tied(t, b.latencySeconds()),
                        () -> "seed " + seed + ": " + b.name() + " beats the optimum");
            }
        }
        if (optimum instanceof SearchResult.Found) {
            BaselineResult none = baselines.get(4);
            var expected = ExhaustiveEnumerator.horizonOptimum(problem, List.of(CodecOption.NONE));
            assertEquals(expected.isPresent(), none.feasible(), "seed " + seed);
            expected.ifPresent(
                    e -> assertEquals(e.plan(), none.evaluation().orElseThrow().plan(), "seed " + seed));
        }
    }

    @Test
    void uniformGivesEarlierStagesTheExtraUnits() {
        assertEquals(List.of(4, 3, 3), Baselines.uniformCounts(10, 3));
        assertEquals(List.of(2, 2), Baselines.uniformCounts(4, 2));
    }

    @Test
    void proportionalUsesLargestRemainder() {
        // Quotas 10 * (1, 2, 2) / 5 = 2, 4, 4.
        assertEquals(List.of(2, 4, 4), Baselines.proportionalCounts(10, List.of(1.0, 2.0, 2.0)));
        // Quotas 7 * (1, 1, 1) / 3 = 2.33 each: the first stage takes the extra unit.
        assertEquals(List.of(3, 2, 2), Baselines.proportionalCounts(7, List.of(1.0, 1.0, 1.0)));
        // Quotas 5 * (5.3, 10.6, 21.2) / 37.1 = 0.714, 1.429, 2.857: remainders .714, .429, .857.
        assertEquals(List.of(1, 1, 3), Baselines.proportionalCounts(5, List.of(5.3, 10.6, 21.2)));
    }

    @Test
    void infeasibleBaselinesKeepTheirReason() {
        // The hand example: the sink has no compute and s1 alone lacks nothing, so ground-only breaks.
        PlacementProblem p = EvaluatorTest.problem(4e9, 0.01);
        List<BaselineResult> all = Baselines.compute(p);
        BaselineResult ground = all.get(0);
        assertEquals("ground-only", ground.name());
        assertFalse(ground.feasible());
        assertTrue(
                ground.reasons().get(0).contains("no compute"), ground.reasons().toString());
        assertEquals(
                List.of("ground-only", "single-satellite", "uniform", "proportional", "no-compression", "fixed-q"),
                all.stream().map(BaselineResult::name).toList());
    }
}
