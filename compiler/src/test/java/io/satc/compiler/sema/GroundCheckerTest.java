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

    @Test
    void aStationOfAMissionThatMovesHasItsSiteMaskAndDownlink() {
        Checking c = Checking.of("""
                mission m {
                  ground gs { latitude = 47.6 deg; longitude = -122.3 deg; altitude = 50 m; min_elevation = 25 deg; downlink = 0.5 Gbps }
                }
                """);
        GroundFacts g =
                new GroundChecker(c.ctx(), true).check(c.block("ground").name().orElseThrow(), c.block("ground"));
        assertEquals(
                java.util.Optional.of(new AnalyzedMission.GroundSite(Math.toRadians(47.6), Math.toRadians(-122.3), 50)),
                g.site());
        assertEquals(Math.toRadians(25), g.minElevationRadians(), 1e-15);
        assertEquals(OptionalDouble.of(0.5e9), g.downlinkBitsPerSecond());
        assertEquals(List.of(), c.reported());
    }

    @Test
    void aDownlinkNeedsTheSiteAndWithoutAHorizonItIsIgnored() {
        String text = "mission m {\n  ground gs { latitude = 47.6 deg; downlink = 0.5 Gbps; altitude = 20 km }\n}\n";
        Checking moving = Checking.of(text);
        GroundFacts g = new GroundChecker(moving.ctx(), true)
                .check(moving.block("ground").name().orElseThrow(), moving.block("ground"));
        assertEquals(java.util.Optional.empty(), g.site());
        assertEquals(
                List.of(
                        "SATC2007 2:10 Ground station `gs` has no `longitude`. | Add e.g. `latitude = 47.6 deg; longitude"
                                + " = -122.3 deg`: contacts need the station's place."),
                moving.reported());
        Checking still = Checking.of(text);
        assertEquals(new GroundFacts("gs", OptionalDouble.empty(), OptionalDouble.empty()), check(still));
        assertEquals(
                List.of("SATC2025 2:57 Ground station `gs` gives `altitude` and `downlink`, which have no effect: the"
                        + " mission has no `horizon`. | Without a horizon the mission is a snapshot planned over its"
                        + " declared links; add `horizon { start = \"...\"; duration = ... }` to plan over contacts."),
                still.reported());
    }
}
