package io.satc.compiler.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.lower.CodecOption;
import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.LinkSchedule;
import io.satc.compiler.lower.ModelUnit;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.lower.TimeWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Infeasible problems come back as values naming the binding constraint and its numbers. */
class InfeasibilityTest {

    private static PlacementProblem chain(
            double blockWeight, double memory, double loss, OptionalInt maxStages, boolean linked) {
        List<ModelUnit> units = new ArrayList<>();
        for (int u = 0; u < 4; u++) {
            units.add(new ModelUnit("block." + u, blockWeight, 1e10, 1e6));
        }
        List<ComputeNode> nodes = List.of(
                new ComputeNode("s1", NodeKind.SATELLITE, 1e13, memory),
                new ComputeNode("s2", NodeKind.SATELLITE, 1e13, memory),
                new ComputeNode("s3", NodeKind.SATELLITE, 1e13, memory),
                new ComputeNode("g", NodeKind.GROUND, 0, Double.POSITIVE_INFINITY));
        List<Link> links = linked
                ? List.of(
                        new Link("s1", "s2", 1e9, 0.001),
                        new Link("s2", "s3", 1e9, 0.001),
                        new Link("s3", "g", 1e9, 0.001),
                        new Link("s2", "g", 1e9, 0.001),
                        new Link("s1", "g", 1e9, 0.001))
                : List.of();
        List<CodecOption> codecs = List.of(CodecOption.uniform("int4", 3, 4.0, loss, Double.POSITIVE_INFINITY));
        return new PlacementProblem("chain", units, 1e6, 2, 1, nodes, links, codecs, "s1", "g", 0.01, maxStages);
    }

    private static List<String> reasons(SearchResult r) {
        return assertInstanceOf(SearchResult.Infeasible.class, r).reasons();
    }

    @Test
    void unitTooLargeForAnySatellite() {
        List<String> reasons = reasons(Planner.plan(chain(9.1e9, 8e9, 0.001, OptionalInt.empty(), true)));
        assertEquals("Unit 0 (`block.0`) alone needs 9.10 GB; the largest satellite holds 8.00 GB.", reasons.get(0));
        assertEquals(4, reasons.size(), "every oversized unit is named");
    }

    /** The chain's links spread over windows: each window holds only the links named for it. */
    private static PlacementProblem moving(double blockWeight, List<List<String>> windows) {
        PlacementProblem fixed = chain(blockWeight, 8e9, 0.001, OptionalInt.empty(), true);
        List<TimeWindow> out = new ArrayList<>();
        for (int w = 0; w < windows.size(); w++) {
            List<Link> links = new ArrayList<>();
            for (Link l : fixed.links()) {
                if (windows.get(w).contains(l.from() + "-" + l.to())) {
                    links.add(l);
                }
            }
            out.add(new TimeWindow(10.0 * w, 10.0 * (w + 1), links));
        }
        return fixed.withLinks(List.of())
                .withSchedule(Optional.of(new LinkSchedule("2026-12-04T00:00:00Z", 10.0 * windows.size(), out)));
    }

    @Test
    void noWindowReachesTheSink() {
        PlacementProblem p = moving(1e9, List.of(List.of("s1-s2"), List.of("s2-s3")));
        assertEquals(
                List.of("In no window of the horizon does a route lead from source `s1` to sink `g`."),
                reasons(Planner.plan(p)));
    }

    @Test
    void linksNeverUpTogetherMakeNoPlan() {
        // The model needs three satellites (4 GB blocks on 8 GB), whose links are never up at once.
        PlacementProblem p = moving(3e9, List.of(List.of("s1-s2", "s1-g"), List.of("s2-s3", "s2-g"), List.of("s3-g")));
        assertEquals(
                List.of(
                        "Plans fit in memory and the loss budget over the links of the whole horizon, but every one has a"
                                + " transfer without a route in every window (links that are never up at the same time make no"
                                + " route)."),
                reasons(Planner.plan(p)));
    }

    @Test
    void memoryBindsOverTheHorizonToo() {
        PlacementProblem p = moving(9.1e9, List.of(List.of("s1-g"), List.of("s1-s2", "s2-g")));
        List<String> reasons = reasons(Planner.plan(p));
        assertEquals("Unit 0 (`block.0`) alone needs 9.10 GB; the largest satellite holds 8.00 GB.", reasons.get(0));
    }

    @Test
    void nothingReachable() {
        List<String> reasons = reasons(Planner.plan(chain(1e9, 8e9, 0.001, OptionalInt.empty(), false)));
        assertEquals(List.of("No satellite or ground station with compute can reach sink `g`."), reasons);
    }

    @Test
    void stageLimitBinds() {
        // Each satellite holds one 3 GB block plus activations; four blocks need four stages, but only
        // three satellites have compute and at most two stages are allowed.
        List<String> reasons = reasons(Planner.plan(chain(3e9, 4e9, 0.001, OptionalInt.of(2), true)));
        assertTrue(reasons.get(0).startsWith("The model needs at least 4 stages to fit in memory"), reasons.get(0));
        assertTrue(reasons.get(0).endsWith("max_stages is 2."), reasons.get(0));
    }

    @Test
    void fixedCodecOverBudgetNamesTheCheapestCut() {
        // Two blocks per satellite: a cut is needed, and every int4 cut costs 1.4 % against a 1 % budget.
        PlacementProblem p = chain(3e9, 7e9, 0.014, OptionalInt.empty(), true);
        List<String> reasons = reasons(Planner.plan(p, SearchOptions.EXACT.onlyCodecs(List.of("int4"))));
        assertEquals(
                List.of("Every plan that fits needs a cut, and the cheapest cut with codec `int4` costs 1.40 %"
                        + " loss; the budget is 1.00 %."),
                reasons);
        // With every codec, `none` is lossless and a plan exists.
        assertInstanceOf(SearchResult.Found.class, Planner.plan(p));
    }

    @Test
    void problemValidationRejectsBugs() {
        assertThrowsIae(() -> new CodecOption("none", List.of(2.0), List.of(0.0), Double.POSITIVE_INFINITY));
        assertThrowsIae(() -> new PlacementProblem(
                "x",
                List.of(new ModelUnit("u", 1, 1, 1)),
                1,
                3,
                2,
                List.of(new ComputeNode("s", NodeKind.SATELLITE, 1, 1), new ComputeNode("g", NodeKind.GROUND, 1, 1)),
                List.of(),
                List.of(),
                "s",
                "g",
                0,
                OptionalInt.empty()));
        PlacementProblem ok = new PlacementProblem(
                "x",
                List.of(new ModelUnit("u", 1, 1, 1)),
                1,
                4,
                2,
                List.of(new ComputeNode("s", NodeKind.SATELLITE, 1, 1), new ComputeNode("g", NodeKind.GROUND, 1, 1)),
                List.of(),
                List.of(),
                "s",
                "g",
                0,
                OptionalInt.empty());
        assertEquals(
                List.of("none"), ok.codecs().stream().map(CodecOption::name).toList(), "none is added");
    }

    private static void assertThrowsIae(org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, e);
    }
}
