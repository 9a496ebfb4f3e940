package io.satc.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.orbit.GroundStation;
import io.satc.compiler.orbit.LinkRule;
import io.satc.compiler.orbit.Orbit;
import io.satc.compiler.orbit.Propagation;
import io.satc.compiler.orbit.PropagationFailure;
import io.satc.compiler.orbit.Satellite;
import io.satc.compiler.orbit.Scenario;
import io.satc.compiler.orbit.WalkerDelta;
import io.satc.compiler.sema.AnalysisResult;
import io.satc.compiler.sema.AnalyzedMission;
import io.satc.compiler.sema.Analyzer;
import io.satc.compiler.source.SourceFile;
import io.satc.compiler.syntax.MissionParser;
import io.satc.compiler.testing.RepoPaths;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Orbit missions to the geometry's scenario: the analysis and the geometry agree on every name and orbit. */
class OrbitLoweringTest {

    private static final String MODEL =
            "  model t { arch = vit(layers = 2, hidden = 64, mlp = 128, heads = 2, patch = 16, image = 224) }\n";

    private static AnalyzedMission analyze(String body) {
        SourceFile source = new SourceFile(
                "t.sat", RepoPaths.examples().resolve("orbits/t.sat"), "mission m {\n" + MODEL + body + "}\n");
        AnalysisResult r = Analyzer.analyze(MissionParser.parse(source));
        assertTrue(r.mission().isPresent(), () -> r.diagnostics().toString());
        return r.mission().get();
    }

    private static String walker(int planes, int perPlane, int phasing, String extra) {
        return "  constellation w {\n    orbits = walker(planes = " + planes + ", per_plane = " + perPlane
                + ", phasing = " + phasing + ", altitude = 550 km, inclination = 53 deg)\n" + extra + "  }\n"
                + "  ground g { latitude = 47.6 deg; longitude = -122.3 deg; downlink = 1 Gbps }\n"
                + "  horizon { start = \"2026-12-04T00:00:00Z\"; duration = 90 min; propagation = j2 }\n"
                + "  source = " + new WalkerDelta("w", planes, perPlane, 0, 550, 1, Propagation.J2).satelliteName(0, 0)
                + "\n  sink = g\n";
    }

    @Test
    void walkerSatellitesAreTheGeometrysOwnNamesAndOrbits() {
        int[][] shapes = {{72, 22, 39}, {6, 11, 2}, {1, 5, 0}, {101, 5, 17}, {11, 10, 3}, {1, 1, 0}, {10, 10, 9}};
        for (int[] shape : shapes) {
            AnalyzedMission m = analyze(walker(shape[0], shape[1], shape[2], ""));
            Scenario s = OrbitLowering.scenario(m).orElseThrow();
            WalkerDelta w = new WalkerDelta("w", shape[0], shape[1], shape[2], 550, Math.toRadians(53), Propagation.J2);
            assertEquals(
                    w.satellites().stream().map(Satellite::name).toList(),
                    m.satellites().stream()
                            .map(AnalyzedMission.SatelliteFacts::name)
                            .toList());
            assertEquals(w.satellites().size(), s.satellites().size());
            for (int k = 0; k < w.total(); k++) {
                Orbit.Circular want = (Orbit.Circular) w.satellites().get(k).orbit();
                Orbit.Circular got = (Orbit.Circular) s.satellites().get(k).orbit();
                assertEquals(w.satellites().get(k).name(), s.satellites().get(k).name());
                assertEquals(want.argumentOfLatitudeRad(), got.argumentOfLatitudeRad(), "the geometry's own u0");
                assertEquals(want.raanRad(), got.raanRad());
                assertEquals(want.inclinationRad(), got.inclinationRad(), 1e-15, "53 deg through the unit table");
                assertEquals(550, got.altitudeKm());
                assertEquals(Propagation.J2, got.propagation());
            }
            // The analysis's own orbits (exact integer turns) equal the geometry's to rounding.
            for (int k = 0; k < w.total(); k++) {
                AnalyzedMission.CircularOrbit mine = (AnalyzedMission.CircularOrbit)
                        m.satellites().get(k).orbit().orElseThrow();
                Orbit.Circular theirs = (Orbit.Circular) w.satellites().get(k).orbit();
                assertEquals(theirs.raanRad(), mine.raanRadians(), 1e-12);
                double d = Math.IEEEremainder(theirs.argumentOfLatitudeRad() - mine.anomalyRadians(), 2 * Math.PI);
                assertEquals(0, d, 1e-12, () -> "slot " + w.satellites().get(0).name());
            }
        }
    }

    @Test
    void elementsTleStationsAndLinkRules() {
        AnalyzedMission m = analyze("""
                  constellation iridium {
                    orbits = tle("data/iridium-next.tle")
                    isl = range(rate = 25 Mbps, max_range = 4500 km)
                  }
                  constellation shell {
                    orbits = walker(planes = 2, per_plane = 3, altitude = 550 km, inclination = 53 deg)
                    isl = grid(rate = 10 Gbps, max_range = 5000 km)
                  }
                  satellite relay { orbit = elements(altitude = 780 km, inclination = 86.4 deg, raan = 10 deg) }
                  satellite still {}
                  ground g { latitude = 47.6 deg; longitude = -122.3 deg; altitude = 50 m; downlink = 1 Gbps; min_elevation = 25 deg }
                  ground quiet { latitude = 0 deg; longitude = 0 deg }
                  link relay -> shell-0-1 { rate = 2 Gbps }
                  link shell-0-1 -> relay { rate = 3 Gbps }
                  link still -> g { rate = 1 Gbps; latency = 1 ms }
                  link relay -> still { rate = 1 Gbps }
                  horizon { start = "2018-01-21T00:00:00Z"; duration = 90 min }
                  source = relay
                  sink = g
                """);
        Scenario s = OrbitLowering.scenario(m).orElseThrow();
        assertEquals(Instant.parse("2018-01-21T00:00:00Z"), s.horizon().start());
        assertEquals(5400, s.horizon().durationSeconds());
        assertEquals(40 + 6 + 1, s.satellites().size(), "`still` has no orbit and is no part of the geometry");
        assertEquals(
                new Orbit.Tle(
                        "1 41917U 17003A   18020.83880814  .00000097  00000-0  27714-4 0  9995",
                        "2 41917  86.3986 291.1034 0001435  88.2161 271.9199 14.34218175 53274"),
                s.satellites().get(0).orbit());
        assertEquals(
                new Satellite(
                        "relay",
                        new Orbit.Circular(780, Math.toRadians(86.4), Math.toRadians(10), 0, Propagation.TWO_BODY)),
                s.satellites().get(46));
        assertEquals(
                List.of(new GroundStation(
                        "g", Math.toRadians(47.6), Math.toRadians(-122.3), 0.05, Math.toRadians(25), 1e9)),
                s.stations(),
                "a station without a downlink takes no contacts");
        assertEquals(3, s.rules().size());
        assertEquals(
                new LinkRule.LineOfSight("relay", "shell-0-1", 2e9), s.rules().get(0), "one pair, the first rate");
        assertEquals(40, ((LinkRule.Range) s.rules().get(1)).satellites().size());
        assertEquals(4500, ((LinkRule.Range) s.rules().get(1)).maxRangeKm());
        assertEquals(5000, ((LinkRule.Grid) s.rules().get(2)).maxRangeKm());
        assertEquals(10e9, ((LinkRule.Grid) s.rules().get(2)).rateBitsPerSecond());
    }

    @Test
    void aMissionWithoutAHorizonHasNoScenario() {
        AnalyzedMission m = analyze("""
                  satellite a { compute = 1 TFLOPS; memory = 1 GB }
                  ground g {}
                  link a -> g { rate = 1 Gbps }
                  source = a
                  sink = g
                """);
        assertEquals(Optional.empty(), OrbitLowering.scenario(m));
        assertEquals(List.of(), OrbitLowering.elementSetFailures(m));
    }

    @Test
    void aFailureIsWordedAtItsConstellationsFile() {
        String text = "mission m {\n" + MODEL + """
                  constellation iridium { orbits = tle("data/iridium-next.tle") }
                  ground g { latitude = 78 deg; longitude = 15 deg; downlink = 1 Gbps }
                  horizon { start = "2018-01-21T00:00:00Z"; duration = 90 min }
                  source = iridium-41917
                  sink = g
                }
                """;
        SourceFile source = new SourceFile("t.sat", RepoPaths.examples().resolve("orbits/t.sat"), text);
        AnalyzedMission m =
                Analyzer.analyze(MissionParser.parse(source)).mission().orElseThrow();
        assertEquals(List.of(), OrbitLowering.elementSetFailures(m), "January 2018 sets in January 2018");
        Diagnostics diags = new Diagnostics(source);
        OrbitLowering.reportFailures(
                m, List.of(new PropagationFailure("iridium-41918", 120.4, "the satellite has decayed")), diags);
        assertEquals(1, diags.size());
        var d = diags.sorted().get(0);
        assertEquals("SATC6001", d.code().id());
        assertEquals(3, d.line());
        assertEquals(
                "Satellite `iridium-41918` (TLE file `data/iridium-next.tle` line 5) is left out: SGP4 fails 120 s"
                        + " into the horizon: the satellite has decayed.",
                d.message());
    }
}
