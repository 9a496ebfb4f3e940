package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What the planner optimises, and its stage bound. */
class ObjectiveCheckerTest {

    @Test
    void latencyWithoutABoundByDefault() {
        Checking c = Checking.of("mission m {}\n");
        ObjectiveChecker objectives = new ObjectiveChecker(c.ctx());
        assertEquals("latency", objectives.objective(c.declarations().attribute("objective")));
        assertEquals(OptionalInt.empty(), objectives.maxStages(c.declarations().attribute("max_stages")));
    }

    @Test
    void givenValuesAreRead() {
        Checking c = Checking.of("mission m {\n  objective = latency\n  max_stages = 3\n}\n");
        ObjectiveChecker objectives = new ObjectiveChecker(c.ctx());
        assertEquals("latency", objectives.objective(c.declarations().attribute("objective")));
        assertEquals(OptionalInt.of(3), objectives.maxStages(c.declarations().attribute("max_stages")));
        assertEquals(List.of(), c.reported());
    }

    @Test
    void badValuesAreReported() {
        Checking c = Checking.of("mission m {\n  objective = energy\n  max_stages = 0\n}\n");
        ObjectiveChecker objectives = new ObjectiveChecker(c.ctx());
        assertEquals("latency", objectives.objective(c.declarations().attribute("objective")));
        assertEquals(OptionalInt.empty(), objectives.maxStages(c.declarations().attribute("max_stages")));
        assertEquals(
                List.of(
                        "SATC2020 2:15 `objective` must be `latency`, found `energy`."
                                + " | `latency` is the only choice in this version of satc.",
                        "SATC3004 3:16 `max_stages` must be positive, found `0`."),
                c.reported());
    }
}
