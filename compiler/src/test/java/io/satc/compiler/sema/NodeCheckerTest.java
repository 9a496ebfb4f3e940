package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.satc.compiler.sema.AnalyzedMission.GroundFacts;
import io.satc.compiler.sema.AnalyzedMission.SatelliteFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Satellites and ground stations in source order, in one namespace. */
class NodeCheckerTest {

    private static NodeChecker.Nodes check(Checking c, NodeNames names) {
        return new NodeChecker(c.ctx(), names, false, java.util.Optional.empty())
                .check(c.blocks("satellite"), c.blocks("ground"), java.util.List.of());
    }

    @Test
    void nodesKeepDeclarationOrderPerKind() {
        Checking c = Checking.of("""
                mission m {
                  satellite b { compute = 1 TFLOPS; memory = 1 GB }
                  ground g {}
                  satellite a {}
                }
                """);
        NodeNames names = new NodeNames(c.ctx().diags());
        NodeChecker.Nodes nodes = check(c, names);
        assertEquals(
                List.of("b", "a"),
                nodes.satellites().stream().map(SatelliteFacts::name).toList());
        assertEquals(
                List.of("g"), nodes.grounds().stream().map(GroundFacts::name).toList());
        assertEquals(List.of("b", "g", "a"), List.copyOf(names.declarations().keySet()));
        assertEquals(List.of(), c.reported());
    }

    @Test
    void theLaterOfTwoNodesWithOneNameIsReportedWhateverItsKind() {
        Checking c = Checking.of("""
                mission m {
                  ground a {}
                  satellite a { compute = 1 TFLOPS; memory = 1 GB }
                }
                """);
        NodeNames names = new NodeNames(c.ctx().diags());
        NodeChecker.Nodes nodes = check(c, names);
        assertEquals(List.of(), nodes.satellites());
        assertEquals(
                List.of("a"), nodes.grounds().stream().map(GroundFacts::name).toList());
        assertEquals("ground", names.kind("a"));
        assertEquals(
                List.of("SATC2001 3:13 The name `a` is already declared. | The first declaration is on line 2;"
                        + " satellites and ground stations share one namespace."),
                c.reported());
    }

    @Test
    void aBlockThatDeclaresNothingStillHasItsAttributesChecked() {
        Checking c = Checking.of("""
                mission m {
                  satellite { compte = 1 TFLOPS }
                  ground g {}
                  ground g { memroy = 1 GB; compute = 1 km }
                }
                """);
        NodeChecker.Nodes nodes = check(c, new NodeNames(c.ctx().diags()));
        assertEquals(List.of(), nodes.satellites());
        assertEquals(1, nodes.grounds().size());
        assertEquals(
                List.of(
                        "SATC2022 2:3 A `satellite` needs a name. | Write `satellite leo-1 { ... }`.",
                        "SATC2005 2:15 Unknown attribute `compte` in satellite block. | Did you mean `compute`?",
                        "SATC2001 4:10 The name `g` is already declared. | The first declaration is on line 3;"
                                + " satellites and ground stations share one namespace.",
                        "SATC2005 4:14 Unknown attribute `memroy` in ground block. | Did you mean `memory`?"),
                c.reported(),
                "values of a block that declares nothing are not read");
    }
}
