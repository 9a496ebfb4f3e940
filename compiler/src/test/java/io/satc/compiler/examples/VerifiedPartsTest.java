package io.satc.compiler.examples;

import static io.satc.compiler.examples.DistributedRunTest.satc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.cli.ExitCodes;
import io.satc.compiler.testing.RepoPaths;
import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleRead;
import io.satc.runtime.bundle.BundleReader;
import io.satc.runtime.inference.InferenceRunner;
import io.satc.runtime.inference.ModelOutputs;
import io.satc.runtime.pipeline.RunOptions;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What runs is what was verified: `satc run` loads each part from the bytes it hashed, and a
 * `satc node` loads only its own part and needs no other, so each satellite can carry just its
 * own; but every file that is there must be the signed one. On the example decoder's two-stage
 * bundle (stages on leo-b and leo-c).
 */
class VerifiedPartsTest {

    @TempDir
    static Path tmp;

    static Path compiled;
    static Path prompts;

    @BeforeAll
    static void compile() throws Exception {
        compiled = tmp.resolve("kjv");
        DistributedRunTest.Run c =
                satc("compile", RepoPaths.examples().resolve("kjv-decoder.sat").toString(), "-o", compiled.toString());
        assertEquals(0, c.exit(), c.err());
        prompts = Files.writeString(tmp.resolve("prompts.txt"), "In the beginning God\nAnd the LORD said\n");
    }

    /** A copy of the compiled bundle. */
    private static Path copy(String name) throws Exception {
        Path to = tmp.resolve(name);
        try (var files = Files.walk(compiled)) {
            for (Path p : files.toList()) {
                Files.copy(p, to.resolve(compiled.relativize(p).toString()));
            }
        }
        return to;
    }

    /** Flips one bit in the middle of {@code file}. */
    private static void tamper(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
    }

    private static ModelOutputs.Generated generate(Bundle bundle) {
        return assertInstanceOf(
                ModelOutputs.Generated.class,
                assertInstanceOf(
                                InferenceRunner.Done.class,
                                new InferenceRunner().run(bundle, RunOptions.nativeSpeed(), prompts, 4, line -> {}))
                        .outputs());
    }

    @Test
    void aRunLoadsThePartsFromTheBytesItVerifiedNotFromTheFilesAgain() throws Exception {
        Path dir = copy("loaded");
        Bundle bundle = assertInstanceOf(BundleRead.Loaded.class, new BundleReader().read(dir))
                .bundle();
        ModelOutputs.Generated before = generate(bundle);
        // The files change after verification: what runs must still be what was verified.
        for (String node : List.of("leo-b", "leo-c")) {
            Files.write(dir.resolve("stages/" + node + "/model.onnx"), new byte[] {42});
        }
        assertEquals(before, generate(bundle));
    }

    @Test
    void aNodeRunsWithoutAnotherStagesPartAndRefusesATamperedOne() throws Exception {
        // Each node gets its own copy of the bundle without the other stage's part.
        Path forB = copy("for-leo-b");
        Files.delete(forB.resolve("stages/leo-c/model.onnx"));
        Path forC = copy("for-leo-c");
        Files.delete(forC.resolve("stages/leo-b/model.onnx"));
        StringBuilder peers = new StringBuilder();
        for (String node : List.of("leo-b", "leo-c")) {
            try (ServerSocket socket = new ServerSocket(0)) {
                peers.append(node)
                        .append(" 127.0.0.1:")
                        .append(socket.getLocalPort())
                        .append('\n');
            }
        }
        Path peersFile = Files.writeString(tmp.resolve("peers.txt"), peers, StandardCharsets.UTF_8);
        CompletableFuture<DistributedRunTest.Run> first = CompletableFuture.supplyAsync(() -> satc(
                "node",
                forB.toString(),
                "--node",
                "leo-b",
                "--peers",
                peersFile.toString(),
                "--generate",
                "4",
                "--input",
                prompts.toString()));
        CompletableFuture<DistributedRunTest.Run> last = CompletableFuture.supplyAsync(
                () -> satc("node", forC.toString(), "--node", "leo-c", "--peers", peersFile.toString(), "--json"));
        DistributedRunTest.Run b = first.get(120, TimeUnit.SECONDS);
        DistributedRunTest.Run c = last.get(120, TimeUnit.SECONDS);
        assertEquals(0, b.exit(), b.err());
        assertEquals(0, c.exit(), c.err());
        ModelOutputs.Generated local =
                generate(assertInstanceOf(BundleRead.Loaded.class, new BundleReader().read(compiled))
                        .bundle());
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(c.out());
        for (int s = 0; s < 2; s++) {
            assertEquals(
                    local.prompts().get(s),
                    doc.at("/outputs/samples/" + s + "/prompt").asText());
            assertEquals(
                    local.continuations().get(s),
                    doc.at("/outputs/samples/" + s + "/generated").asText());
        }

        // Its own part missing, or another stage's part present but tampered: one sentence naming the file, exit 1,
        // before it listens.
        DistributedRunTest.Run own = satc("node", forB.toString(), "--node", "leo-c", "--peers", peersFile.toString());
        assertEquals(ExitCodes.INPUT_ERRORS, own.exit(), own.err());
        List<String> lines = own.err().lines().toList();
        assertEquals(1, lines.size(), own.err());
        assertTrue(
                lines.get(0).startsWith("satc: refused (missing-file): `stages/leo-c/model.onnx`, which the signed"),
                lines.get(0));
        assertFalse(own.err().contains("listening"), own.err());
        assertEquals("", own.out());
        Path tampered = copy("tampered-other");
        tamper(tampered.resolve("stages/leo-c/model.onnx"));
        DistributedRunTest.Run other =
                satc("node", tampered.toString(), "--node", "leo-b", "--peers", peersFile.toString());
        assertEquals(ExitCodes.INPUT_ERRORS, other.exit(), other.err());
        assertTrue(
                other.err().startsWith("satc: refused (changed-file): `stages/leo-c/model.onnx` of bundle "),
                other.err());
        assertEquals(1, other.err().lines().count(), other.err());
    }
}
