package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The mission's `source` satellite and `sink` ground station. */
class EndpointCheckerTest {

    private static final String NODES = "mission m {\n  satellite leo-1 {}\n  ground gs {}\n";

    private record Ends(Optional<String> source, Optional<String> sink) {}

    private static Ends check(Checking c) {
        NodeNames names = new NodeNames(c.ctx().diags());
        new NodeChecker(c.ctx(), names, false, java.util.Optional.empty())
                .check(c.blocks("satellite"), c.blocks("ground"), java.util.List.of());
        EndpointChecker endpoints = new EndpointChecker(c.ctx(), names);
        return new Ends(
                endpoints.source(c.mission(), c.declarations().attribute("source")),
                endpoints.sink(c.mission(), c.declarations().attribute("sink")));
    }

    @Test
    void bareAndQuotedNamesResolve() {
        Checking c = Checking.of(NODES + "  source = leo-1\n  sink = \"gs\"\n}\n");
        assertEquals(new Ends(Optional.of("leo-1"), Optional.of("gs")), check(c));
        assertEquals(List.of(), c.reported());
    }

    @Test
    void bothMustBeGiven() {
        Checking c = Checking.of(NODES + "}\n");
        assertEquals(new Ends(Optional.empty(), Optional.empty()), check(c));
        assertEquals(
                List.of(
                        "SATC2010 1:9 Mission `m` has no `source`. | Add `source = <satellite>`: where the batch is captured.",
                        "SATC2010 1:9 Mission `m` has no `sink`. | Add `sink = <ground station>`: where results must arrive."),
                c.reported());
    }

    @Test
    void eachMustNameANodeOfItsKind() {
        Checking c = Checking.of(NODES + "  source = gs\n  sink = leo-1\n}\n");
        assertEquals(new Ends(Optional.empty(), Optional.empty()), check(c));
        assertEquals(
                List.of(
                        "SATC2012 4:12 The source `gs` is a ground station, not a satellite."
                                + " | The source is the satellite that captures the data; results go to the `sink`.",
                        "SATC2013 5:10 The sink `leo-1` is a satellite, not a ground station."
                                + " | Results must arrive at a ground station; declare one with `ground NAME { ... }`."),
                c.reported());
    }

    @Test
    void unknownNamesAndOtherValuesAreReported() {
        Checking c = Checking.of(NODES + "  source = leo-2\n  sink = 3\n}\n");
        assertEquals(new Ends(Optional.empty(), Optional.empty()), check(c));
        assertEquals(
                List.of(
                        "SATC2002 4:12 Unknown satellite or ground station `leo-2`. | Did you mean `leo-1`?",
                        "SATC3009 5:10 `sink` expects a name such as `leo-1`, found the number `3`."),
                c.reported());
    }
}
