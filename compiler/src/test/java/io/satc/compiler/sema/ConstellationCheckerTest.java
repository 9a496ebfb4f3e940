package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.sema.AnalyzedMission.CircularOrbit;
import io.satc.compiler.sema.AnalyzedMission.ConstellationFacts;
import io.satc.compiler.sema.AnalyzedMission.HorizonFacts;
import io.satc.compiler.sema.AnalyzedMission.IslFacts;
import io.satc.compiler.sema.AnalyzedMission.IslRule;
import io.satc.compiler.sema.AnalyzedMission.Propagation;
import io.satc.compiler.sema.AnalyzedMission.SatelliteFacts;
import io.satc.compiler.sema.AnalyzedMission.TleOrbit;
import io.satc.compiler.sema.AnalyzedMission.TleOrbits;
import io.satc.compiler.sema.AnalyzedMission.WalkerOrbits;
import io.satc.compiler.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** One constellation block: its generated satellites, their names and orbits, its ISLs, and every bad value. */
class ConstellationCheckerTest {

    private static final Optional<HorizonFacts> HORIZON =
            Optional.of(new HorizonFacts(Instant.parse("2018-01-21T00:00:00Z"), 5400, Propagation.TWO_BODY));

    private static ConstellationChecker.Constellation check(Checking c, boolean moving) {
        return new ConstellationChecker(c.ctx(), new NodeNames(c.ctx().diags()), moving, HORIZON)
                .check(c.block("constellation"));
    }

    private static Checking shell(String body) {
        return Checking.of("mission m {\n  constellation shell {\n" + body + "\n  }\n}\n");
    }

    @Test
    void aWalkerShellHasPaddedNamesAndTheContractsOrbits() {
        Checking c = shell("""
                    orbits = walker(planes = 72, per_plane = 22, phasing = 39, altitude = 550 km, inclination = 53 deg)
                    compute = 5.3 TFLOPS
                    memory = 8 GB
                    isl = grid(rate = 100 Gbps, max_range = 5000 km)""");
        ConstellationChecker.Constellation shell = check(c, true);
        assertEquals(List.of(), c.reported());
        ConstellationFacts facts = shell.facts().orElseThrow();
        WalkerOrbits w = (WalkerOrbits) facts.orbits();
        assertEquals(List.of(72, 22, 39), List.of(w.planes(), w.perPlane(), w.phasing()));
        assertEquals(550e3, w.altitudeMeters());
        assertEquals(Math.toRadians(53), w.inclinationRadians(), 1e-15);
        assertEquals(Optional.of(new IslFacts(IslRule.GRID, 100e9, 5000e3)), facts.isl());
        assertEquals(1584, facts.satellites().size());
        assertEquals("shell-00-00", facts.satellites().get(0));
        assertEquals("shell-71-21", facts.satellites().get(1583));
        assertEquals(
                facts.satellites(),
                shell.satellites().stream().map(SatelliteFacts::name).toList());

        SatelliteFacts s = shell.satellites().get(3 * 22 + 7);
        assertEquals("shell-03-07", s.name());
        assertEquals(OptionalDouble.of(5.3e12), s.computeFlops());
        assertEquals(OptionalDouble.of(8e9), s.memoryBytes());
        CircularOrbit o = (CircularOrbit) s.orbit().orElseThrow();
        // RAAN 360 * p / P and u0 = 360 * s / S + 360 * F * p / T of the contract, in degrees.
        assertEquals(360.0 * 3 / 72, Math.toDegrees(o.raanRadians()), 1e-12);
        assertEquals(360.0 * 7 / 22 + 360.0 * 39 * 3 / 1584, Math.toDegrees(o.anomalyRadians()), 1e-12);
        assertEquals(550e3, o.altitudeMeters());
        // The last plane's last slot wraps around: 360 * 21/22 + 360 * 39 * 71/1584 is 1,030.9 deg.
        CircularOrbit last =
                (CircularOrbit) shell.satellites().get(1583).orbit().orElseThrow();
        assertEquals((360.0 * 21 / 22 + 360.0 * 39 * 71 / 1584) % 360, Math.toDegrees(last.anomalyRadians()), 1e-9);
    }

    @Test
    void planeAndSlotArePaddedToTheDigitsOfTheLargestIndex() {
        Checking one = shell("    orbits = walker(planes = 1, per_plane = 5, altitude = 500 km, inclination = 53 deg)");
        assertEquals(
                List.of("shell-0-0", "shell-0-1", "shell-0-2", "shell-0-3", "shell-0-4"),
                check(one, true).facts().orElseThrow().satellites());
        Checking eleven =
                shell("    orbits = walker(planes = 11, per_plane = 10, altitude = 500 km, inclination = 53 deg)");
        List<String> names = check(eleven, true).facts().orElseThrow().satellites();
        assertEquals(List.of("shell-00-00", "shell-10-09"), List.of(names.get(0), names.get(109)));
        assertEquals(List.of(), eleven.reported());
    }

    @Test
    void aTleConstellationNamesItsSatellitesByCatalogNumber() throws Exception {
        Path mission = RepoPaths.examples().resolve("orbits/x.sat");
        Checking c = Checking.at(mission, """
                mission m {
                  constellation iridium {
                    orbits = tle("data/iridium-next.tle")
                    isl = range(rate = 25 Mbps, max_range = 4500 km)
                  }
                }
                """);
        ConstellationChecker.Constellation iridium = check(c, true);
        assertEquals(List.of(), c.reported());
        ConstellationFacts facts = iridium.facts().orElseThrow();
        assertEquals(40, facts.satellites().size());
        assertEquals("iridium-41917", facts.satellites().get(0));
        assertEquals(Optional.of(new IslFacts(IslRule.RANGE, 25e6, 4500e3)), facts.isl());
        List<String> file = Files.readAllLines(RepoPaths.examples().resolve("orbits/data/iridium-next.tle"));
        TleOrbit first = (TleOrbit) iridium.satellites().get(0).orbit().orElseThrow();
        assertEquals(
                List.of(file.get(0), file.get(1), file.get(2)),
                List.of(
                        first.elements().title(),
                        first.elements().line1(),
                        first.elements().line2()));
        assertEquals(2, first.elements().line());
        assertEquals("data/iridium-next.tle", ((TleOrbits) facts.orbits()).shownPath());
        assertTrue(iridium.satellites().stream().allMatch(s -> s.computeFlops().isEmpty()));
    }

    @Test
    void withoutAHorizonItIsAnErrorButTheNamesAreStillDeclared() {
        Checking c = shell("    orbits = walker(planes = 2, per_plane = 2, altitude = 500 km, inclination = 53 deg)");
        NodeNames names = new NodeNames(c.ctx().diags());
        ConstellationChecker.Constellation s =
                new ConstellationChecker(c.ctx(), names, false, Optional.empty()).check(c.block("constellation"));
        assertEquals(4, s.satellites().size());
        assertTrue(names.generated("shell-1-1"));
        assertEquals(
                List.of("SATC2024 2:3 The constellation `shell` moves, but the mission has no `horizon`."
                        + " | Add e.g. `horizon { start = \"2026-12-04T00:00:00Z\"; duration = 90 min }`: the time its"
                        + " contacts and the plan are computed over."),
                c.reported());
    }

    @Test
    void badOrbitsAndIslsAreReported() {
        Checking c = shell("""
                    orbits = walker(planes = 6, per_plane = 11, phasing = -1, altitude = 780 km, inclination = 86.4 deg)
                    compute = 1 TFLOPS
                    isl = mesh(rate = 1 Gbps)""");
        ConstellationChecker.Constellation s = check(c, true);
        assertEquals(Optional.empty(), s.facts());
        assertEquals(
                List.of(
                        "SATC2007 2:17 The constellation `shell` has `compute` but no `memory`."
                                + " | Add e.g. `memory = 8 GB`: what each of its satellites holds.",
                        "SATC3012 3:55 `phasing` must lie between 0 and 5 (planes - 1), found `-1`."
                                + " | Phasing counts modulo the 6 planes: `phasing = 5` is the same shell, with its slots"
                                + " renumbered.",
                        "SATC2020 5:7 `isl` must be one of `grid(...)` or `range(...)`, found `mesh`."
                                + " | Choose one of `grid` or `range`."),
                c.reported());
    }

    @Test
    void aConstellationNeedsOrbitsAndTheRightCalls() {
        Checking none = shell("    memory = 1 GB");
        check(none, true);
        assertEquals(
                List.of(
                        "SATC2007 2:17 The constellation `shell` has no `orbits`. | Add `orbits = walker(planes = ..., per_plane"
                                + " = ..., altitude = ..., inclination = ...)` or `orbits = tle(\"file.tle\")`."),
                none.reported());

        Checking bare = shell("    orbits = walker\n    isl = grid(1 Gbps)");
        check(bare, true);
        assertEquals(
                List.of(
                        "SATC3009 3:14 `orbits` needs the parameters of `walker`. | Write `walker(planes = ...,"
                                + " per_plane = ..., phasing = ..., altitude = ..., inclination = ...)`.",
                        "SATC2027 4:11 `grid` needs the parameter `rate`. | Add `rate = ...`; the call is `grid(rate"
                                + " = ..., max_range = ...)`.",
                        "SATC2027 4:11 `grid` needs the parameter `max_range`. | Add `max_range = ...`; the call is"
                                + " `grid(rate = ..., max_range = ...)`.",
                        "SATC3009 4:16 The parameters of `grid` are named. | Write e.g. `rate = ...`; `grid` takes"
                                + " `rate` or `max_range`."),
                bare.reported());

        Checking tle = shell("    orbits = tle(file = \"x.tle\")");
        check(tle, true);
        assertEquals(
                List.of("SATC3009 3:18 `tle` takes one quoted file name. | Write `tle(\"data/iridium.tle\")`, the path"
                        + " relative to the mission file."),
                tle.reported());
    }

    @Test
    void aMillionSatellitesAreRefusedBeforeAnyIsGenerated() {
        Checking c =
                shell("    orbits = walker(planes = 1000, per_plane = 1000, altitude = 500 km, inclination = 53 deg)");
        ConstellationChecker.Constellation s = check(c, true);
        assertEquals(List.of(), s.satellites());
        assertEquals(
                List.of("SATC3017 3:30 `walker` with 1000 planes of 1000 makes 1000000 satellites, more than 50000."
                        + " | satc plans constellations of at most 50000 satellites; model one shell at a time."),
                c.reported());
    }
}
