package io.satc.compiler.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.satc.compiler.cli.Main;
import io.satc.compiler.testing.RepoPaths;
import io.satc.compiler.testing.Schemas;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every golden JSON output is valid under its schema in docs/schemas/: plans, manifests (and the
 * plan inside each), contact plans and diffs; {@code check --diagnostics=json} on every example;
 * the schemas are valid JSON Schema 2020-12 themselves, and each rejects a document broken in the
 * ways a format drifts (a field missing, renamed or of the wrong type). {@code run --json} is
 * validated where runs happen (RunCommandTest).
 */
class SchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Path> goldens(String suffix) {
        try (Stream<Path> s = Files.walk(RepoPaths.expected())) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Stream<DynamicTest> each(String suffix, String schema, int atLeast) {
        List<Path> files = goldens(suffix);
        assertTrue(files.size() >= atLeast, suffix + " goldens: " + files.size());
        return files.stream()
                .map(p -> DynamicTest.dynamicTest(RepoPaths.relative(p), () -> {
                    JsonNode doc = JSON.readTree(p.toFile());
                    Schemas.assertValid(schema, doc, RepoPaths.relative(p));
                    if (schema.equals("manifest")) {
                        Schemas.assertValid("plan", doc.get("plan"), RepoPaths.relative(p) + "'s plan");
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> planGoldens() {
        return each(".plan.json", "plan", 20);
    }

    @TestFactory
    Stream<DynamicTest> manifestGoldens() {
        return each(".manifest.json", "manifest", 20);
    }

    @TestFactory
    Stream<DynamicTest> contactGoldens() {
        return each(".contacts.json", "contacts", 3);
    }

    @TestFactory
    Stream<DynamicTest> diffGoldens() {
        return each(".diff.json", "diff", 5);
    }

    @Test
    void checkDiagnosticsJsonOfEveryExample() throws IOException {
        List<Path> missions = RepoPaths.missions(RepoPaths.examples());
        int diagnostics = 0;
        for (Path p : missions) {
            StringWriter out = new StringWriter();
            Main.run(
                    new String[] {"check", "--diagnostics=json", p.toString()},
                    new PrintWriter(out, true),
                    new PrintWriter(new StringWriter(), true));
            JsonNode doc = JSON.readTree(out.toString());
            Schemas.assertValid("diagnostics", doc, RepoPaths.relative(p));
            diagnostics += doc.get("diagnostics").size();
        }
        StringWriter all = new StringWriter();
        String[] args = Stream.concat(
                        Stream.of("check", "--diagnostics=json"),
                        missions.stream().map(Path::toString))
                .toArray(String[]::new);
        Main.run(args, new PrintWriter(all, true), new PrintWriter(new StringWriter(), true));
        JsonNode doc = JSON.readTree(all.toString());
        Schemas.assertValid("diagnostics", doc, "every example in one run");
        assertEquals(missions.size(), doc.get("files").asInt());
        assertEquals(diagnostics, doc.get("diagnostics").size());
        assertTrue(diagnostics > 100, "diagnostics validated: " + diagnostics);
    }

    @Test
    void theSchemasAreJsonSchema202012() throws IOException {
        var meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of(SchemaId.V202012));
        for (String name : List.of("diagnostics", "plan", "manifest", "contacts", "run", "diff")) {
            JsonNode schema = JSON.readTree(Schemas.file(name).toFile());
            assertEquals(
                    List.of(),
                    meta.validate(schema).stream().map(Object::toString).toList(),
                    name);
        }
    }

    @Test
    void eachSchemaRejectsADriftedDocument() throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(
                RepoPaths.expected().resolve("link-bound.sat.plan.json").toFile());
        assertDrift("plan", plan, d -> d.remove("workload"));
        assertDrift("plan", plan, d -> ((ObjectNode) d.get("objective")).put("latency_s", "0.2 s"));
        assertDrift("plan", plan, d -> d.put("latency", 0.2));
        assertDrift("plan", plan, d -> ((ObjectNode) d.get("stages").get(0)).put("kind", "relay"));
        assertDrift("plan", plan, d -> d.put("feasible", false)); // infeasible needs reasons, has no objective

        ObjectNode manifest = (ObjectNode) JSON.readTree(
                RepoPaths.expected().resolve("minilm-encoder.sat.manifest.json").toFile());
        assertDrift("manifest", manifest, d -> ((ObjectNode) d.get("stages").get(1)).put("codec_in", "int9"));
        assertDrift("manifest", manifest, d -> ((ObjectNode) d.get("io")).put("kind", "classifier"));
        assertDrift("manifest", manifest, d -> ((ObjectNode) d.get("plan")).putObject("search"));

        ObjectNode contacts = (ObjectNode) JSON.readTree(RepoPaths.expected()
                .resolve("orbits/paper-plane-beijing.sat.contacts.json")
                .toFile());
        assertDrift("contacts", contacts, d -> ((ObjectNode) d.get("contacts").get(0)).put("kind", "laser"));
        assertDrift("contacts", contacts, d -> ((ObjectNode) d.get("horizon")).put("start", "4 Dec 2026"));

        ObjectNode diff = (ObjectNode) JSON.readTree(
                RepoPaths.expected().resolve("diff/more-memory.sat.diff.json").toFile());
        assertDrift("diff", diff, d -> ((ObjectNode) d.get("stages").get(0)).put("change", "update"));
        assertDrift("diff", diff, d -> ((ObjectNode) d.get("uplinks").get(0)).put("extra", 1));

        ObjectNode diagnostics = JSON.createObjectNode();
        diagnostics.put("version", 1).put("files", 1).put("errors", 1).put("warnings", 0);
        ObjectNode one = diagnostics.putArray("diagnostics").addObject();
        one.put("file", "m.sat")
                .put("line", 1)
                .put("column", 1)
                .put("end_line", 1)
                .put("end_column", 2);
        one.put("offset", 0)
                .put("length", 1)
                .put("severity", "error")
                .put("code", "SATC1001")
                .put("message", "Bad.");
        Schemas.assertValid("diagnostics", diagnostics, "a hand-written record");
        assertDrift(
                "diagnostics",
                diagnostics,
                d -> ((ObjectNode) d.get("diagnostics").get(0)).put("code", "E1001"));
        assertDrift(
                "diagnostics",
                diagnostics,
                d -> ((ObjectNode) d.get("diagnostics").get(0)).put("line", 0));
    }

    /** The windows of cost model 2, as shared/spec/orbits.md §4 writes them, fit the plan schema. */
    @Test
    void thePlanSchemaTakesTheSpecsHorizonAndWindows() throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(
                RepoPaths.expected().resolve("link-bound.sat.plan.json").toFile());
        assertFalse(Schemas.problems("plan", withWindows(plan, 1)).isEmpty(), "windows need cost model 2");
        ObjectNode moving = withWindows(plan, 2);
        Schemas.assertValid("plan", moving, "the spec's example");
        ObjectNode dark = moving.deepCopy();
        ObjectNode window = ((ArrayNode) dark.get("windows")).addObject();
        window.put("start_s", 212.4).put("end_s", 260.0).put("dark", true);
        Schemas.assertValid("plan", dark, "a dark window without routes");
        assertDrift("plan", moving, d -> ((ObjectNode) d.get("windows").get(0)).remove("routes"));
        assertDrift("plan", moving, d -> d.remove("horizon"));
        assertDrift("plan", moving, d -> ((ObjectNode) d.get("horizon")).put("coverage", 1.5));
    }

    private static ObjectNode withWindows(ObjectNode plan, int costModel) throws IOException {
        ObjectNode d = plan.deepCopy();
        d.put("cost_model", costModel);
        d.set(
                "horizon",
                JSON.readTree("{ \"start\": \"2026-12-04T00:00:00Z\", \"duration_s\": 5400.0, \"coverage\": 0.97 }"));
        d.set(
                "windows",
                JSON.readTree("[ { \"start_s\": 0.0, \"end_s\": 212.4, \"dark\": false, \"latency_s\": 1.91,"
                        + " \"routes\": { \"input\": [\"shell-03-07\"], \"cuts\": [[\"shell-03-07\", \"shell-03-08\"]],"
                        + " \"output\": [\"shell-04-08\", \"shell-04-09\", \"seattle\"] } } ]"));
        return d;
    }

    private static void assertDrift(String schema, ObjectNode valid, java.util.function.Consumer<ObjectNode> drift) {
        ObjectNode d = valid.deepCopy();
        drift.accept(d);
        assertFalse(Schemas.problems(schema, d).isEmpty(), schema + " accepts a drifted document: " + d);
    }
}
