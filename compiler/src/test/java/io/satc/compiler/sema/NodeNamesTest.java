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
}
