package io.satc.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.satc.compiler.orbit.Contact;
import io.satc.compiler.orbit.ContactKind;
import io.satc.compiler.orbit.ContactPlan;
import io.satc.compiler.orbit.Horizon;
import io.satc.compiler.orbit.PropagationFailure;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The three renderings of one small contact plan, pinned exactly. */
class ContactPlanRenderersTest {

    private static final ContactPlan PLAN = new ContactPlan(
            new Horizon(Instant.parse("2026-12-04T00:00:00Z"), 5400),
            List.of("shell-00-00", "shell-00-01", "shell-03-07"),
            List.of("seattle"),
            List.of(
                    new Contact(
                            "shell-00-00",
                            "shell-00-01",
                            ContactKind.ISL,
                            0,
                            5400,
                            1971.9214,
                            1971.9214,
                            OptionalDouble.empty(),
                            100e9),
                    new Contact(
                            "shell-03-07",
                            "seattle",
                            ContactKind.GROUND,
                            1234.5004,
                            1501.2,
                            612.0,
                            1190.2996,
                            OptionalDouble.of(71.23456),
                            0.5e9),
                    new Contact(
                            "shell-00-01",
                            "shell-03-07",
                            ContactKind.ISL,
                            2000.2,
                            2000.9,
                            4999.0,
                            5000.0,
                            OptionalDouble.empty(),
                            10e9)),
            List.of(new PropagationFailure("tle-24794", 0, "the mean eccentricity reached 1")));

    @Test
    void jsonIsTheContractsDocument() throws Exception {
        String json = ContactPlanJson.render(PLAN);
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals(1, root.get("format_version").asInt());
        assertEquals("2026-12-04T00:00:00Z", root.get("horizon").get("start").asText());
        assertEquals(5400.0, root.get("horizon").get("duration_s").asDouble());
        assertEquals(3, root.get("satellites").size());
        assertEquals("shell-00-00", root.get("satellites").get(0).get("name").asText());
        JsonNode ground = root.get("contacts").get(1);
        assertEquals("shell-03-07", ground.get("a").asText());
        assertEquals("seattle", ground.get("b").asText());
        assertEquals("ground", ground.get("kind").asText());
        assertEquals(71.235, ground.get("max_elevation_deg").asDouble());
        assertTrue(!root.get("contacts").get(0).has("max_elevation_deg"));
        assertTrue(json.contains("\"start_s\" : 1234.500,"), json);
        assertTrue(json.contains("\"max\" : 1190.300"), json);
        assertTrue(json.contains("\"duration_s\" : 5400.000"), json);
        assertTrue(json.contains("\"start_s\" : 0.000,"), json);
        assertEquals(
                List.of("a", "b", "kind", "start_s", "end_s", "range_km", "max_elevation_deg"),
                iterable(ground.fieldNames()));
        assertEquals(List.of("format_version", "horizon", "satellites", "contacts"), iterable(root.fieldNames()));
    }

    @Test
    void textSummarisesEachKindAndListsThePasses() {
        assertEquals(
                String.join(
                        "\n",
                        "Contact plan: 2026-12-04T00:00:00Z for 5400.000 s, 3 satellites, 1 ground station",
                        "Left out: tle-24794, SGP4 failed at 0.000 s: the mean eccentricity reached 1.",
                        "",
                        "link    contacts  pairs  up at start  mean        shortest   longest     range km",
                        "isl     2         2      1            2700.350 s  0.700 s    5400.000 s  1971.921 - 5000.000",
                        "ground  1         1      0            266.700 s   266.700 s  266.700 s   612.000 - 1190.300",
                        "",
                        "Ground passes:",
                        "  satellite    station  start s   end s     duration s  max elevation  range km",
                        "  shell-03-07  seattle  1234.500  1501.200  266.700     71.2 deg       612.000 - 1190.300",
                        ""),
                ContactPlanText.render(PLAN));
    }

    @Test
    void ionHasNumberedNodesOneWayContactsAndWholeLightSeconds() {
        assertEquals(
                String.join(
                        "\n",
                        "# satc contact plan for ION's ionadmin: horizon 2026-12-04T00:00:00Z for 5400.000 s",
                        "# times: seconds after the @ reference (the horizon start), rounded inwards to whole seconds",
                        "# rates: bytes/s; ranges: one-way light time in whole light-seconds, rounded up",
                        "# ION node numbers:",
                        "#   1 shell-00-00",
                        "#   2 shell-00-01",
                        "#   3 shell-03-07",
                        "#   4 seattle",
                        "@ 2026/12/04-00:00:00",
                        "a contact +0 +5400 1 2 12500000000",
                        "a contact +0 +5400 2 1 12500000000",
                        "a range +0 +5400 1 2 1",
                        "a contact +1235 +1501 3 4 62500000",
                        "a range +1235 +1501 3 4 1",
                        ""),
                IonContactPlan.render(PLAN));
    }

    @Test
    void aSolvedPlanRendersToTheSameBytesEveryTime() {
        io.satc.compiler.orbit.WalkerDelta w = new io.satc.compiler.orbit.WalkerDelta(
                "iri", 6, 11, 2, 780, Math.toRadians(86.4), io.satc.compiler.orbit.Propagation.TWO_BODY);
        io.satc.compiler.orbit.Scenario s = new io.satc.compiler.orbit.Scenario(
                new Horizon(Instant.parse("2026-12-04T00:00:00Z"), 5400),
                w.satellites(),
                List.of(new io.satc.compiler.orbit.GroundStation(
                        "beijing", Math.toRadians(39.9), Math.toRadians(116.4), 0.04, Math.toRadians(10), 1e9)),
                List.of(new io.satc.compiler.orbit.LinkRule.Grid(w, 10e9, 4000)));
        String first = ContactPlanJson.render(
                io.satc.compiler.orbit.OrbitGeometry.of(s).contacts());
        String again = ContactPlanJson.render(
                io.satc.compiler.orbit.OrbitGeometry.of(s).contacts());
        assertEquals(first, again);
        assertEquals(
                IonContactPlan.render(io.satc.compiler.orbit.OrbitGeometry.of(s).contacts()),
                IonContactPlan.render(io.satc.compiler.orbit.OrbitGeometry.of(s).contacts()));
        assertTrue(first.contains("\"kind\" : \"ground\""), first);
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
