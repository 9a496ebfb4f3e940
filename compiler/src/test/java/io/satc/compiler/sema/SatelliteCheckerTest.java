package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.satc.compiler.sema.AnalyzedMission.SatelliteFacts;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** One satellite's attributes. */
class SatelliteCheckerTest {

    private static SatelliteFacts check(Checking c) {
        return new SatelliteChecker(c.ctx(), false)
                .check(c.block("satellite").name().orElseThrow(), c.block("satellite"));
    }

    @Test
    void computeAndMemoryInBaseUnits() {
        Checking c = Checking.of("""
                mission m {
                  satellite leo-1 { compute = 2 TFLOPS; memory = 8 GB; power = 50 W; altitude = 550 km; inclination = 53 deg }
                }
                """);
        assertEquals(new SatelliteFacts("leo-1", OptionalDouble.of(2e12), OptionalDouble.of(8e9)), check(c));
        assertEquals(List.of(), c.reported());
    }

    @Test
    void aRelayHasNeitherComputeNorMemory() {
        Checking c = Checking.of("mission m {\n  satellite relay {}\n}\n");
        SatelliteFacts relay = check(c);
        assertFalse(relay.computes());
        assertEquals(OptionalDouble.empty(), relay.memoryBytes());
        assertEquals(List.of(), c.reported());
    }

    @Test
    void computeNeedsMemoryUnlessMemoryIsMisspelt() {
        Checking c = Checking.of("mission m {\n  satellite leo-1 { compute = 2 TFLOPS }\n}\n");
        check(c);
        assertEquals(
                List.of("SATC2007 2:13 Satellite `leo-1` has `compute` but no `memory`."
                        + " | Add e.g. `memory = 8 GB`; the planner needs it to place model units."),
                c.reported());

        Checking typo = Checking.of("mission m {\n  satellite leo-1 { compute = 2 TFLOPS; memroy = 8 GB }\n}\n");
        check(typo);
        assertEquals(
                List.of("SATC2005"),
                typo.reported().stream().map(s -> s.substring(0, 8)).toList());
    }

    @Test
    void everyValueIsChecked() {
        Checking c = Checking.of("""
                mission m {
                  satellite leo-1 { memory = 8 Gbps; power = 0 W; altitude = -1 km; inclination = 53 km }
                }
                """);
        assertEquals(new SatelliteFacts("leo-1", OptionalDouble.empty(), OptionalDouble.empty()), check(c));
        assertEquals(
                List.of(
                        "SATC3003 2:30 `memory` expects data, found a rate (`Gbps`). | Use a data unit: `bit`, `kbit`, `Mbit`, `Gbit`, `B`,"
                                + " `kB`, `MB`, `GB`, `TB`, `KiB`, `MiB`, `GiB` or `TiB`.",
                        "SATC3004 2:46 `power` must be positive, found `0 W`.",
                        "SATC3004 2:62 `altitude` must not be negative, found `-1 km`.",
                        "SATC3003 2:83 `inclination` expects an angle, found a length (`km`)."
                                + " | Use an angle unit: `deg` or `rad`."),
                c.reported());
    }
}
