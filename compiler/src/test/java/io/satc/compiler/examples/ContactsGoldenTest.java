package io.satc.compiler.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.satc.compiler.cli.CheckCommand;
import io.satc.compiler.codegen.ContactPlanJson;
import io.satc.compiler.codegen.ContactPlanText;
import io.satc.compiler.lower.OrbitLowering;
import io.satc.compiler.orbit.ContactPlan;
import io.satc.compiler.orbit.OrbitGeometry;
import io.satc.compiler.sema.AnalyzedMission;
import io.satc.compiler.testing.Golden;
import io.satc.compiler.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code satc contacts} on every valid example with a {@code horizon}: the text and the JSON are
 * golden ({@code expected/orbits/NAME.sat.contacts.txt}, {@code .contacts.json}), two runs give the
 * same bytes, and the JSON keeps the contract's §3: every satellite of the mission (less those left
 * out), ISLs once per pair with {@code a < b}, ground contacts with the satellite as {@code a} and an
 * elevation, times inside the horizon.
 */
class ContactsGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> eachMovingExampleHasItsContactPlan() {
        return ValidExamplesTest.validExamples().stream()
                .filter(ValidExamplesTest::moves)
                .map(p -> DynamicTest.dynamicTest(RepoPaths.relative(p), () -> check(p)));
    }

    private static void check(Path p) throws IOException {
        AnalyzedMission mission = CheckCommand.check(p, RepoPaths.relative(p))
                .analysis()
                .mission()
                .orElseThrow();
        ContactPlan plan = solve(mission);
        String text = ContactPlanText.render(plan);
        String json = ContactPlanJson.render(plan);
        ContactPlan again = solve(mission);
        assertEquals(text, ContactPlanText.render(again), "contact text differs between two runs");
        assertEquals(json, ContactPlanJson.render(again), "contact JSON differs between two runs");

        JsonNode doc = JSON.readTree(json);
        assertEquals(1, doc.get("format_version").asInt());
        assertEquals(
                mission.horizon().orElseThrow().start().toString(),
                doc.get("horizon").get("start").asText());
        double duration = doc.get("horizon").get("duration_s").asDouble();
        Set<String> satellites = new HashSet<>();
        doc.get("satellites").forEach(s -> satellites.add(s.get("name").asText()));
        assertEquals(
                mission.satellites().stream().filter(s -> s.orbit().isPresent()).count()
                        - plan.failures().size(),
                satellites.size());
        Set<String> stations = new HashSet<>();
        mission.grounds().forEach(g -> stations.add(g.name()));
        Set<String> pairs = new HashSet<>();
        for (JsonNode c : doc.get("contacts")) {
            String a = c.get("a").asText();
            String b = c.get("b").asText();
            double start = c.get("start_s").asDouble();
            double end = c.get("end_s").asDouble();
            assertTrue(0 <= start && start < end && end <= duration, c::toString);
            assertTrue(satellites.contains(a), c::toString);
            if (c.get("kind").asText().equals("isl")) {
                assertTrue(a.compareTo(b) < 0 && satellites.contains(b), c::toString);
                assertTrue(!c.has("max_elevation_deg"), c::toString);
            } else {
                assertEquals("ground", c.get("kind").asText());
                assertTrue(stations.contains(b) && c.has("max_elevation_deg"), c::toString);
            }
            pairs.add(a + " " + b);
        }
        assertTrue(!pairs.isEmpty(), "an example without contacts shows nothing");

        Map<Path, String> goldens = new LinkedHashMap<>();
        goldens.put(RepoPaths.expectedFor(p, ".contacts.txt"), text);
        goldens.put(RepoPaths.expectedFor(p, ".contacts.json"), json);
        Golden.assertAll(goldens);
    }

    private static ContactPlan solve(AnalyzedMission mission) {
        return OrbitGeometry.of(OrbitLowering.scenario(mission).orElseThrow()).contacts();
    }
}
