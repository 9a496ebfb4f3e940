package io.satc.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.LinkSchedule;
import io.satc.compiler.lower.ModelUnit;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.lower.TimeWindow;
import io.satc.compiler.plan.Baselines;
import io.satc.compiler.plan.HorizonEvaluation;
import io.satc.compiler.plan.Planner;
import io.satc.compiler.plan.SearchResult;
import io.satc.compiler.testing.Schemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * A plan over a horizon of three windows (the first downlinks through {@code b}, the second has no
 * contact with the station, the third downlinks through {@code c}) in both renderings: the JSON's
 * {@code horizon} and {@code windows} fields of shared/spec/orbits.md §4, and the text's table.
 */
class HorizonPlanRenderingTest {

    private static PlacementProblem problem() {
        List<ComputeNode> nodes = List.of(
                new ComputeNode("a", NodeKind.SATELLITE, 5e12, 8e9),
                new ComputeNode("b", NodeKind.SATELLITE, 5e12, 8e9),
                new ComputeNode("c", NodeKind.SATELLITE, 5e12, 8e9),
                new ComputeNode("g", NodeKind.GROUND, 1e14, Double.POSITIVE_INFINITY));
        List<Link> always = new ArrayList<>();
        for (String[] l : new String[][] {{"a", "b"}, {"b", "a"}, {"b", "c"}, {"c", "b"}}) {
            always.add(new Link(l[0], l[1], 1e9, 0.005));
        }
        List<ModelUnit> units = List.of(new ModelUnit("u0", 1e9, 1e11, 1e6), new ModelUnit("u1", 1e9, 1e11, 1e4));
        LinkSchedule schedule = new LinkSchedule(
                "2026-12-04T00:00:00Z",
                30.0,
                List.of(
                        new TimeWindow(0.0, 10.0, List.of(new Link("b", "g", 5e8, 0.004))),
                        new TimeWindow(10.0, 20.0, List.of()),
                        new TimeWindow(20.0, 30.0, List.of(new Link("c", "g", 5e8, 0.003)))));
        return new PlacementProblem(
                "three-windows",
                units,
                1e3,
                4,
                2,
                nodes,
                always,
                List.of(),
                "a",
                "g",
                0.0,
                OptionalInt.empty(),
                Optional.of(schedule));
    }

    private static PlanOutcome outcome() {
        PlacementProblem p = problem();
        SearchResult r = Planner.plan(p);
        return new PlanOutcome(p, r, Baselines.compute(p, r));
    }

    @Test
    void jsonCarriesTheHorizonAndEveryWindow() throws Exception {
        PlanOutcome outcome = outcome();
        HorizonEvaluation h = outcome.horizon().orElseThrow();
        assertEquals("g[0..1]", h.plan().toString());
        JsonNode doc = new ObjectMapper().readTree(PlanJson.render(outcome));
        Schemas.assertValid("plan", doc, "the plan over three windows");
        assertEquals(2, doc.get("cost_model").asInt());
        assertEquals(h.latencySeconds(), doc.get("objective").get("latency_s").asDouble());
        JsonNode horizon = doc.get("horizon");
        assertEquals(List.of("start", "duration_s", "coverage"), names(horizon));
        assertEquals("2026-12-04T00:00:00Z", horizon.get("start").asText());
        assertEquals(30.0, horizon.get("duration_s").asDouble());
        assertEquals(2.0 / 3, horizon.get("coverage").asDouble(), 1e-12);
        JsonNode windows = doc.get("windows");
        assertEquals(3, windows.size());
        assertEquals(List.of("start_s", "end_s", "dark", "latency_s", "routes"), names(windows.get(0)));
        assertEquals(List.of("input", "cuts", "output"), names(windows.get(0).get("routes")));
        assertEquals(
                "[\"a\",\"b\",\"g\"]", windows.get(0).get("routes").get("input").toString());
        assertEquals("[\"g\"]", windows.get(0).get("routes").get("output").toString());
        assertEquals(0, windows.get(0).get("routes").get("cuts").size());
        assertTrue(windows.get(1).get("dark").asBoolean());
        assertTrue(windows.get(1).get("latency_s").isNull());
        assertTrue(!windows.get(1).has("routes"), "a dark window has no routes");
        assertEquals(
                "[\"a\",\"b\",\"c\",\"g\"]",
                windows.get(2).get("routes").get("input").toString());
        for (int w = 0; w < 3; w++) {
            if (!h.windows().get(w).dark()) {
                assertEquals(
                        h.windows().get(w).latencySeconds(),
                        windows.get(w).get("latency_s").asDouble());
            }
        }
        // The worst window is the third (one more hop); the cost-model-1 fields describe it.
        assertEquals(2, h.worstWindow());
        assertEquals(
                "[\"a\",\"b\",\"c\",\"g\"]",
                doc.get("transfers").get("input_route").toString());
        assertEquals(
                h.windows().get(2).latencySeconds(),
                doc.get("objective").get("latency_s").asDouble());
        assertEquals(
                outcome.result().stats().prunedNodes(),
                doc.get("search").get("pruned_nodes").asInt());
    }

    @Test
    void anInfeasibleHorizonIsValidToo() throws Exception {
        PlacementProblem p = problem()
                .withNodes(List.of(
                        new ComputeNode("a", NodeKind.SATELLITE, 5e12, 1e9),
                        new ComputeNode("b", NodeKind.SATELLITE, 5e12, 1e9),
                        new ComputeNode("c", NodeKind.SATELLITE, 5e12, 1e9),
                        new ComputeNode("g", NodeKind.GROUND, 1e14, 1e9)));
        SearchResult r = Planner.plan(p);
        PlanOutcome outcome = new PlanOutcome(p, r, Baselines.compute(p, r));
        JsonNode doc = new ObjectMapper().readTree(PlanJson.render(outcome));
        Schemas.assertValid("plan", doc, "an infeasible plan over three windows");
        assertEquals(0.0, doc.get("horizon").get("coverage").asDouble());
        assertEquals(0, doc.get("windows").size());
    }

    @Test
    void textShowsCoverageDarkSpansAndTheDownlinks() {
        String text = PlanText.render(outcome(), false);
        assertTrue(text.contains("(cost model 2)"), text);
        assertTrue(text.contains("Horizon: one placement for 30.0 s from 2026-12-04T00:00:00Z, in 3 windows"), text);
        assertTrue(text.contains("coverage 66.67 %; dark 10.0 s in 1 span: 10.0-20.0 s"), text);
        String table = text.substring(text.indexOf("  from"));
        List<String> rows = table.lines().limit(4).toList();
        assertEquals("from", rows.get(0).trim().split("\\s+")[0], table);
        assertTrue(rows.get(1).matches("\\s*0\\.0 s\\s+10\\.0 s\\s+1\\s+\\S+ ms\\s+b"), rows.get(1));
        assertTrue(rows.get(2).matches("\\s*10\\.0 s\\s+20\\.0 s\\s+1\\s+dark\\s+-"), rows.get(2));
        assertTrue(rows.get(3).matches("\\s*20\\.0 s\\s+30\\.0 s\\s+1\\s+\\S+ ms\\s+c"), rows.get(3));
        assertTrue(text.contains("the node filter left out"), text);
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
