package io.satc.compiler.lsp;

import static io.satc.compiler.lsp.LspClient.F;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.satc.compiler.cli.CheckCommand;
import io.satc.compiler.diag.Diagnostic;
import io.satc.compiler.source.SourceFile;
import io.satc.compiler.syntax.MissionParser;
import io.satc.compiler.syntax.format.MissionFormatter;
import io.satc.compiler.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code satc lsp} driven as an editor drives it: one server process for the class, spoken to
 * over its stdin and stdout pipes. Each test opens its own document URI so tests do not see
 * each other's text.
 */
class LspServerTest {

    private static LspClient client;
    private static JsonNode capabilities;

    @BeforeAll
    static void start() throws Exception {
        client = LspClient.start();
        capabilities = client.initialize(RepoPaths.root());
    }

    @AfterAll
    static void stop() throws Exception {
        client.result("shutdown", null);
        client.notify("exit", F.objectNode());
        assertEquals(0, client.waitFor(Duration.ofSeconds(20)), client.stderr());
        client.close();
    }

    /** A URI in examples/, so that files a mission names resolve as they would on disk. */
    private static String uri(String name) {
        return RepoPaths.examples().resolve(name).toUri().toString();
    }

    private static String example(String name) throws Exception {
        return Files.readString(RepoPaths.examples().resolve(name));
    }

    /** 0-based line and UTF-16 character of the {@code nth} occurrence of {@code needle}, plus {@code delta}. */
    static int[] find(String text, String needle, int nth, int delta) {
        int at = -1;
        for (int i = 0; i <= nth; i++) {
            at = text.indexOf(needle, at + 1);
            assertTrue(at >= 0, "no " + needle);
        }
        at += delta;
        SourceFile s = SourceFile.ofString("x", text);
        int line = s.line(at);
        return new int[] {line - 1, at - s.lineStart(line)};
    }

    private static JsonNode at(String uri, int[] pos) {
        return LspClient.at(uri, pos[0], pos[1]);
    }

    @Test
    void advertisesWhatItAnswers() {
        for (String c : List.of(
                "hoverProvider",
                "definitionProvider",
                "referencesProvider",
                "documentSymbolProvider",
                "documentFormattingProvider",
                "completionProvider")) {
            assertTrue(capabilities.has(c), c + " in " + capabilities);
        }
        assertEquals(2, capabilities.get("textDocumentSync").get("change").asInt(), "incremental sync");
    }

    @Test
    void diagnosticsOnOpenAreThoseOfSatcCheck() throws Exception {
        for (String name : List.of(
                "errors/wrong-dimension-memory-rate.sat",
                "errors/syntax-recovery-many.sat",
                "errors/unknown-node-typo.sat")) {
            String uri = uri(name);
            client.open(uri, example(name));
            JsonNode published = client.awaitDiagnostics(uri, 1);
            Path file = RepoPaths.examples().resolve(name);
            List<Diagnostic> expected = CheckCommand.check(file.toString()).diagnostics();
            List<String> want = new ArrayList<>();
            for (Diagnostic d : expected) {
                want.add((d.line() - 1) + ":" + d.code().id() + ":"
                        + d.severity().label());
            }
            List<String> got = new ArrayList<>();
            for (JsonNode d : published.get("diagnostics")) {
                got.add(d.get("range").get("start").get("line").asInt() + ":"
                        + d.get("code").asText() + ":" + (d.get("severity").asInt() == 1 ? "error" : "warning"));
                assertEquals("satc", d.get("source").asText());
            }
            assertEquals(want, got, name);
            assertFalse(got.isEmpty(), name);
        }
    }

    @Test
    void hoverShowsBaseUnitsAndASatellitesFreeMemoryUnderThePlan() throws Exception {
        String uri = uri("link-bound.sat");
        String text = example("link-bound.sat");
        client.open(uri, text);
        client.awaitDiagnostics(uri, 1);

        JsonNode memory = client.result("textDocument/hover", at(uri, find(text, "30 MB", 0, 1)));
        assertEquals(
                "`memory = 30 MB` = 30,000,000 bytes (data)",
                memory.get("contents").get("value").asText());
        JsonNode key = client.result("textDocument/hover", at(uri, find(text, "memory = 30 MB", 0, 2)));
        assertEquals(
                "`memory = 30 MB` = 30,000,000 bytes (data)",
                key.get("contents").get("value").asText());
        assertRange(key.get("range"), find(text, "memory = 30 MB", 0, 0), "memory".length());
        JsonNode rate = client.result("textDocument/hover", at(uri, find(text, "100 Mbps", 0, 0)));
        assertEquals(
                "`rate = 100 Mbps` = 100,000,000 bit/s (rate)",
                rate.get("contents").get("value").asText());
        JsonNode unit = client.result("textDocument/hover", at(uri, find(text, "Mbps", 0, 2)));
        assertEquals(
                "`Mbps`: a unit of rate; 1 Mbps = 1,000,000 bit/s",
                unit.get("contents").get("value").asText());

        // The plan is made in the background; the hover says so until it is there.
        String worker = "";
        for (int i = 0; i < 100 && !worker.contains("free memory"); i++) {
            worker = client.result("textDocument/hover", at(uri, find(text, "worker", 0, 2)))
                    .get("contents")
                    .get("value")
                    .asText();
            if (!worker.contains("free memory")) {
                assertTrue(worker.contains("Plan: being computed"), worker);
                Thread.sleep(100);
            }
        }
        assertEquals(
                "**satellite** `worker`\n\n"
                        + "- `compute = 2 TFLOPS` = 2,000,000,000,000 FLOP/s\n"
                        + "- `memory = 512 MB` = 512,000,000 bytes\n\n"
                        + "Plan (`cam[0..0] -int8-> worker[1..13]`): stage 2 runs units 1..13 and needs 43.96 MB of"
                        + " 512.00 MB: **free memory 468.04 MB**.",
                worker);
        JsonNode range = client.result("textDocument/hover", at(uri, find(text, "worker", 0, 2)))
                .get("range");
        assertRange(range, find(text, "worker", 0, 0), "worker".length());
    }

    @Test
    void aHoverSaysWhyThereIsNoPlanWhenPlanningIsNotCheap() throws Exception {
        String onnx = uri("minilm-encoder.sat");
        String text = example("minilm-encoder.sat");
        client.open(onnx, text);
        client.awaitDiagnostics(onnx, 1);
        String leo = client.result("textDocument/hover", at(onnx, find(text, "satellite leo-b", 0, 11)))
                .get("contents")
                .get("value")
                .asText();
        assertTrue(
                leo.endsWith("Plan: not planned in the editor: the model is an ONNX file, which planning loads and may"
                        + " calibrate (run `satc plan`)."),
                leo);

        String large = "file:///tmp/satc-lsp-test/four-hundred.sat";
        String many = LargeMissions.generate(400);
        client.open(large, many);
        client.awaitDiagnostics(large, 1);
        String sat = client.result("textDocument/hover", at(large, find(many, "satellite sat-7 ", 0, 11)))
                .get("contents")
                .get("value")
                .asText();
        assertTrue(
                sat.endsWith("Plan: not planned in the editor: 401 nodes are more than " + MissionPlanner.MAX_NODES
                        + ", too many to plan on every edit (run `satc plan`)."),
                sat);

        String broken = "file:///tmp/satc-lsp-test/broken-sink.sat";
        String withError = example("link-bound.sat").replace("sink = gs", "sink = gz");
        client.open(broken, withError);
        client.awaitDiagnostics(broken, 1);
        String cam = client.result("textDocument/hover", at(broken, find(withError, "satellite cam", 0, 10)))
                .get("contents")
                .get("value")
                .asText();
        assertTrue(cam.endsWith("Plan: the mission has errors; the plan is shown once they are fixed."), cam);
    }

    @Test
    void definitionAndReferencesOfNodesAndCodecs() throws Exception {
        String text = "mission m {\n"
                + "  model v { arch = vit(layers = 2, hidden = 8, mlp = 8, heads = 1, patch = 4, image = 8) }\n"
                + "  codec mask { ratio = 4x; loss = 0.1 % }\n"
                + "  codecs = [int8, mask]\n"
                + "  satellite a { compute = 1 TFLOPS; memory = 1 GB }\n"
                + "  satellite b { compute = 1 TFLOPS; memory = 1 GB }\n"
                + "  ground g { compute = 1 TFLOPS }\n"
                + "  link a <-> b { rate = 1 Gbps; distance = 10 km }\n"
                + "  link b -> g { rate = 1 Gbps; distance = 10 km }\n"
                + "  source = a\n"
                + "  sink = g\n"
                + "}\n";
        String uri = "file:///tmp/satc-lsp-test/refs.sat";
        client.open(uri, text);
        client.awaitDiagnostics(uri, 1);

        JsonNode def = client.result("textDocument/definition", at(uri, find(text, "b -> g", 0, 0)));
        assertEquals(1, def.size());
        assertEquals(uri, def.get(0).get("uri").asText());
        assertRange(def.get(0).get("range"), find(text, "satellite b", 0, 10), 1);

        ObjectNode refs = (ObjectNode) at(uri, find(text, "satellite b", 0, 10));
        refs.putObject("context").put("includeDeclaration", true);
        JsonNode all = client.result("textDocument/references", refs);
        assertEquals(3, all.size(), all.toString()); // the declaration and both links
        refs.putObject("context").put("includeDeclaration", false);
        assertEquals(2, client.result("textDocument/references", refs).size());

        JsonNode codec = client.result("textDocument/definition", at(uri, find(text, "mask]", 0, 1)));
        assertRange(codec.get(0).get("range"), find(text, "codec mask", 0, 6), 4);
        JsonNode sink = client.result("textDocument/definition", at(uri, find(text, "sink = g", 0, 7)));
        assertRange(sink.get(0).get("range"), find(text, "ground g", 0, 7), 1);
        assertEquals(
                0,
                client.result("textDocument/definition", at(uri, find(text, "int8", 0, 1)))
                        .size(),
                "a built-in codec has no declaration");
    }

    @Test
    void aConstellationsSatellitesResolveToTheConstellation() throws Exception {
        String name = "orbits/starlink-shell.sat";
        String uri = uri(name);
        String text = example(name);
        client.open(uri, text);
        JsonNode diagnostics = client.awaitDiagnostics(uri, 1).get("diagnostics");
        assertEquals(0, diagnostics.size(), diagnostics.toString());
        JsonNode def = client.result("textDocument/definition", at(uri, find(text, "shell-03-07", 0, 3)));
        assertRange(def.get(0).get("range"), find(text, "constellation shell", 0, 14), 5);
        String hover = client.result("textDocument/hover", at(uri, find(text, "shell-03-07", 0, 3)))
                .get("contents")
                .get("value")
                .asText();
        assertTrue(hover.startsWith("**constellation** `shell` — `shell-03-07` is one of its satellites\n"), hover);
        assertTrue(hover.contains("- `memory = 8 GB` = 8,000,000,000 bytes"), hover);
        String altitude = client.result("textDocument/hover", at(uri, find(text, "altitude = 550 km", 0, 12)))
                .get("contents")
                .get("value")
                .asText();
        assertEquals("`altitude = 550 km` = 550,000 m (length)", altitude);
        String seattle = client.result("textDocument/hover", at(uri, find(text, "sink = seattle", 0, 8)))
                .get("contents")
                .get("value")
                .asText();
        assertTrue(seattle.contains("\n\nPlan: "), seattle);
        assertFalse(seattle.contains("free memory"), "a moving mission is not planned by cost model 1: " + seattle);

        // In the constellation block, the attributes it does not have yet.
        int[] isl = find(text, "    isl = grid", 0, 0);
        String typed = insertLine(text, isl[0] + 1, "    ");
        client.change(uri, 2, typed);
        assertEquals(List.of(), labels(client.result("textDocument/completion", LspClient.at(uri, isl[0] + 1, 4))));
        client.change(uri, 3, typed.replace("    memory = 8 GB\n", ""));
        client.awaitDiagnostics(uri, 3); // which attributes a block has comes from the last parse
        assertEquals(List.of("memory"), labels(client.result("textDocument/completion", LspClient.at(uri, isl[0], 4))));
    }

    @Test
    void completesAttributesUnitsNodesAndCodecs() throws Exception {
        String base = example("link-bound.sat");
        String uri = uri("completion.sat");
        client.open(uri, base);
        client.awaitDiagnostics(uri, 1);

        // A new line being typed in a satellite block: the file no longer parses.
        int[] p = find(base, "satellite worker { compute = 2 TFLOPS; memory = 512 MB }", 0, 0);
        String text = insertLine(base, p[0] + 1, "  satellite extra { compute = 1 TFLOPS; me");
        client.change(uri, 2, text);
        assertEquals(
                List.of("memory"), labels(client.result("textDocument/completion", LspClient.at(uri, p[0] + 1, 43))));

        text = insertLine(base, p[0] + 1, "  satellite extra { compute = 1 TFLOPS; memory = 8 ");
        client.change(uri, 3, text);
        JsonNode units = client.result("textDocument/completion", LspClient.at(uri, p[0] + 1, 51));
        List<String> unitLabels = labels(units);
        assertTrue(unitLabels.containsAll(List.of("GB", "MiB", "Gbps", "%", "km")), unitLabels.toString());
        String firstBySort = firstBySortText(units);
        assertTrue(
                List.of("B", "GB", "GiB", "KiB", "MB", "MiB", "TB", "TiB", "bit", "kB", "kbit", "Gbit", "Mbit")
                        .contains(firstBySort),
                "data units first, as `memory` is data elsewhere: " + firstBySort);

        text = insertLine(base, p[0] + 1, "  link cam -> w");
        client.change(uri, 4, text);
        assertEquals(
                List.of("worker"), labels(client.result("textDocument/completion", LspClient.at(uri, p[0] + 1, 16))));

        int[] src = find(base, "source = cam", 0, 0);
        text = base.replace("source = cam", "source = ");
        client.change(uri, 5, text);
        assertEquals(
                List.of("cam", "worker"),
                labels(client.result("textDocument/completion", LspClient.at(uri, src[0], src[1] + 9))));

        int[] codecs = find(base, "codecs = [int8]", 0, 0);
        text = base.replace("codecs = [int8]", "codecs = [int8, ");
        client.change(uri, 6, text);
        assertEquals(
                List.of("none", "fp16", "int8", "int4", "topk"),
                labels(client.result("textDocument/completion", LspClient.at(uri, codecs[0], codecs[1] + 16))));

        // At the top of the mission: what it may declare and the mission's attributes not yet given.
        int[] top = find(base, "  source = cam", 0, 0);
        text = insertLine(base, top[0], "  ");
        client.change(uri, 7, text);
        List<String> mission = labels(client.result("textDocument/completion", LspClient.at(uri, top[0], 2)));
        assertTrue(
                mission.containsAll(List.of("objective", "max_stages", "model", "satellite", "link")),
                mission.toString());
        assertFalse(mission.contains("source"), "already given: " + mission);
    }

    @Test
    void documentSymbolsOutlineTheMission() throws Exception {
        String uri = uri("symbols.sat");
        client.open(uri, example("link-bound.sat"));
        client.awaitDiagnostics(uri, 1);
        JsonNode symbols = client.result("textDocument/documentSymbol", LspClient.document(uri));
        assertEquals(1, symbols.size());
        JsonNode mission = symbols.get(0);
        assertEquals("link-bound", mission.get("name").asText());
        List<String> names = new ArrayList<>();
        for (JsonNode c : mission.get("children")) {
            names.add(c.get("name").asText());
        }
        assertEquals(
                List.of(
                        "vit-s",
                        "workload",
                        "accuracy",
                        "codecs",
                        "cam",
                        "worker",
                        "gs",
                        "cam <-> worker",
                        "worker -> gs",
                        "source",
                        "sink"),
                names);
    }

    @Test
    void theOutlineOfALargeMissionStopsAtTheCap() throws Exception {
        String uri = "file:///tmp/satc-lsp-test/large.sat";
        client.open(uri, LargeMissions.generate(3000));
        client.awaitDiagnostics(uri, 1);
        JsonNode mission = client.result("textDocument/documentSymbol", LspClient.document(uri))
                .get(0);
        JsonNode children = mission.get("children");
        assertEquals(DocumentSymbols.MAX_SYMBOLS - 1, children.size());
        assertEquals("vit-g", children.get(0).get("name").asText());
        assertEquals("sat-1993", children.get(children.size() - 1).get("name").asText(), "the first in source order");
    }

    @Test
    void formattingIsWhatSatcFmtWrites() throws Exception {
        String messy = "mission   m{\n model v {arch=vit(layers=2,hidden=8,mlp=8,heads=1,patch=4,image=8)}\n"
                + "satellite a {compute=1 TFLOPS;memory=1GB}   # keep me\n ground g{compute=1 TFLOPS}\n"
                + "link a -> g{rate=1Gbps;distance=10km}\nsource=a\nsink=g\n}\n";
        String uri = "file:///tmp/satc-lsp-test/fmt.sat";
        client.open(uri, messy);
        ObjectNode params = LspClient.document(uri);
        params.putObject("options").put("tabSize", 2).put("insertSpaces", true);
        JsonNode edits = client.result("textDocument/formatting", params);
        assertEquals(1, edits.size());
        String expected = new MissionFormatter().format(MissionParser.parse(SourceFile.ofString("fmt.sat", messy)));
        assertEquals(expected, edits.get(0).get("newText").asText());
        assertTrue(expected.contains("# keep me"));

        client.change(uri, 2, expected);
        assertEquals(0, client.result("textDocument/formatting", params).size(), "formatted already");
        client.change(uri, 3, "mission m {\n  satellite a {\n");
        assertEquals(0, client.result("textDocument/formatting", params).size(), "syntax errors: left alone");
    }

    @Test
    void changesAreDebouncedIntoOneAnalysis() throws Exception {
        String uri = "file:///tmp/satc-lsp-test/debounce.sat";
        String text = example("link-bound.sat");
        client.open(uri, text);
        client.awaitDiagnostics(uri, 1);
        client.drainNotifications();
        for (int v = 2; v <= 11; v++) {
            client.change(uri, v, text.replace("memory = 512 MB", "memory = " + v + " Gbps"));
        }
        JsonNode last = client.awaitDiagnostics(uri, 11);
        assertEquals("SATC3003", last.get("diagnostics").get(0).get("code").asText());
        Thread.sleep(2 * MissionDocuments.DEBOUNCE_MS);
        long published = client.drainNotifications().stream()
                .filter(n -> n.path("params").path("uri").asText().equals(uri))
                .count();
        assertEquals(0, published, "nothing after the last version's diagnostics");
    }

    @Test
    void incrementalEditsAreAppliedWhereTheySay() throws Exception {
        String uri = "file:///tmp/satc-lsp-test/incremental.sat";
        String text = example("link-bound.sat");
        client.open(uri, text);
        client.awaitDiagnostics(uri, 1);
        int[] p = find(text, "512 MB", 0, 4);
        client.edit(uri, 2, p[0], p[1], p[1] + 2, "Gbps"); // 512 MB -> 512 Gbps
        JsonNode d = client.awaitDiagnostics(uri, 2);
        assertEquals(1, d.get("diagnostics").size(), d.toString());
        JsonNode first = d.get("diagnostics").get(0);
        assertEquals("SATC3003", first.get("code").asText());
        assertEquals(p[0], first.get("range").get("start").get("line").asInt());
    }

    static void assertRange(JsonNode range, int[] start, int length) {
        assertNotNull(range);
        assertEquals(start[0], range.get("start").get("line").asInt(), range.toString());
        assertEquals(start[1], range.get("start").get("character").asInt(), range.toString());
        assertEquals(start[1] + length, range.get("end").get("character").asInt(), range.toString());
    }

    static String insertLine(String text, int line0, String inserted) {
        SourceFile s = SourceFile.ofString("x", text);
        int at = s.lineStart(line0 + 1);
        return text.substring(0, at) + inserted + "\n" + text.substring(at);
    }

    static List<String> labels(JsonNode completion) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : completion.get("items")) {
            out.add(item.get("label").asText());
        }
        return out;
    }

    private static String firstBySortText(JsonNode completion) {
        String best = null;
        String label = null;
        for (JsonNode item : completion.get("items")) {
            String sort = item.path("sortText").asText(item.get("label").asText());
            if (best == null || sort.compareTo(best) < 0) {
                best = sort;
                label = item.get("label").asText();
            }
        }
        return label;
    }
}
