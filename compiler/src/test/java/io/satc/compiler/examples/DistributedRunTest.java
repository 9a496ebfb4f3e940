package io.satc.compiler.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.satc.compiler.cli.ExitCodes;
import io.satc.compiler.cli.Main;
import io.satc.compiler.testing.RepoPaths;
import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleRead;
import io.satc.runtime.bundle.BundleReader;
import io.satc.runtime.bundle.BundleStage;
import io.satc.runtime.inference.InferenceRunner;
import io.satc.runtime.inference.ModelOutputs;
import io.satc.runtime.pipeline.RunOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code satc node}: one OS process per stage on loopback, activations over gRPC. A four-stage
 * variant of the decoder example (2 MB satellites and a fourth one) generates the same text as
 * {@code satc run} in one process; killing a middle process makes the others fail, naming the
 * lost peer, instead of hanging or printing output.
 */
class DistributedRunTest {

    @TempDir
    static Path tmp;

    record Run(int exit, String out, String err) {}

    static Run satc(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = Main.run(args, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    static Path bundleDir;
    static Bundle bundle;
    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void compile() throws IOException {
        String text = Files.readString(RepoPaths.examples().resolve("kjv-decoder.sat"), StandardCharsets.UTF_8)
                .replace("memory = 3 MB", "memory = 2 MB")
                .replace("\"../", "\"" + RepoPaths.root() + "/")
                .replace(
                        "  ground kiruna {}",
                        "  satellite leo-d { compute = 0.5 TFLOPS; memory = 2 MB }\n  ground kiruna {}")
                .replace(
                        "  link leo-c -> kiruna",
                        "  link leo-c <-> leo-d { rate = 50 Mbps; distance = 700 km }\n  link leo-d -> kiruna");
        Path mission = Files.writeString(tmp.resolve("kjv-four.sat"), text, StandardCharsets.UTF_8);
        bundleDir = tmp.resolve("bundle");
        Run r = satc("compile", mission.toString(), "-o", bundleDir.toString());
        assertEquals(0, r.exit(), r.err());
        bundle = assertInstanceOf(BundleRead.Loaded.class, new BundleReader().read(bundleDir))
                .bundle();
        assertEquals(4, bundle.manifest().stages().size(), "the variant must plan four stages");
    }

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    /** A peers file with a free loopback port per stage. */
    private static Path peers(String name) throws IOException {
        return peers(bundle, name);
    }

    private static Path peers(Bundle of, String name) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (BundleStage s : of.manifest().stages()) {
            try (ServerSocket socket = new ServerSocket(0)) {
                sb.append(s.node())
                        .append(" 127.0.0.1:")
                        .append(socket.getLocalPort())
                        .append('\n');
            }
        }
        return Files.writeString(tmp.resolve(name), sb.toString());
    }

    private Process node(String node, Path peers, String... extra) throws IOException {
        return node(bundleDir, node, peers, extra);
    }

    /** Starts `satc node` in its own JVM; stdout and stderr go to NODE-PEERSFILE.out / .err. */
    private Process node(Path dir, String node, Path peers, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "node",
                dir.toString(),
                "--node",
                node,
                "--peers",
                peers.toString(),
                "--stall-timeout",
                "30",
                // A lost peer is waited for this long (it might come back), then the run fails.
                "--link-timeout",
                "8",
                "--timeout",
                "240"));
        command.addAll(List.of(extra));
        Process p = new ProcessBuilder(command)
                .redirectOutput(
                        tmp.resolve(node + "-" + peers.getFileName() + ".out").toFile())
                .redirectError(
                        tmp.resolve(node + "-" + peers.getFileName() + ".err").toFile())
                .start();
        started.add(p);
        return p;
    }

    private static String read(String node, Path peers, String stream) throws IOException {
        return Files.readString(tmp.resolve(node + "-" + peers.getFileName() + "." + stream), StandardCharsets.UTF_8);
    }

    @Test
    void oneProcessPerStageGeneratesTheSameTextAsOneProcess() throws Exception {
        int steps = 6;
        Path prompts = Files.writeString(
                tmp.resolve("three-prompts.txt"),
                "In the beginning God created\nAnd God said, Let there be\nThe LORD is my shepherd\n");
        Path peers = peers("peers-ok.txt");
        List<Process> processes = new ArrayList<>();
        for (BundleStage s : bundle.manifest().stages()) {
            // Only the first stage reads the input; the others learn the prompts from the stream.
            processes.add(
                    s.index() == 1
                            ? node(
                                    s.node(),
                                    peers,
                                    "--generate",
                                    Integer.toString(steps),
                                    "--input",
                                    prompts.toString())
                            : node(s.node(), peers, "--json"));
        }
        for (int i = 0; i < processes.size(); i++) {
            String node = bundle.manifest().stages().get(i).node();
            assertTrue(processes.get(i).waitFor(180, TimeUnit.SECONDS), node + " did not finish");
            assertEquals(0, processes.get(i).exitValue(), node + ": " + read(node, peers, "err"));
        }
        JsonNode doc = new ObjectMapper().readTree(read("leo-d", peers, "out"));
        ModelOutputs.Generated local = assertInstanceOf(
                ModelOutputs.Generated.class,
                assertInstanceOf(
                                InferenceRunner.Done.class,
                                new InferenceRunner().run(bundle, RunOptions.nativeSpeed(), prompts, steps, s -> {}))
                        .outputs());
        assertEquals(3, local.prompts().size());
        assertEquals(steps, doc.at("/outputs/steps").asInt());
        assertEquals(local.prompts().size(), doc.at("/outputs/samples").size());
        for (int s = 0; s < local.prompts().size(); s++) {
            assertEquals(
                    local.prompts().get(s),
                    doc.at("/outputs/samples/" + s + "/prompt").asText());
            assertEquals(
                    local.continuations().get(s),
                    doc.at("/outputs/samples/" + s + "/generated").asText(),
                    "prompt " + s);
        }
        assertEquals("", read("leo-a", peers, "out"), "only the last stage writes outputs");
    }

    /**
     * The reported bug: the example's two-stage bundle, `--input` of two prompts given to the first
     * node only (as its script says), nothing to the last. The last node must print exactly those
     * two prompts and their generations, as `satc run --input` does, not the bundle's samples.
     */
    @Test
    void theLastNodePrintsThePromptsTheFirstNodeRead() throws Exception {
        Path dir = tmp.resolve("kjv");
        Run c = satc("compile", RepoPaths.examples().resolve("kjv-decoder.sat").toString(), "-o", dir.toString());
        assertEquals(0, c.exit(), c.err());
        Bundle kjv = assertInstanceOf(BundleRead.Loaded.class, new BundleReader().read(dir))
                .bundle();
        List<String> nodes =
                kjv.manifest().stages().stream().map(BundleStage::node).toList();
        assertEquals(List.of("leo-b", "leo-c"), nodes);
        Path prompts = Files.writeString(tmp.resolve("two-prompts.txt"), "In the beginning God\nAnd the LORD said\n");
        Path peers = peers(kjv, "peers-kjv.txt");
        Process first = node(dir, "leo-b", peers, "--generate", "8", "--input", prompts.toString());
        Process last = node(dir, "leo-c", peers, "--generate", "8");
        assertTrue(first.waitFor(180, TimeUnit.SECONDS), "leo-b did not finish");
        assertTrue(last.waitFor(180, TimeUnit.SECONDS), "leo-c did not finish");
        assertEquals(0, first.exitValue(), read("leo-b", peers, "err"));
        assertEquals(0, last.exitValue(), read("leo-c", peers, "err"));
        Run local = satc("run", "--generate", "8", "--input", prompts.toString(), dir.toString());
        assertEquals(0, local.exit(), local.err());
        List<String> expected = local.out()
                .lines()
                .filter(l -> l.matches("\\s+\\d+  .*⟨.*⟩"))
                .map(String::strip)
                .toList();
        assertEquals(2, expected.size(), local.out());
        List<String> printed =
                read("leo-c", peers, "out").lines().map(String::strip).toList();
        assertEquals(expected, printed);
    }

    @Test
    void killingAMiddleProcessFailsTheOthersClearlyInsteadOfHanging() throws Exception {
        Path peers = peers("peers-kill.txt");
        List<Process> processes = new ArrayList<>();
        for (BundleStage s : bundle.manifest().stages()) {
            processes.add(node(s.node(), peers, "--generate", "100000"));
        }
        // Wait until micro-batches flow through the whole chain: the last stage has started working.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!read("leo-d", peers, "err").contains("listening") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(4000);
        Process middle = processes.get(1);
        assertTrue(middle.isAlive(), "leo-b ended before it was killed: " + read("leo-b", peers, "err"));
        middle.destroyForcibly();
        for (int i : new int[] {0, 2, 3}) {
            String node = bundle.manifest().stages().get(i).node();
            assertTrue(processes.get(i).waitFor(60, TimeUnit.SECONDS), node + " hangs after leo-b was killed");
            String err = read(node, peers, "err");
            assertNotEquals(0, processes.get(i).exitValue(), node + ": " + err);
            assertEquals(ExitCodes.RUN_FAILED, processes.get(i).exitValue(), node + ": " + err);
            assertTrue(err.contains("the run is incomplete; no output is presented"), node + ": " + err);
            assertEquals("", read(node, peers, "out"), node + " printed output for an incomplete run");
        }
        // Each survivor names the link it lost: leo-c its input from leo-b; leo-a its output to leo-b or, when the
        // break travelled round first, its feedback from leo-d; leo-d its input from leo-c.
        String a = read("leo-a", peers, "err");
        assertTrue(a.contains("leo-b") || a.contains("The feedback link from leo-d broke"), a);
        assertTrue(read("leo-c", peers, "err").contains("The link from leo-b broke"), read("leo-c", peers, "err"));
        assertTrue(read("leo-d", peers, "err").contains("The link from leo-c"), read("leo-d", peers, "err"));
    }

    @Test
    void aSimulationBundleGivesTheSameChecksumsAcrossProcesses() throws Exception {
        Path dir = tmp.resolve("link-bound");
        Run c = satc("compile", RepoPaths.examples().resolve("link-bound.sat").toString(), "-o", dir.toString());
        assertEquals(0, c.exit(), c.err());
        Bundle simulation = assertInstanceOf(BundleRead.Loaded.class, new BundleReader().read(dir))
                .bundle();
        Path peers = peers(simulation, "peers-sim.txt");
        List<Process> processes = new ArrayList<>();
        List<String> nodes =
                simulation.manifest().stages().stream().map(BundleStage::node).toList();
        for (String node : nodes) {
            processes.add(node(dir, node, peers, "--json"));
        }
        for (int i = 0; i < processes.size(); i++) {
            assertTrue(processes.get(i).waitFor(120, TimeUnit.SECONDS), nodes.get(i) + " did not finish");
            assertEquals(0, processes.get(i).exitValue(), read(nodes.get(i), peers, "err"));
        }
        JsonNode distributed = new ObjectMapper().readTree(read(nodes.get(nodes.size() - 1), peers, "out"));
        Run local = satc("run", "--json", dir.toString());
        JsonNode one = new ObjectMapper().readTree(local.out());
        assertEquals(
                one.at("/outputs/micro_batches").size(),
                distributed.at("/outputs/checksums").size());
        for (int i = 0; i < distributed.at("/outputs/checksums").size(); i++) {
            assertEquals(
                    one.at("/outputs/micro_batches/" + i + "/checksum").asText(),
                    distributed.at("/outputs/checksums/" + i).asText());
        }
    }

    @Test
    void aPortInUseIsOneClearMessage() throws Exception {
        Path peers = peers("peers-busy.txt");
        String line = Files.readAllLines(peers).get(1);
        int port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
        try (ServerSocket busy = new ServerSocket(port, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            Run r = satc("node", bundleDir.toString(), "--node", "leo-b", "--peers", peers.toString());
            assertEquals(ExitCodes.RUN_FAILED, r.exit(), r.err());
            assertTrue(r.err().contains("127.0.0.1:" + port), r.err());
            assertTrue(r.err().toLowerCase(java.util.Locale.ROOT).contains("in use"), r.err());
            assertTrue(!r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void anUnknownNodeOrABadPeersFileIsRejected() throws Exception {
        Run r = satc("node", bundleDir.toString(), "--node", "leo-z");
        assertEquals(ExitCodes.INPUT_ERRORS, r.exit());
        assertTrue(
                r.err()
                        .contains(
                                "node `leo-z` runs no stage of this bundle; its stages run on leo-a, leo-b, leo-c, leo-d."),
                r.err());
        Path bad = Files.writeString(tmp.resolve("bad-peers.txt"), "leo-a 127.0.0.1:7401\nleo-b localhost\n");
        Run p = satc("node", bundleDir.toString(), "--node", "leo-a", "--peers", bad.toString());
        assertEquals(ExitCodes.INPUT_ERRORS, p.exit());
        assertTrue(p.err().contains("bad-peers.txt:2: the address `localhost` is not HOST:PORT."), p.err());
    }
}
