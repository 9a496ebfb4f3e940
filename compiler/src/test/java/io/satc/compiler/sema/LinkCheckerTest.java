package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.satc.compiler.sema.AnalyzedMission.LinkFacts;
import io.satc.compiler.syntax.ast.LinkDecl;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Link declarations: ends, directions, rate and propagation delay. */
class LinkCheckerTest {

    private static final String NODES = "mission m {\n  satellite a {}\n  satellite b {}\n  ground g {}\n";

    private static List<LinkFacts> check(Checking c, NodeNames names) {
        new NodeChecker(c.ctx(), names, false, java.util.Optional.empty())
                .check(c.blocks("satellite"), c.blocks("ground"), java.util.List.of());
        return new LinkChecker(c.ctx(), names).check(c.declarations().links());
    }

    private static List<LinkFacts> check(Checking c) {
        return check(c, new NodeNames(c.ctx().diags()));
    }

    @Test
    void aTwoWayLinkIsTwoDirectedLinksAndDistanceIsLightTime() {
        Checking c = Checking.of(NODES + "  link a <-> b { rate = 1 Gbps; distance = 1200 km }\n"
                + "  link b -> g { rate = 300 Mbps; latency = 6 ms }\n  link a -> g { rate = 1 Mbps }\n}\n");
        double light = 1_200_000 / 299_792_458.0;
        assertEquals(
                List.of(
                        new LinkFacts("a", "b", 1e9, light),
                        new LinkFacts("b", "a", 1e9, light),
                        new LinkFacts("b", "g", 3e8, 0.006),
                        new LinkFacts("a", "g", 1e6, 0)),
                check(c));
        assertEquals(List.of(), c.reported());
    }

    @Test
    void linkEndsAreReferencesToTheirDeclarations() {
        Checking c = Checking.of(NODES + "  link a -> g { rate = 1 Gbps }\n}\n");
        NodeNames names = new NodeNames(c.ctx().diags());
        check(c, names);
        LinkDecl link = c.declarations().links().get(0);
        assertSame(c.block("satellite").name().orElseThrow(), names.references().get(link.from()));
        assertSame(c.block("ground").name().orElseThrow(), names.references().get(link.to()));
    }

    @Test
    void distanceAndLatencyExcludeEachOther() {
        Checking c = Checking.of(NODES + "  link a -> b { latency = 2 ms; rate = 1 Gbps; distance = 10 km }\n}\n");
        assertEquals(List.of(new LinkFacts("a", "b", 1e9, 0)), check(c));
        assertEquals(
                List.of("SATC2019 5:48 The link `a -> b` gives both `distance` and `latency`."
                        + " | Give one: `distance` (propagation at the speed of light) or `latency` (measured)."),
                c.reported());
    }

    @Test
    void badLinksAreReportedAndLeftOut() {
        Checking c = Checking.of(NODES
                + "  link a -> a { rate = 1 Gbps }\n"
                + "  link a -> cam { rate = 1 Gbps }\n"
                + "  link a -> b\n"
                + "  link a -> g { rat = 1 Gbps }\n"
                + "  link b -> g { rate = 1 Gbps }\n"
                + "}\n");
        assertEquals(List.of(new LinkFacts("b", "g", 1e9, 0)), check(c));
        assertEquals(
                List.of(
                        "SATC2014 5:8 A link from `a` to itself. | A node needs no link to reach itself; remove it.",
                        "SATC2002 6:13 Unknown satellite or ground station `cam`."
                                + " | Declare it with `satellite cam { ... }` or `ground cam { ... }`.",
                        "SATC2007 7:8 The link `a -> b` has no `rate`. | Add e.g. `{ rate = 0.5 Gbps; distance = 1200 km }`.",
                        "SATC2005 8:17 Unknown attribute `rat` in link `a -> g`. | Did you mean `rate`?"),
                c.reported());
    }

    @Test
    void aDirectionDeclaredTwiceIsReportedOnceAndTheNewDirectionKept() {
        Checking c = Checking.of(NODES + "  link a -> b { rate = 1 Gbps }\n  link b <-> a { rate = 2 Gbps }\n}\n");
        assertEquals(List.of(new LinkFacts("a", "b", 1e9, 0), new LinkFacts("b", "a", 2e9, 0)), check(c));
        assertEquals(
                List.of("SATC2018 6:8 The link `a -> b` is declared twice."
                        + " | The first is on line 5; keep one, or model parallel links as one of their summed rate."),
                c.reported());
    }
}
