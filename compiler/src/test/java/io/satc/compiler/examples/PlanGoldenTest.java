package io.satc.compiler.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.cli.CheckCommand;
import io.satc.compiler.codegen.MissionPlanning;
import io.satc.compiler.codegen.PlanJson;
import io.satc.compiler.codegen.PlanOutcome;
import io.satc.compiler.codegen.PlanText;
import io.satc.compiler.lower.Lowerer;
import io.satc.compiler.lower.Lowering;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.plan.Evaluation;
import io.satc.compiler.plan.Evaluator;
import io.satc.compiler.sema.AnalyzedMission;
import io.satc.compiler.testing.Golden;
import io.satc.compiler.testing.RepoPaths;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code satc plan} on every valid example: the text summary and the JSON document are golden
 * ({@code expected/NAME.sat.plan.txt}, {@code NAME.sat.plan.json}, with the wall-clock {@code time_ms}
 * masked), two runs give the same bytes, and the plan re-evaluated by the reference evaluator
 * satisfies every constraint and matches the reported objective.
 */
class PlanGoldenTest {

    static String maskTime(String json) {
        return json.replaceAll("\"time_ms\" : \\d+", "\"time_ms\" : 0");
    }

    @TestFactory
    Stream<DynamicTest> eachExamplePlans() {
        return ValidExamplesTest.validExamples().stream()
                .map(p -> DynamicTest.dynamicTest(RepoPaths.relative(p), () -> check(p)));
    }

    private static void check(Path p) {
        AnalyzedMission mission = CheckCommand.check(p, RepoPaths.relative(p))
                .analysis()
                .mission()
                .orElseThrow();
        MissionPlanning.Result result = MissionPlanning.plan(mission);
        assertTrue(result instanceof MissionPlanning.Planned, () -> "not plannable: " + result);
        PlanOutcome outcome = ((MissionPlanning.Planned) result).outcome();
        String text = PlanText.render(outcome, true);
        String json = maskTime(PlanJson.render(outcome));

        PlanOutcome again = ((MissionPlanning.Planned) MissionPlanning.plan(mission)).outcome();
        assertEquals(text, PlanText.render(again, true), "plan text differs between two runs");
        assertEquals(json, maskTime(PlanJson.render(again)), "plan JSON differs between two runs");

        outcome.evaluation().ifPresent(e -> {
            PlacementProblem problem = ((Lowering.Lowered) Lowerer.lower(mission)).problem();
            Evaluation independent = Evaluator.evaluate(problem, e.plan());
            assertTrue(independent.feasible(), () -> "returned plan violates " + independent.violations());
            assertEquals(e.latencySeconds(), independent.latencySeconds(), 1e-12 * e.latencySeconds());
            outcome.baselines().stream()
                    .filter(b -> b.feasible())
                    .forEach(b -> assertTrue(
                            e.latencySeconds() <= b.latencySeconds() * (1 + 1e-9),
                            () -> "worse than baseline " + b.name()));
        });
        java.util.Map<Path, String> goldens = new java.util.LinkedHashMap<>();
        goldens.put(RepoPaths.expectedFor(p, ".plan.txt"), text);
        goldens.put(RepoPaths.expectedFor(p, ".plan.json"), json);
        Golden.assertAll(goldens);
    }
}
