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

    @Test
    void anOrbitCountsOnlyInAMissionThatMoves() {
        String text = """
                mission m {
                  satellite leo-1 { compute = 2 TFLOPS; memory = 8 GB; orbit = elements(altitude = 550 km, inclination = 53 deg, raan = -30 deg, anomaly = 400 deg) }
                }
                """;
        Checking moving = Checking.of(text);
        SatelliteFacts s = new SatelliteChecker(moving.ctx(), true)
                .check(moving.block("satellite").name().orElseThrow(), moving.block("satellite"));
        AnalyzedMission.CircularOrbit o =
                (AnalyzedMission.CircularOrbit) s.orbit().orElseThrow();
        assertEquals(550e3, o.altitudeMeters());
        assertEquals(Math.toRadians(330), o.raanRadians(), 1e-12);
        assertEquals(Math.toRadians(40), o.anomalyRadians(), 1e-12);
        assertEquals(List.of(), moving.reported());

        Checking still = Checking.of(text);
        assertEquals(java.util.Optional.empty(), check(still).orbit());
        assertEquals(
                List.of("SATC2025 2:56 The `orbit` of satellite `leo-1` has no effect: the mission has no `horizon`."
                        + " | Without a horizon the mission is a snapshot planned over its declared links; add `horizon {"
                        + " start = \"...\"; duration = ... }` to plan over the orbits."),
                still.reported());
    }

    @Test
    void anOrbitExcludesTheInformativeAltitude() {
        Checking c = Checking.of("""
                mission m {
                  satellite leo-1 { altitude = 550 km; orbit = elements(altitude = 550 km, inclination = 53 deg, period = 95 min) }
                }
                """);
        assertEquals(
                java.util.Optional.empty(),
                new SatelliteChecker(c.ctx(), true)
                        .check(c.block("satellite").name().orElseThrow(), c.block("satellite"))
                        .orbit());
        assertEquals(
                List.of(
                        "SATC2019 2:21 Satellite `leo-1` gives `altitude` beside its `orbit`. | Give the altitude inside"
                                + " `orbit = elements(...)` only.",
                        "SATC2026 2:98 `elements` has no parameter `period`. | `elements` takes `altitude`,"
                                + " `inclination`, `raan` or `anomaly`."),
                c.reported());
    }
}
