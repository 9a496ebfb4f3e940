package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.source.Span;
import io.satc.compiler.syntax.ast.Ident;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one namespace of satellites and ground stations, and the references into it. */
class NodeNamesTest {

    @Test
    void referencesResolveToTheirDeclaration() {
        Checking c = Checking.of("mission m {\n  satellite leo-1 {}\n  ground gs {}\n}\n");
        NodeNames names = new NodeNames(c.ctx().diags());
        Ident leo = c.block("satellite").name().orElseThrow();
        assertTrue(names.declare(leo, "satellite"));
        assertTrue(names.declare(c.block("ground").name().orElseThrow(), "ground"));
        Ident ref = new Ident(new Span(0, 5), "leo-1", false);
        assertTrue(names.resolve(ref));
        assertSame(leo, names.references().get(ref));
        assertEquals("satellite", names.kind("leo-1"));
        assertEquals("ground", names.kind("gs"));
        assertEquals(List.of("leo-1", "gs"), List.copyOf(names.declarations().keySet()));
        assertEquals(List.of(), c.reported());
    }

    @Test
    void aTakenNameAndAnUnknownReferenceAreReported() {
        Checking c = Checking.of("mission m {\n  satellite leo-1 {}\n  ground leo-1 {}\n}\n");
        NodeNames names = new NodeNames(c.ctx().diags());
        assertTrue(names.declare(c.block("satellite").name().orElseThrow(), "satellite"));
        assertFalse(names.declare(c.block("ground").name().orElseThrow(), "ground"));
        assertEquals("satellite", names.kind("leo-1"), "the first declaration keeps the name");
        assertFalse(names.resolve(new Ident(new Span(0, 5), "leo-2", false)));
        assertFalse(names.resolve(new Ident(new Span(0, 5), "relay", false)));
        assertTrue(names.references().isEmpty());
        assertEquals(
                List.of(
                        "SATC2002 1:1 Unknown satellite or ground station `leo-2`. | Did you mean `leo-1`?",
                        "SATC2002 1:1 Unknown satellite or ground station `relay`."
                                + " | Declare it with `satellite relay { ... }` or `ground relay { ... }`.",
                        "SATC2001 3:10 The name `leo-1` is already declared. | The first declaration is on line 2;"
                                + " satellites and ground stations share one namespace."),
                c.reported());
    }

    @Test
    void generatedNamesResolveAndSuggestWithoutComparingThemAll() {
        Checking c = Checking.of(
                "mission m {\n  constellation shell {}\n  constellation iridium {}\n  satellite shell-00-00 {}\n}\n");
        NodeNames names = new NodeNames(c.ctx().diags());
        Ident shell = c.blocks("constellation").get(0).name().orElseThrow();
        Ident iridium = c.blocks("constellation").get(1).name().orElseThrow();
        List<String> walker = GeneratedNames.walkerNames("shell", 72, 22);
        assertTrue(names.declareConstellation(shell));
        assertTrue(names.declareGenerated(shell, walker, new GeneratedNames.Walker("shell", 72, 22)));
        List<String> catalog = List.of("iridium-41917", "iridium-41918");
        assertTrue(names.declareConstellation(iridium));
        assertTrue(names.declareGenerated(
                iridium, catalog, new GeneratedNames.Catalog("iridium", java.util.Set.of(41917L, 41918L), catalog)));
        assertTrue(names.resolve(new Ident(new Span(0, 5), "shell-71-21", false)));
        assertEquals("satellite", names.kind("shell-71-21"));
        assertTrue(names.generated("shell-03-07"));
        for (String ref : List.of("shell-3-7", "shel-03-07", "shell-72-00", "shell", "iridium-4191", "iridium-1")) {
            assertFalse(names.resolve(new Ident(new Span(0, 5), ref, false)));
        }
        assertFalse(names.declare(c.block("satellite").name().orElseThrow(), "satellite"));
        assertEquals(
                List.of(
                        "SATC2002 1:1 Unknown satellite or ground station `shell-3-7`. | Did you mean `shell-03-07`?",
                        "SATC2002 1:1 Unknown satellite or ground station `shel-03-07`. | Did you mean `shell-03-07`?",
                        "SATC2002 1:1 Unknown satellite or ground station `shell-72-00`. | Constellation `shell` has"
                                + " planes 00..71 and slots 00..21, e.g. `shell-00-00`.",
                        "SATC2002 1:1 Unknown satellite or ground station `shell`. | `shell` is a constellation; name"
                                + " one of its satellites, such as `shell-00-00`.",
                        "SATC2002 1:1 Unknown satellite or ground station `iridium-4191`. | Did you mean"
                                + " `iridium-41917`?",
                        "SATC2002 1:1 Unknown satellite or ground station `iridium-1`. | Constellation `iridium` names"
                                + " its satellites by catalog number, e.g. `iridium-41917`; the numbers are those of its"
                                + " TLE file.",
                        "SATC2001 4:13 The name `shell-00-00` is already declared. | Constellation `shell` on line 2"
                                + " generates it; satellites and ground stations share one namespace."),
                c.reported());
    }

    @Test
    void aConstellationWhoseNamesAreTakenDeclaresNoneAndSilencesReferencesToThem() {
        Checking c = Checking.of("mission m {\n  satellite shell-0-1 {}\n  constellation shell {}\n}\n");
        NodeNames names = new NodeNames(c.ctx().diags());
        assertTrue(names.declare(c.block("satellite").name().orElseThrow(), "satellite"));
        Ident shell = c.block("constellation").name().orElseThrow();
        assertFalse(names.declareGenerated(
                shell, GeneratedNames.walkerNames("shell", 2, 2), new GeneratedNames.Walker("shell", 2, 2)));
        assertFalse(names.declarations().containsKey("shell-0-0"));
        assertFalse(names.resolve(new Ident(new Span(0, 5), "shell-1-1", false)));
        assertEquals(
                List.of("SATC2001 3:17 Constellation `shell` generates `shell-0-1`, already declared. | The first"
                        + " declaration is on line 2; rename the constellation or that declaration."),
                c.reported());
    }
}
