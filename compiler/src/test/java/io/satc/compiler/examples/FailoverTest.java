package io.satc.compiler.examples;

import static io.satc.compiler.examples.DistributedRunTest.satc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.satc.compiler.cli.ExitCodes;
import io.satc.compiler.cli.Main;
import io.satc.runtime.bundle.BundleRead;
import io.satc.runtime.bundle.BundleReader;
import io.satc.runtime.bundle.ContingencyIndex;
import io.satc.runtime.transport.FrameSender;
import io.satc.runtime.transport.MutualTls;
import io.satc.runtime.transport.Peer;
import io.satc.runtime.transport.TransportException;
import io.satc.runtime.transport.TransportOptions;
import io.satc.runtime.trust.Certificates;
import io.satc.runtime.trust.MissionKeys;
import io.satc.runtime.trust.NodeIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stage processes killed mid-run, and a rogue on the links: the failover mission (a → b → c, with
 * d mirroring b) compiled and signed, one `satc node` process per satellite over mutual TLS, d on
 * standby. Killing b (the middle stage) switches a, c and d to the precomputed contingency and
 * the outputs equal an undisturbed run's; killing a or c (which hold the input and the outputs,
 * and have no contingency) ends every survivor cleanly with no output. A plaintext client, a
 * certificate of another CA and a node of the mission on a link the plan gives to another are
 * refused and logged while a run goes on, whose outputs are unaffected.
 */
class FailoverTest {

    @TempDir
    static Path tmp;

    static Path bundle;
    static Path keys;
    static List<String> reference;
    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void compile() throws Exception {
        Path mission = tmp.resolve("failover.sat");
        try (InputStream in = FailoverTest.class.getResourceAsStream("failover.sat")) {
            Files.copy(in, mission);
        }
        keys = tmp.resolve("keys");
        assertEquals(0, satc("keys", "new", keys.toString()).exit());
        bundle = tmp.resolve("bundle");
        DistributedRunTest.Run c =
                satc("compile", mission.toString(), "--sign", keys.toString(), "-o", bundle.toString());
        assertEquals(0, c.exit(), c.err());
        ContingencyIndex index = new BundleReader()
                .contingencies(assertInstanceOf(BundleRead.Loaded.class, new BundleReader().read(bundle))
                        .bundle());
        Map<String, ContingencyIndex.Contingency> byId = new LinkedHashMap<>();
        index.contingencies().forEach(x -> byId.put(x.id(), x));
        assertTrue(byId.get("satellite-b").executable(), byId.toString());
        assertEquals(
                List.of("a", "d", "c"),
                byId.get("satellite-b").stages().stream()
                        .map(ContingencyIndex.Stage::node)
                        .toList());
        assertTrue(
                !byId.get("satellite-a").feasible() && !byId.get("satellite-c").feasible(), byId.toString());
        String report = Files.readString(bundle.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(report.contains("<h2>Contingencies</h2>") && report.contains("<td>satellite b</td>"), report);
        DistributedRunTest.Run local = satc("run", "--json", "--trust", keys.toString(), bundle.toString());
        assertEquals(0, local.exit(), local.err());
        reference = new ArrayList<>();
        for (JsonNode m : new ObjectMapper().readTree(local.out()).at("/outputs/micro_batches")) {
            reference.add(m.path("checksum").asText());
        }
        assertEquals(2048, reference.size());
    }

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    private static Path peers(String name) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String node : List.of("a", "b", "c", "d")) {
            try (ServerSocket socket = new ServerSocket(0)) {
                sb.append(node)
                        .append(" 127.0.0.1:")
                        .append(socket.getLocalPort())
                        .append('\n');
            }
        }
        return Files.writeString(tmp.resolve(name), sb.toString());
    }

    private Process node(String node, Path peers) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "node",
                bundle.toString(),
                "--node",
                node,
                "--peers",
                peers.toString(),
                "--trust",
                keys.toString(),
                "--identity",
                keys.resolve(MissionKeys.NODES).toString(),
                "--heartbeat-timeout",
                "2",
                "--link-timeout",
                "5",
                "--stall-timeout",
                "60",
                "--timeout",
                "120"));
        if (node.equals("c")) {
            command.add("--json");
        }
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

    /** Starts a, b, c and d and waits until c's run has started (every link of the plan is up). */
    private Map<String, Process> startAll(Path peers) throws Exception {
        Map<String, Process> nodes = new LinkedHashMap<>();
        for (String n : List.of("d", "c", "b", "a")) {
            nodes.put(n, node(n, peers));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!read("c", peers, "err").contains(": the run started: ")) {
            assertTrue(System.nanoTime() < deadline, "the run did not start: " + read("c", peers, "err"));
            Thread.sleep(20);
        }
        return nodes;
    }

    /** Whether opening the link failed, as it must for a rogue. */
    private static boolean refused(java.util.concurrent.Callable<FrameSender> open) {
        try (FrameSender sender = open.call()) {
            return false;
        } catch (TransportException e) {
            return true;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> checksums(String json) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode c : new ObjectMapper().readTree(json).at("/outputs/checksums")) {
            out.add(c.asText());
        }
        return out;
    }

    @Test
    void killingTheMiddleStageSwitchesToItsContingencyWithIdenticalOutputs() throws Exception {
        Path peers = peers("peers-kill-b.txt");
        Map<String, Process> nodes = startAll(peers);
        Thread.sleep(500);
        assertTrue(nodes.get("b").isAlive(), "b ended before it was killed: " + read("b", peers, "err"));
        long killed = System.nanoTime();
        nodes.get("b").destroyForcibly();
        long switched = -1;
        while (nodes.get("c").isAlive()) {
            if (switched < 0 && read("d", peers, "err").contains("switching to contingency satellite-b")) {
                switched = System.nanoTime();
            }
            assertTrue(
                    System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(90), "c hangs: " + read("c", peers, "err"));
            Thread.sleep(20);
        }
        long finished = System.nanoTime();
        for (String n : List.of("a", "c", "d")) {
            assertTrue(nodes.get(n).waitFor(30, TimeUnit.SECONDS), n + " did not finish");
            assertEquals(0, nodes.get(n).exitValue(), n + ": " + read(n, peers, "err"));
            assertTrue(read(n, peers, "err").contains("switching to contingency satellite-b"), read(n, peers, "err"));
        }
        assertEquals(reference, checksums(read("c", peers, "out")), "outputs after the failover");
        assertTrue(
                read("c", peers, "err").contains("kept the outputs that arrived before the switch"),
                read("c", peers, "err"));
        java.util.regex.Matcher replay = java.util.regex.Pattern.compile("replaying from micro-batch (\\d+)")
                .matcher(read("a", peers, "err"));
        assertTrue(replay.find(), read("a", peers, "err"));
        int from = Integer.parseInt(replay.group(1));
        assertTrue(from > 0, "the replay resumes where the sink's outputs stop, not at 0");
        System.out.printf(
                Locale.ROOT,
                "FailoverTest: b killed; d switched in after %.2f s (heartbeat timeout 2 s), a replayed from micro-batch %d, "
                        + "the run completed %.2f s after the kill with all 2048 outputs identical; %s%n",
                (switched - killed) / 1e9,
                from,
                (finished - killed) / 1e9,
                read("c", peers, "err")
                        .lines()
                        .filter(l -> l.contains("kept the outputs"))
                        .findFirst()
                        .orElse(""));
    }

    @Test
    void killingTheFirstOrLastStageEndsEverySurvivorCleanly() throws Exception {
        for (String victim : List.of("a", "c")) {
            Path peers = peers("peers-kill-" + victim + ".txt");
            Map<String, Process> nodes = startAll(peers);
            Thread.sleep(500);
            long killed = System.nanoTime();
            nodes.get(victim).destroyForcibly();
            for (Map.Entry<String, Process> e : nodes.entrySet()) {
                if (e.getKey().equals(victim)) {
                    continue;
                }
                String n = e.getKey();
                assertTrue(e.getValue().waitFor(60, TimeUnit.SECONDS), n + " hangs after " + victim + " was killed");
                String err = read(n, peers, "err");
                assertEquals(ExitCodes.RUN_FAILED, e.getValue().exitValue(), n + ": " + err);
                assertTrue(err.contains("the run is incomplete; no output is presented"), n + ": " + err);
                assertEquals("", read(n, peers, "out"), n + " printed output for an incomplete run");
            }
            System.out.printf(
                    Locale.ROOT,
                    "FailoverTest: %s killed (no contingency replaces it): every survivor failed cleanly within %.1f s%n",
                    victim,
                    (System.nanoTime() - killed) / 1e9);
        }
    }

    @Test
    void rogueClientsAreRefusedAndLoggedWhileTheRunGoesOn() throws Exception {
        Path peers = peers("peers-rogue.txt");
        Map<String, Process> nodes = startAll(peers);
        String line = Files.readAllLines(peers).get(1);
        Peer b = new Peer("b", "127.0.0.1", Integer.parseInt(line.substring(line.lastIndexOf(':') + 1)));
        TransportOptions quick = TransportOptions.defaults()
                .withConnectTimeout(Duration.ofMillis(1500))
                .withReconnectTimeout(Duration.ofSeconds(1));
        java.security.cert.X509Certificate ca = Certificates.read(keys.resolve(MissionKeys.CA_CERTIFICATE));
        Map<String, String> pins = Map.of("b", Certificates.pin(Certificates.read(keys.resolve("nodes/b.crt"))));
        // c's real identity on a's link: refused at once, while the run goes on.
        NodeIdentity c = NodeIdentity.load(keys.resolve(MissionKeys.NODES), "c");
        TransportException misplaced = assertThrows(
                TransportException.class,
                () -> FrameSender.connect(
                        "cut-1", b, quick, new MutualTls("c", c.key(), c.certificate(), ca, pins, s -> {})));
        assertEquals(TransportException.Reason.REJECTED, misplaced.reason(), misplaced.getMessage());
        assertTrue(misplaced.getMessage().contains("PERMISSION_DENIED"), misplaced.getMessage());
        // A plaintext client, and a certificate of another CA under a's name (accepting any server), at once.
        MissionKeys other = MissionKeys.create(tmp.resolve("rogue-keys"));
        other.certificate("a");
        NodeIdentity forged = NodeIdentity.load(tmp.resolve("rogue-keys").resolve(MissionKeys.NODES), "a");
        java.util.concurrent.CompletableFuture<Boolean> plaintext = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> refused(() -> FrameSender.connect("cut-1", b, quick)));
        java.util.concurrent.CompletableFuture<Boolean> otherCa =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> refused(() -> FrameSender.connect(
                        "cut-1", b, quick, new MutualTls("a", forged.key(), forged.certificate(), ca, pins, s -> {}))));
        assertTrue(plaintext.get(30, TimeUnit.SECONDS) && otherCa.get(30, TimeUnit.SECONDS));
        for (String n : List.of("a", "b", "c", "d")) {
            assertTrue(nodes.get(n).waitFor(60, TimeUnit.SECONDS), n + " did not finish");
            assertEquals(0, nodes.get(n).exitValue(), n + ": " + read(n, peers, "err"));
        }
        assertEquals(reference, checksums(read("c", peers, "out")), "outputs with rogues about");
        String log = read("b", peers, "err");
        assertTrue(log.contains("b refused a connection from 127.0.0.1:") && log.contains("(a plaintext client)"), log);
        assertTrue(log.contains("that this mission's CA did not issue."), log);
        assertTrue(
                log.contains("b refused link `cut-1` from c at 127.0.0.1:")
                        && log.contains("the plan has a send on it"),
                log);
    }
}
