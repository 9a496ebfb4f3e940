package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.satc.compiler.sema.AnalyzedMission.GroundFacts;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** One ground station's attributes. */
class GroundCheckerTest {

    private static GroundFacts check(Checking c) {
        return new GroundChecker(c.ctx(), false).check(c.block("ground").name().orElseThrow(), c.block("ground"));
    }

    @Test
    void computeMemoryAndCoordinates() {
        Checking c = Checking.of("""
                mission m {
                  ground gs { compute = 50 TFLOPS; memory = 64 GB; latitude = 49.9 deg; longitude = 8.6 deg }
                }
                """);
        assertEquals(new GroundFacts("gs", OptionalDouble.of(50e12), OptionalDouble.of(64e9)), check(c));
        assertEquals(List.of(), c.reported());
    }

    @Test
    void aStationNeedsNoComputeButItsValuesAreChecked() {
        Checking c = Checking.of("""
                mission m {
                  ground gs { compute = 0 TFLOPS; latitude = 49.9; power = 1 W }
                }
                """);
        assertEquals(new GroundFacts("gs", OptionalDouble.empty(), OptionalDouble.empty()), check(c));
        assertEquals(
                List.of(
                        "SATC3004 2:25 `compute` must be positive, found `0 TFLOPS`.",
                        "SATC3001 2:46 `latitude` expects an angle such as `53 deg`; `49.9` has no unit."
                                + " | Add a unit: `deg` or `rad`.",
                        "SATC2005 2:52 Unknown attribute `power` in ground station `gs`."
                                + " | Attributes of ground station `gs`: `compute`, `memory`, `latitude`, `longitude`, `altitude`,"
                                + " `min_elevation` or `downlink`."),
                c.reported());
    }
}
