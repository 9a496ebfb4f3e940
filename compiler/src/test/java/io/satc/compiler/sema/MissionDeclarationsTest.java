package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.satc.compiler.syntax.ast.BlockDecl;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The mission's top level sorted by kind, with unknown declarations and attributes reported once. */
class MissionDeclarationsTest {

    @Test
    void blocksAreSortedByKindInSourceOrder() {
        Checking c = Checking.of("""
                mission m {
                  satellite b {}
                  ground g {}
                  satellite a {}
                  link a -> b
                  link b -> g
                  sink = g
                }
                """);
        MissionDeclarations d = c.declarations();
        assertEquals(
                List.of("b", "a"),
                d.blocks("satellite").stream()
                        .map(b -> b.name().orElseThrow().text())
                        .toList());
        assertEquals(1, d.blocks("ground").size());
        assertEquals(List.of(), d.blocks("model"));
        assertEquals(
                List.of("a", "b"), d.links().stream().map(l -> l.from().text()).toList());
        assertEquals(
                "g",
                c.ctx()
                        .diags()
                        .source()
                        .slice(d.attribute("sink").orElseThrow().value().span()));
        assertEquals(Optional.empty(), d.attribute("source"));
        assertEquals(List.of(), c.reported());
    }

    @Test
    void unknownAndNestedDeclarationsAreReported() {
        Checking c = Checking.of("""
                mission m {
                  satelite a {}
                  orbit o {}
                  mission n {}
                }
                """);
        List<BlockDecl> none = c.declarations().blocks("satellite");
        assertEquals(List.of(), none);
        assertEquals(
                List.of(
                        "SATC2008 2:3 Unknown declaration `satelite` in the mission. | Did you mean `satellite`?",
                        "SATC2008 3:3 Unknown declaration `orbit` in the mission. | Declarations allowed here:"
                                + " `model`, `workload`, `accuracy`, `codec`, `satellite`, `ground`, `constellation`, `horizon` or `link`.",
                        "SATC2008 4:3 A `mission` cannot be nested inside the mission. | Declarations allowed here:"
                                + " `model`, `workload`, `accuracy`, `codec`, `satellite`, `ground`, `constellation`, `horizon` or `link`."),
                c.reported());
    }

    @Test
    void missionAttributesThatNameABlockSaySo() {
        Checking c = Checking.of("""
                mission m {
                  workload = 3
                  sorce = a
                  sink = g
                  sink = h
                }
                """);
        assertEquals(Optional.empty(), c.declarations().attribute("source"));
        assertEquals(
                List.of(
                        "SATC2005 2:3 Unknown attribute `workload` in the mission."
                                + " | `workload` is a block: write `workload NAME { ... }`.",
                        "SATC2005 3:3 Unknown attribute `sorce` in the mission. | Did you mean `source`?",
                        "SATC2006 5:3 `sink` is given twice in the mission. | The first is on line 4; remove one."),
                c.reported());
    }

    @Test
    void askingForAKindNoMissionHasIsABug() {
        Checking c = Checking.of("mission m {}\n");
        assertThrows(IllegalArgumentException.class, () -> c.declarations().blocks("orbit"));
    }
}
