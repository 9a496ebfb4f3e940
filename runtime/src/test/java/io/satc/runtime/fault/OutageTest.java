package io.satc.runtime.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes, a real link, a real outage: leo-1 runs in one network namespace, leo-2 and
 * leo-3 in another, and the veth link between them (both the activations of cut-1 and the
 * decoder's feedback) drops every packet for 0.5 s, 5 s and 30 s in the middle of a signed,
 * mutually authenticated run. The generated text must be exactly that of an undisturbed run of
 * the same processes on loopback: nothing lost, nothing repeated (the simulated stages fold
 * every micro-batch id and every input into what they compute, so any loss or repeat shows).
 * Skipped, saying why, where namespaces cannot be made.
 */
@Timeout(240)
class OutageTest {

    private static final int STEPS = 4_000;
    private static final String[] TIMEOUTS = {"--stall-timeout", "120", "--link-timeout", "90", "--timeout", "200"};

    @TempDir
    static Path tmp;

    static FaultMission mission;
    static Path prompts;
    static JsonNode undisturbed;

    @BeforeAll
    static void undisturbedRun() throws Exception {
        String why = NetworkNamespaces.unavailable();
        if (why != null) {
            System.out.println("OutageTest skipped: " + why + ".");
        }
        Assumptions.assumeTrue(why == null, why);
        mission = FaultMission.create(tmp);
        prompts = Files.writeString(tmp.resolve("prompts.txt"), "In the beginning God\nAnd the LORD said\n");
        undisturbed = run(LoopbackPeers.write(tmp.resolve("loopback-peers.txt"), FaultMission.NODES), null, null, 0);
    }

    @Test
    void halfASecondOutageLosesAndRepeatsNothing() throws Exception {
        outage(1, 500);
    }

    @Test
    void fiveSecondOutageLosesAndRepeatsNothing() throws Exception {
        outage(2, 5_000);
    }

    @Test
    void thirtySecondOutageLosesAndRepeatsNothing() throws Exception {
        outage(3, 30_000);
    }

    private void outage(int pair, long millis) throws Exception {
        try (NetworkNamespaces ns = NetworkNamespaces.create(pair)) {
            Path peers = Files.writeString(
                    tmp.resolve("peers-" + pair + ".txt"),
                    "leo-1 " + ns.addressA + ":7401\nleo-2 " + ns.addressB + ":7402\nleo-3 " + ns.addressB + ":7403\n");
            JsonNode doc = run(peers, ns, "pair-" + pair, millis);
            for (int s = 0; s < 2; s++) {
                assertEquals(
                        undisturbed.at("/outputs/samples/" + s + "/generated").asText(),
                        doc.at("/outputs/samples/" + s + "/generated").asText(),
                        "sample " + s + " after an outage of " + millis + " ms");
            }
            assertEquals(STEPS, doc.at("/outputs/samples/0/generated").asText().length());
        }
    }

    /**
     * Runs the three nodes (leo-1 in namespace A, the others in B, or all on loopback), with a
     * blackhole of {@code millis} once they are well into the run; returns the last node's JSON.
     */
    private static JsonNode run(Path peers, NetworkNamespaces ns, String name, long millis) throws Exception {
        Path logs = tmp.resolve("logs-" + (name == null ? "loopback" : name));
        List<NodeProcess> nodes = new ArrayList<>();
        try {
            nodes.add(NodeProcess.start(
                    mission, "leo-3", peers, logs, ns == null ? null : ns.b, with(TIMEOUTS, "--json")));
            nodes.add(NodeProcess.start(mission, "leo-2", peers, logs, ns == null ? null : ns.b, TIMEOUTS));
            nodes.add(NodeProcess.start(
                    mission,
                    "leo-1",
                    peers,
                    logs,
                    ns == null ? null : ns.a,
                    with(TIMEOUTS, "--generate", Integer.toString(STEPS), "--input", prompts.toString())));
            for (NodeProcess n : nodes) {
                n.awaitStarted(60);
            }
            long down = 0;
            if (ns != null) {
                Thread.sleep(1_000); // well into the run
                long start = System.nanoTime();
                ns.blackhole(true);
                long full = System.nanoTime();
                Thread.sleep(millis);
                long lifting = System.nanoTime();
                ns.blackhole(false);
                down = (System.nanoTime() - start) / 1_000_000;
                System.out.printf(
                        Locale.ROOT,
                        "OutageTest: %s: packets dropped both ways for %d ms, one way or both for %d ms (tc takes the rest)%n",
                        name,
                        (lifting - full) / 1_000_000,
                        down);
            }
            for (NodeProcess n : nodes) {
                assertEquals(0, n.exit(200), n.node + ": " + n.err());
            }
            List<String> resumed = new ArrayList<>();
            for (NodeProcess n : nodes) {
                n.err().lines().filter(l -> l.contains("links resumed")).forEach(resumed::add);
            }
            System.out.printf(
                    Locale.ROOT,
                    "OutageTest: %s, %d ms blackhole, %d steps x 2 micro-batches; %s%n",
                    name == null ? "undisturbed on loopback" : name,
                    down,
                    STEPS,
                    resumed.isEmpty() ? "no link had to be resumed" : String.join("; ", resumed));
            if (millis >= 30_000) {
                assertTrue(!resumed.isEmpty(), "a 30 s outage outlasts keepalive, so links must have been resumed");
            }
            // The outage fell inside the run: the first stage's wall time spans it.
            java.util.regex.Matcher wall = java.util.regex.Pattern.compile("micro-batches in ([0-9.]+) (ms|s),")
                    .matcher(nodes.get(2).err());
            assertTrue(wall.find(), nodes.get(2).err());
            double seconds = Double.parseDouble(wall.group(1)) / (wall.group(2).equals("ms") ? 1000 : 1);
            assertTrue(seconds * 1000 > millis, "the run took " + seconds + " s, not longer than the outage");
            return new ObjectMapper().readTree(nodes.get(0).out());
        } finally {
            nodes.forEach(NodeProcess::close);
        }
    }

    private static String[] with(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
