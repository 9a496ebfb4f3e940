package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.syntax.ast.BlockDecl;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shape every block shares: attributes by key, misplaced declarations, names, at most one of a kind. */
class BlockReaderTest {

    @Test
    void attributesByKeyAndAMisspeltKeyCountsAsMeant() {
        Checking c = Checking.of("""
                mission m {
                  satellite a { compute = 1 TFLOPS; memroy = 8 GB }
                }
                """);
        Attributes attrs =
                c.ctx().blocks().attributes(c.block("satellite").body(), "satellite `a`", SatelliteChecker.KEYS);
        assertEquals(Set.of("compute"), attrs.byKey().keySet());
        assertTrue(attrs.intended("memory"), "the typo's target counts as given");
        assertFalse(attrs.containsKey("memory"));
        assertFalse(attrs.intended("power"));
        assertEquals(
                List.of("SATC2005 2:37 Unknown attribute `memroy` in satellite `a`. | Did you mean `memory`?"),
                c.reported());
    }

    @Test
    void aRepeatedAttributeKeepsTheFirstAndNamesItsLine() {
        Checking c = Checking.of("""
                mission m {
                  ground g { compute = 1 TFLOPS; compute = 2 TFLOPS }
                }
                """);
        Attributes attrs = c.ctx().blocks().attributes(c.block("ground").body(), "ground `g`", GroundChecker.KEYS);
        assertEquals(
                "1 TFLOPS",
                c.ctx().diags().source().slice(attrs.get("compute").value().span()));
        assertEquals(
                List.of("SATC2006 2:34 `compute` is given twice in ground `g`. | The first is on line 2; remove one."),
                c.reported());
    }

    @Test
    void declarationsInsideABlockAreReportedWithWhereTheyBelong() {
        Checking c = Checking.of("""
                mission m {
                  workload {
                    satellite s {}
                    orbit o {}
                    link a -> b
                  }
                }
                """);
        Attributes attrs = c.ctx().blocks().attributes(c.block("workload").body(), "`workload`", WorkloadChecker.KEYS);
        assertTrue(attrs.byKey().isEmpty());
        assertEquals(
                List.of(
                        "SATC2008 3:5 A `satellite` block cannot appear inside `workload`."
                                + " | Declare it at the top level of the mission.",
                        "SATC2008 4:5 A `orbit` block cannot appear inside `workload`."
                                + " | Only `key = value` attributes belong here.",
                        "SATC2008 5:5 A `link` cannot appear inside `workload`."
                                + " | Declare links at the top level of the mission."),
                c.reported());
    }

    @Test
    void aSingletonKindKeepsTheFirstBlockAndRejectsNames() {
        Checking c = Checking.of("""
                mission m {
                  workload { batch = 2 }
                  workload w { batch = 4 }
                }
                """);
        List<BlockDecl> blocks = c.blocks("workload");
        assertEquals(Optional.of(blocks.get(0)), c.ctx().blocks().singleton(blocks, "workload"));
        assertEquals(
                List.of(
                        "SATC2011 3:3 A mission has at most one `workload` block; this is a second one."
                                + " | Merge it into the first, on line 2.",
                        "SATC2023 3:12 A `workload` block takes no name. | Write `workload { ... }`."),
                c.reported());
    }

    @Test
    void aMissingOrBlankNameIsReportedAndGivesNoName() {
        Checking c = Checking.of("""
                mission m {
                  satellite { compute = 1 TFLOPS }
                  codec "" { ratio = 2x; loss = 0 % }
                  codec mask8 { ratio = 2x; loss = 0 % }
                }
                """);
        BlockReader blocks = c.ctx().blocks();
        assertEquals(Optional.empty(), blocks.requireName(c.block("satellite")));
        assertEquals(Optional.empty(), blocks.requireName(c.blocks("codec").get(0)));
        assertEquals(
                "mask8",
                blocks.requireName(c.blocks("codec").get(1)).orElseThrow().text());
        assertEquals(
                List.of(
                        "SATC2022 2:3 A `satellite` needs a name. | Write `satellite leo-1 { ... }`.",
                        "SATC2022 3:9 A `codec` name cannot be empty. | Give it a name such as `mask8`."),
                c.reported());
    }
}
