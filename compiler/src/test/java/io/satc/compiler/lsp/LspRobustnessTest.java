package io.satc.compiler.lsp;

import static io.satc.compiler.lsp.LspClient.F;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.satc.compiler.source.SourceFile;
import io.satc.compiler.testing.RepoPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * What a broken or impatient client does to {@code satc lsp}: malformed messages, unknown methods,
 * wrong parameters, requests about documents never opened, positions past the end, cancelled
 * requests, every prefix of real missions typed in, random damage, and leaving without
 * {@code shutdown}. The server answers every well-formed request (never with an internal error),
 * stays up, and exits with the code the protocol asks for.
 */
class LspRobustnessTest {

    private static final int INTERNAL_ERROR = -32603;
    private static final int REQUEST_CANCELLED = -32800;

    @Test
    void malformedMessagesGetErrorsAndTheServerCarriesOn() throws Exception {
        try (LspClient client = LspClient.start()) {
            client.initialize(RepoPaths.root());
            String uri = "file:///tmp/satc-lsp-test/malformed.sat";
            client.open(uri, Files.readString(RepoPaths.examples().resolve("link-bound.sat")));
            client.awaitDiagnostics(uri, 1);

            // Not JSON at all, then a request cut off in the middle.
            client.write("this is not json".getBytes(StandardCharsets.UTF_8));
            client.write("{\"jsonrpc\":\"2.0\",\"id\":900,\"method\":\"textDocument/hover\",\"params\":{"
                    .getBytes(StandardCharsets.UTF_8));
            assertAnswers(client, uri);

            JsonNode unknown = client.request("satc/noSuchMethod", F.objectNode());
            assertEquals(-32601, unknown.get("error").get("code").asInt(), unknown.toString());

            JsonNode missing = client.request("textDocument/hover", F.objectNode());
            assertTrue(missing.has("error"), missing.toString());
            assertFalse(missing.get("error").get("code").asInt() == INTERNAL_ERROR, missing.toString());

            ObjectNode wrongType = F.objectNode();
            wrongType.putObject("textDocument").put("uri", uri);
            wrongType.put("position", "line 3");
            JsonNode wrong = client.request("textDocument/hover", wrongType);
            assertTrue(wrong.has("error"), wrong.toString());

            JsonNode notOpen = client.request("textDocument/hover", LspClient.at("file:///nowhere.sat", 0, 0));
            assertTrue(notOpen.get("result").isNull(), notOpen.toString());
            JsonNode past = client.request("textDocument/hover", LspClient.at(uri, 1_000_000, 1_000_000));
            assertFalse(past.has("error"), past.toString());
            JsonNode negative = client.request("textDocument/completion", LspClient.at(uri, -5, -5));
            assertFalse(negative.has("error"), negative.toString());
            client.change("file:///never-opened.sat", 2, "mission x {}");
            client.notify("satc/unknownNotification", F.objectNode());

            assertAnswers(client, uri);
            assertTrue(client.alive());
            client.result("shutdown", null);
            client.notify("exit", F.objectNode());
            assertEquals(0, client.waitFor(Duration.ofSeconds(20)));
            assertTrue(client.stderr().contains("satc lsp: severe: "), client.stderr());
            assertFalse(client.stderr().contains("\tat "), "one line per issue, no stack traces:\n" + client.stderr());
        }
    }

    @Test
    void aCancelledRequestIsAnsweredAsCancelled() throws Exception {
        try (LspClient client = LspClient.start()) {
            client.initialize(RepoPaths.root());
            String uri = "file:///tmp/satc-lsp-test/cancel.sat";
            client.open(uri, LargeMissions.generate(3000));
            client.awaitDiagnostics(uri, 1);
            ObjectNode format = LspClient.document(uri);
            format.putObject("options").put("tabSize", 2).put("insertSpaces", true);
            // Requests run in order on one thread: while the formatting runs, the hover waits, and is cancelled.
            List<CompletableFuture<JsonNode>> busy = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                busy.add(client.send("textDocument/formatting", format));
            }
            CompletableFuture<JsonNode> hover = client.send("textDocument/hover", LspClient.at(uri, 5, 14));
            client.notify("$/cancelRequest", F.objectNode().put("id", client.lastId()));
            JsonNode cancelled = hover.get();
            assertEquals(REQUEST_CANCELLED, cancelled.get("error").get("code").asInt(), cancelled.toString());
            for (CompletableFuture<JsonNode> f : busy) {
                assertFalse(f.get().has("error"), f.get().toString());
            }
            // Cancelling what has already been answered, or was never asked, is harmless.
            client.notify("$/cancelRequest", F.objectNode().put("id", 12345));
            assertAnswers(client, uri);
        }
    }

    @Test
    void everyPrefixAndRandomDamageOfRealMissionsIsAnswered() throws Exception {
        try (LspClient client = LspClient.start()) {
            client.initialize(RepoPaths.root());
            Random random = new Random(13);
            int version = 1;
            int requests = 0;
            for (String name : List.of(
                    "vit-g-paper.sat", "link-bound.sat", "relay-profile.sat", "errors/syntax-recovery-many.sat")) {
                String full = Files.readString(RepoPaths.examples().resolve(name));
                String uri = RepoPaths.examples().resolve(name).toUri() + ".typed";
                client.open(uri, full);
                List<String> texts = new ArrayList<>();
                for (int end = 0; end <= full.length(); end += 1 + full.length() / 90) {
                    texts.add(full.substring(0, end));
                }
                for (int i = 0; i < 40; i++) {
                    StringBuilder damaged = new StringBuilder(full);
                    int at = random.nextInt(damaged.length());
                    switch (random.nextInt(3)) {
                        case 0 -> damaged.deleteCharAt(at);
                        case 1 -> damaged.insert(at, "{}[]()=;,\"#/*\u00a0".charAt(random.nextInt(13)));
                        default -> damaged.delete(at, Math.min(damaged.length(), at + random.nextInt(40)));
                    }
                    texts.add(damaged.toString());
                }
                for (String text : texts) {
                    client.change(uri, ++version, text);
                    SourceFile s = SourceFile.ofString("x", text);
                    int[][] positions = {
                        {s.lineCount() - 1, s.lineEnd(s.lineCount()) - s.lineStart(s.lineCount())},
                        {s.lineCount() / 2, 3},
                        {random.nextInt(s.lineCount()), random.nextInt(60)}
                    };
                    List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
                    for (int[] p : positions) {
                        answers.add(client.send("textDocument/hover", LspClient.at(uri, p[0], p[1])));
                        answers.add(client.send("textDocument/completion", LspClient.at(uri, p[0], p[1])));
                        answers.add(client.send("textDocument/definition", LspClient.at(uri, p[0], p[1])));
                        ObjectNode refs = (ObjectNode) LspClient.at(uri, p[0], p[1]);
                        refs.putObject("context").put("includeDeclaration", true);
                        answers.add(client.send("textDocument/references", refs));
                    }
                    answers.add(client.send("textDocument/documentSymbol", LspClient.document(uri)));
                    for (CompletableFuture<JsonNode> a : answers) {
                        JsonNode r = a.get();
                        assertFalse(r.has("error"), () -> name + ": " + r + "\nfor text:\n" + text);
                        requests++;
                    }
                }
                client.awaitDiagnostics(uri, version);
            }
            assertTrue(requests > 4000, "requests: " + requests);
            for (JsonNode n : client.drainNotifications()) {
                assertFalse(n.path("method").asText().equals("window/logMessage"), "the server logged: " + n);
            }
            assertFalse(client.stderr().contains("Exception"), client.stderr());
        }
    }

    @Test
    void exitWithoutShutdownIsExitCodeOne() throws Exception {
        try (LspClient client = LspClient.start()) {
            client.initialize(RepoPaths.root());
            client.notify("exit", F.objectNode());
            assertEquals(1, client.waitFor(Duration.ofSeconds(20)));
        }
        try (LspClient client = LspClient.start()) {
            client.initialize(RepoPaths.root());
            client.closeInput();
            assertEquals(1, client.waitFor(Duration.ofSeconds(20)), "the editor went away without shutdown");
        }
        try (LspClient client = LspClient.start()) {
            client.initialize(RepoPaths.root());
            client.result("shutdown", null);
            client.closeInput();
            assertEquals(0, client.waitFor(Duration.ofSeconds(20)));
        }
    }

    /** A hover and a completion on a valid line still work. */
    private static void assertAnswers(LspClient client, String uri) throws Exception {
        JsonNode h = client.request("textDocument/hover", LspClient.at(uri, 0, 0));
        assertFalse(h.has("error"), h.toString());
        JsonNode c = client.result("textDocument/completion", LspClient.at(uri, 0, 0));
        assertTrue(c.has("items"), c.toString());
    }
}
