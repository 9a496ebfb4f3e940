package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.diag.Diagnostic;
import io.satc.compiler.sema.AnalyzedMission.LinkFacts;
import io.satc.compiler.source.SourceFile;
import io.satc.compiler.syntax.MissionParser;
import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.Mission;
import io.satc.compiler.syntax.ast.NumberValue;
import io.satc.compiler.syntax.ast.SymbolValue;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The coordinator: the checkers run in order, their facts assembled, topology only on clean nodes and links. */
class AnalyzerTest {

    private static final String MODEL =
            "  model t { arch = vit(layers = 2, hidden = 64, mlp = 128, heads = 2, patch = 16, image = 224) }\n";

    private static AnalysisResult analyze(String text) {
        return Analyzer.analyze(MissionParser.parse(SourceFile.ofString("t.sat", text)));
    }

    private static List<String> reported(AnalysisResult r) {
        return r.diagnostics().stream().map(Checking::format).toList();
    }

    private static List<String> codes(AnalysisResult r) {
        return r.diagnostics().stream().map(d -> d.code().id()).toList();
    }

    @Test
    void aValidMissionIsAssembledFromEveryChecker() {
        AnalysisResult r = analyze("mission m {\n" + MODEL + """
                  workload { batch = 4; micro_batches = 2 }
                  accuracy { max_loss = 1 % }
                  codecs = [int8]
                  satellite a { compute = 1 TFLOPS; memory = 1 GB }
                  satellite b { compute = 1 TFLOPS; memory = 1 GB }
                  ground g {}
                  link a -> b { rate = 1 Gbps }
                  link b -> g { rate = 1 Gbps }
                  source = a
                  sink = g
                  max_stages = 2
                }
                """);
        assertEquals(List.of(), reported(r));
        AnalyzedMission m = r.mission().orElseThrow();
        assertEquals("m", m.name());
        assertEquals("t", m.model().name());
        assertEquals(4, m.workload().batch());
        assertEquals(0.01, m.accuracy().maxLoss());
        assertEquals(List.of("int8"), m.codecs().stream().map(c -> c.name()).toList());
        assertEquals(
                List.of("a", "b"), m.satellites().stream().map(s -> s.name()).toList());
        assertEquals(List.of("g"), m.grounds().stream().map(g -> g.name()).toList());
        assertEquals(List.of(new LinkFacts("a", "b", 1e9, 0), new LinkFacts("b", "g", 1e9, 0)), m.links());
        assertEquals("a", m.source());
        assertEquals("g", m.sink());
        assertEquals("latency", m.objective());
        assertEquals(OptionalInt.of(2), m.maxStages());
    }

    @Test
    void theTablesHoldQuantitiesAndReferences() {
        AnalysisResult r = analyze("mission m {\n" + MODEL
                + "  satellite a { compute = 1 TFLOPS; memory = 1 GB }\n  ground g {}\n"
                + "  link a -> g { rate = 1 Gbps }\n  source = a\n  sink = g\n}\n");
        assertTrue(r.mission().isPresent(), () -> reported(r).toString());
        Mission tree = r.parse().mission().orElseThrow();
        Assignment source = (Assignment) tree.body().statements().get(4);
        assertSame(
                ((io.satc.compiler.syntax.ast.BlockDecl)
                                tree.body().statements().get(1))
                        .name()
                        .orElseThrow(),
                r.tables().declaration(((SymbolValue) source.value()).name()).orElseThrow());
        Assignment rate = (Assignment)
                ((io.satc.compiler.syntax.ast.LinkDecl) tree.body().statements().get(3))
                        .body()
                        .orElseThrow()
                        .statements()
                        .get(0);
        assertEquals(
                1e9,
                r.tables().quantity((NumberValue) rate.value()).orElseThrow().value());
        // Six architecture parameters, compute, memory and rate.
        assertEquals(9, r.tables().quantityCount());
    }

    @Test
    void routesAreCheckedOnlyWhenNodesLinksAndEndpointsAreClean() {
        String unreachable = "mission m {\n" + MODEL
                + "  satellite a { compute = 1 TFLOPS; memory = 1 GB }\n  ground g {}\n"
                + "  source = a\n  sink = g\n";
        assertEquals(List.of("SATC5001"), codes(analyze(unreachable + "}\n")));
        assertEquals(
                List.of("SATC2005"),
                codes(analyze(unreachable + "  ground h { compte = 1 TFLOPS }\n}\n")),
                "a node error hides the route check");
        assertEquals(
                List.of("SATC5001", "SATC2003"),
                codes(analyze(unreachable + "  codecs = [int9]\n}\n")),
                "an error before the nodes does not");
    }

    @Test
    void diagnosticsOfAllCheckersComeInSourceOrder() {
        AnalysisResult r = analyze("""
                mission m {
                  satellite a { compute = 1 TFLOPS }
                  workload { batch = 0 }
                  codecs = [int9]
                  orbit o {}
                }
                """);
        assertTrue(r.mission().isEmpty());
        assertEquals(
                List.of("SATC2009", "SATC2010", "SATC2010", "SATC2007", "SATC3004", "SATC2003", "SATC2008"), codes(r));
        List<Integer> lines = r.diagnostics().stream().map(Diagnostic::line).toList();
        assertEquals(List.of(1, 1, 1, 2, 3, 4, 5), lines);
    }

    @Test
    void aFileWithSyntaxErrorsIsNotAnalysed() {
        AnalysisResult r = analyze("mission m {\n  satellite a { compute = }\n}\n");
        assertTrue(r.mission().isEmpty());
        assertTrue(r.hasErrors());
        assertEquals(0, r.tables().quantityCount());
        assertTrue(codes(r).stream().allMatch(c -> c.startsWith("SATC1")), codes(r).toString());
    }

    @Test
    void aMissionThatMovesHasItsConstellationsHorizonAndOrbits() {
        AnalysisResult r = analyze("mission m {\n" + MODEL + """
                  satellite relay { orbit = elements(altitude = 780 km, inclination = 86.4 deg, raan = 10 deg) }
                  constellation shell {
                    orbits = walker(planes = 2, per_plane = 3, phasing = 1, altitude = 550 km, inclination = 53 deg)
                    compute = 1 TFLOPS
                    memory = 1 GB
                  }
                  ground g { latitude = 47.6 deg; longitude = -122.3 deg; downlink = 0.5 Gbps; min_elevation = 25 deg }
                  link relay <-> shell-1-2 { rate = 1 Gbps }
                  horizon { start = "2026-12-04T00:00:00Z"; duration = 90 min }
                  source = shell-0-1
                  sink = g
                }
                """);
        assertEquals(List.of(), reported(r), "no route check: contacts decide reachability over time");
        AnalyzedMission m = r.mission().orElseThrow();
        assertEquals(
                List.of("relay", "shell-0-0", "shell-0-1", "shell-0-2", "shell-1-0", "shell-1-1", "shell-1-2"),
                m.satellites().stream().map(s -> s.name()).toList());
        assertEquals(
                new AnalyzedMission.CircularOrbit(780e3, Math.toRadians(86.4), Math.toRadians(10), 0),
                m.satellites().get(0).orbit().orElseThrow());
        assertEquals(
                List.of("shell"), m.constellations().stream().map(c -> c.name()).toList());
        assertEquals(
                new AnalyzedMission.HorizonFacts(
                        java.time.Instant.parse("2026-12-04T00:00:00Z"), 5400, AnalyzedMission.Propagation.TWO_BODY),
                m.horizon().orElseThrow());
        AnalyzedMission.GroundFacts g = m.grounds().get(0);
        assertEquals(
                new AnalyzedMission.GroundSite(Math.toRadians(47.6), Math.toRadians(-122.3), 0),
                g.site().orElseThrow());
        assertEquals(Math.toRadians(25), g.minElevationRadians(), 1e-15);
        assertEquals(java.util.OptionalDouble.of(0.5e9), g.downlinkBitsPerSecond());
        assertEquals(
                List.of(new LinkFacts("relay", "shell-1-2", 1e9, 0), new LinkFacts("shell-1-2", "relay", 1e9, 0)),
                m.links());
    }

    @Test
    void aMissionThatMovesReachesItsSinkByDownlinkAndKeepsNoFixedDelayBetweenOrbits() {
        String head = "mission m {\n" + MODEL + """
                  satellite a { orbit = elements(altitude = 550 km, inclination = 53 deg) }
                  satellite b { orbit = elements(altitude = 550 km, inclination = 53 deg, anomaly = 10 deg) }
                  satellite c {}
                  horizon { start = "2026-12-04T00:00:00Z"; duration = 90 min }
                  source = a
                  sink = g
                """;
        assertEquals(
                List.of("SATC5001 8:10 Nothing can reach the sink `g`: it has no `downlink` and no link leads to it."
                        + " | Give the station `downlink = 0.5 Gbps` (with its `latitude` and `longitude`) so that"
                        + " satellites passing over it can send to it."),
                reported(analyze(head + "  ground g {}\n}\n")));
        assertEquals(
                List.of(),
                reported(analyze(head + "  ground g {}\n  link c -> g { rate = 1 Gbps; latency = 2 ms }\n"
                        + "  link a -> c { rate = 1 Gbps; distance = 100 km }\n}\n")),
                "a satellite without an orbit keeps a fixed link");
        assertEquals(
                List.of("SATC2030 10:33 The link `a <-> b` joins two orbiting satellites, so its `distance` is not"
                        + " fixed. | Remove it: the delay follows from the range between their orbits, which the planner"
                        + " takes at its worst in each window."),
                reported(analyze(head + "  ground g { latitude = 0 deg; longitude = 0 deg; downlink = 1 Gbps }\n"
                        + "  link a <-> b { rate = 1 Gbps; distance = 1200 km }\n}\n")));
    }

    @Test
    void aBrokenHorizonStillMakesTheMissionMove() {
        AnalysisResult r = analyze("mission m {\n" + MODEL + """
                  constellation shell { orbits = walker(planes = 1, per_plane = 2, altitude = 550 km, inclination = 53 deg) }
                  ground g { latitude = 0 deg; longitude = 0 deg; downlink = 1 Gbps }
                  horizon { start = "tomorrow"; duration = 90 min }
                  source = shell-0-0
                  sink = g
                }
                """);
        assertTrue(r.mission().isEmpty());
        assertEquals(List.of("SATC3013"), codes(r), "no missing-horizon error for the constellation");
    }
}
