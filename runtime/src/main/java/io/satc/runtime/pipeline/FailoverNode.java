package io.satc.runtime.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleFile;
import io.satc.runtime.bundle.BundleManifest;
import io.satc.runtime.bundle.BundleRead;
import io.satc.runtime.bundle.BundleReader;
import io.satc.runtime.bundle.BundleStage;
import io.satc.runtime.bundle.ContingencyIndex;
import io.satc.runtime.transport.Delivery;
import io.satc.runtime.transport.FrameSender;
import io.satc.runtime.transport.FrameServer;
import io.satc.runtime.transport.LinkInbox;
import io.satc.runtime.transport.TransportException;
import io.satc.runtime.transport.TransportOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One node of a distributed run that can switch plans (docs/transport.md, "Failover"): it runs
 * the bundle's plan watched by heartbeats, and when a neighbour falls silent for the heartbeat
 * timeout it tells every other node to switch to the contingency the compiler made for losing
 * that satellite, and switches itself. The first stage's node replays the batch under the new
 * plan; the last stage's node keeps the outputs that had arrived and drops the repeats, so the
 * outputs are each micro-batch's, exactly once. A node with a stage only in a contingency waits
 * on standby; a node without one in the contingency stands down.
 *
 * <p>The replay starts at the last acknowledged point: the last stage's node, whose outputs are
 * kept, tells the first stage's node how many micro-batches it holds from the start on, and the
 * first resends from there ({@link RunHeader#first()}); without that word within a few seconds it
 * resends the whole batch and the last drops the repeats.
 *
 * <p>Switchable are single-pass runs (encoders, tensors, simulations) whose contingency keeps
 * the first and last stage on their nodes: those hold the input and the outputs. Nodes tell each
 * other on {@code control:<sender>} links, one per pair, in small JSON messages.
 */
public final class FailoverNode {

    /** How a failover node's part ended. */
    public sealed interface Outcome permits Ran, StoodDown {}

    /** It ran a plan: the main one, or {@code contingency}. */
    public record Ran(NodeRunner.Result result, Optional<String> contingency) implements Outcome {}

    /** It had nothing (more) to run: the contingency does not use it, or the run completed without it. */
    public record StoodDown(String why) implements Outcome {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTROL = "control:";
    /** After its run failed, how long a node waits to hear that the failure was a switch. */
    private static final long SWITCH_GRACE_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final Bundle bundle;
    private final NodeRunner.Config config;
    private final Duration heartbeatTimeout;
    private final BundleFile.Selection contingencyFiles;
    private final Map<String, ContingencyIndex.Contingency> switchable = new LinkedHashMap<>();
    private final AtomicReference<String> switchTo = new AtomicReference<>();
    private final AtomicReference<String> aborted = new AtomicReference<>();
    private final CountDownLatch news = new CountDownLatch(1);
    /** Where the sink's outputs stop, per contingency, as it told the first stage's node. */
    private final Map<String, Integer> resumeFrom = new ConcurrentHashMap<>();

    private final Map<String, FrameSender> control = new ConcurrentHashMap<>();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();

    /**
     * @param contingencyFiles which files of a contingency this node verifies and loads when it
     *                         switches (its own part, …)
     */
    public FailoverNode(
            Bundle bundle,
            NodeRunner.Config config,
            ContingencyIndex index,
            Duration heartbeatTimeout,
            BundleFile.Selection contingencyFiles) {
        this.bundle = bundle;
        this.config = config;
        this.heartbeatTimeout = heartbeatTimeout;
        this.contingencyFiles = contingencyFiles;
        List<BundleStage> main = bundle.manifest().stages();
        for (ContingencyIndex.Contingency c : index.contingencies()) {
            if (c.executable()
                    && c.lostKind().equals("satellite")
                    && !c.stages().isEmpty()
                    && c.stages().get(0).node().equals(main.get(0).node())
                    && c.stages()
                            .get(c.stages().size() - 1)
                            .node()
                            .equals(main.get(main.size() - 1).node())) {
                switchable.put(c.id(), c);
            }
        }
    }

    /** The contingencies this run can switch to, by id: they keep the first and last stage where they are. */
    public Map<String, ContingencyIndex.Contingency> switchable() {
        return switchable;
    }

    /** Whether {@code node} runs a stage in some switchable contingency but not in the main plan. */
    public boolean standby(String node) {
        return NodeRunner.stageOf(bundle.manifest(), node) == null
                && switchable.values().stream()
                        .anyMatch(
                                c -> c.stages().stream().anyMatch(s -> s.node().equals(node)));
    }

    /**
     * Serves this node's part: the main plan if it has a stage there, else standby; then a
     * contingency if one is switched to.
     *
     * @param origin present exactly for the first stage's node (which is first in every switchable plan)
     */
    public Outcome serve(
            Optional<NodeRunner.Origin> origin, NodeRunner.SinkFactory sinks, StageComputeFactory computes) {
        String me = config.node();
        NodeRunner.SinkFactory once = new OnceSink(sinks);
        FrameServer server;
        try {
            server = startServer();
        } catch (TransportException e) {
            return new Ran(new NodeRunner.Failed(e.getMessage()), Optional.empty());
        }
        try {
            if (NodeRunner.stageOf(bundle.manifest(), me) != null) {
                NodeRunner.Result r = new NodeRunner(bundle, config)
                        .run(origin, once, computes, Optional.of(supervision(server, "", true)));
                if (r instanceof NodeRunner.Done) {
                    announceDone();
                    return new Ran(r, Optional.empty());
                }
                if (r instanceof NodeRunner.Lost lost) {
                    if (switchTo.get() == null) {
                        return new Ran(
                                new NodeRunner.Failed(lost.message() + " No contingency of this bundle can replace "
                                        + lost.peer() + " in this run."),
                                Optional.empty());
                    }
                    return contingency(switchTo.get(), server, origin, once, computes);
                }
                if (r instanceof NodeRunner.Switched s) {
                    return contingency(s.contingency(), server, origin, once, computes);
                }
                // A neighbour that switched closed its links first: the failure may be a switch arriving.
                if (await(SWITCH_GRACE_NANOS) && switchTo.get() != null) {
                    return contingency(switchTo.get(), server, origin, once, computes);
                }
                tell(Map.of("type", "abort", "why", ((NodeRunner.Failed) r).message()), Set.of());
                return new Ran(r, Optional.empty());
            }
            config.events().accept("standing by for " + String.join(", ", switchable.keySet()) + ".");
            if (!await(config.timeout().toNanos())) {
                return new StoodDown("no switch was asked for within the run's timeout.");
            }
            if (switchTo.get() != null) {
                return contingency(switchTo.get(), server, origin, once, computes);
            }
            if (aborted.get() != null) {
                return new Ran(new NodeRunner.Failed("The run failed elsewhere: " + aborted.get()), Optional.empty());
            }
            return new StoodDown("the run completed without needing it.");
        } finally {
            for (FrameSender s : control.values()) {
                try {
                    s.finish();
                } catch (TransportException | InterruptedException | IllegalStateException e) {
                    // A peer that is gone cannot be told goodbye.
                }
                s.close();
            }
            server.close();
        }
    }

    private Outcome contingency(
            String id,
            FrameServer server,
            Optional<NodeRunner.Origin> origin,
            NodeRunner.SinkFactory sinks,
            StageComputeFactory computes) {
        ContingencyIndex.Contingency c = switchable.get(id);
        config.events()
                .accept("switching to contingency " + id + " (" + c.lostKind() + " " + c.lost() + " lost): "
                        + c.note());
        BundleRead read = new BundleReader().contingency(bundle, c.manifest(), contingencyFiles);
        if (!(read instanceof BundleRead.Loaded loaded)) {
            String why = read instanceof BundleRead.Refused r
                    ? r.refusal().toString()
                    : String.join(" ", ((BundleRead.Rejected) read).errors());
            return new Ran(new NodeRunner.Failed("Contingency " + id + " cannot be loaded: " + why), Optional.of(id));
        }
        Bundle contingency = loaded.bundle();
        BundleStage mine = NodeRunner.stageOf(contingency.manifest(), config.node());
        if (mine == null) {
            return new StoodDown("contingency " + id + " runs no stage on it.");
        }
        List<BundleStage> stages = contingency.manifest().stages();
        if (mine.index() == stages.size() && sinks instanceof OnceSink once) {
            // The last acknowledged point: every micro-batch before it is in hand.
            tell(Map.of("type", "resume", "contingency", id, "from", Integer.toString(once.contiguous())), Set.of());
        }
        Optional<NodeRunner.Origin> replay = Optional.empty();
        if (mine.index() == 1) {
            int from = awaitResume(id);
            config.events()
                    .accept("replaying from micro-batch " + from
                            + (from == 0 ? "" : ", the first the last stage does not hold") + ".");
            replay = origin.map(o -> new NodeRunner.Origin(o.header().from(from), o.source()));
        }
        NodeRunner.Result r = new NodeRunner(contingency, config)
                .run(replay, sinks, computes, Optional.of(supervision(server, id + "/", false)));
        if (r instanceof NodeRunner.Done) {
            announceDone();
            if (sinks instanceof OnceSink once && mine.index() == stages.size()) {
                config.events()
                        .accept("kept the outputs that arrived before the switch"
                                + (once.dropped() == 0
                                        ? ""
                                        : " and dropped " + once.dropped() + " repeated by the replay")
                                + "; every micro-batch's output is here once.");
            }
        }
        return new Ran(r, Optional.of(id));
    }

    private NodeRunner.Supervision supervision(FrameServer server, String prefix, boolean mayFail) {
        return new NodeRunner.Supervision(
                server,
                prefix,
                mayFail ? Optional.of(heartbeatTimeout) : Optional.empty(),
                mayFail ? () -> Optional.ofNullable(switchTo.get()) : Optional::empty,
                this::lost,
                peer -> switchable.values().stream().anyMatch(c -> c.lost().equals(peer)));
    }

    /** A neighbour fell silent: switch everyone to the contingency for it, if there is one. */
    private void lost(String peer) {
        silent.add(peer);
        config.events()
                .accept(peer + " fell silent for the heartbeat timeout of " + heartbeatTimeout.toSeconds() + " s.");
        for (ContingencyIndex.Contingency c : switchable.values()) {
            if (c.lost().equals(peer)) {
                if (switchTo.compareAndSet(null, c.id())) {
                    tell(Map.of("type", "switch", "contingency", c.id(), "lost", peer), Set.of(peer));
                }
                return;
            }
        }
        tell(
                Map.of("type", "abort", "why", peer + " was lost and no contingency of this bundle replaces it."),
                Set.of(peer));
    }

    /** The last stage's node tells the standbys that the run is over. */
    private void announceDone() {
        BundleManifest m = bundle.manifest();
        if (m.stages().get(m.stages().size() - 1).node().equals(config.node())) {
            tell(Map.of("type", "done"), Set.of());
        }
    }

    /** Every node of every plan, other than this one. */
    private Set<String> peers() {
        Set<String> all = new TreeSet<>();
        bundle.manifest().stages().forEach(s -> all.add(s.node()));
        switchable.values().forEach(c -> c.stages().forEach(s -> all.add(s.node())));
        all.remove(config.node());
        return all;
    }

    /**
     * The node's one server: the main plan's links, each switchable contingency's under its id, and
     * a control link from every other node; over TLS each link takes streams only from its sender.
     */
    private FrameServer startServer() throws TransportException {
        Map<String, String> senders = new TreeMap<>();
        addLinks(
                senders,
                "",
                bundle.manifest().stages().stream()
                        .map(s -> new ContingencyIndex.Stage(s.index(), s.node(), s.firstUnit(), s.lastUnit()))
                        .toList());
        for (ContingencyIndex.Contingency c : switchable.values()) {
            addLinks(senders, c.id() + "/", c.stages());
        }
        for (String peer : peers()) {
            senders.put(CONTROL + peer, peer);
        }
        TransportOptions options = config.transport();
        FrameServer server = config.tls().isPresent()
                ? FrameServer.start(
                        config.host(),
                        config.port(),
                        senders,
                        options,
                        config.tls().get())
                : FrameServer.start(config.host(), config.port(), senders.keySet(), options);
        for (String peer : peers()) {
            LinkInbox inbox = server.inbox(CONTROL + peer);
            Thread t = new Thread(() -> listen(inbox), "satc control from " + peer);
            t.setDaemon(true);
            t.start();
        }
        return server;
    }

    private void addLinks(Map<String, String> senders, String prefix, List<ContingencyIndex.Stage> stages) {
        for (int k = 1; k < stages.size(); k++) {
            if (stages.get(k).node().equals(config.node())) {
                senders.put(prefix + NodeRunner.cutLink(k), stages.get(k - 1).node());
            }
        }
    }

    private void listen(LinkInbox inbox) {
        try {
            while (true) {
                Delivery d = inbox.receive(Duration.ofDays(1));
                if (!(d instanceof Delivery.Message m)) {
                    return;
                }
                JsonNode message = JSON.readTree(new String(m.payload(), StandardCharsets.UTF_8));
                switch (message.path("type").asText()) {
                    case "switch" -> {
                        String id = message.path("contingency").asText();
                        if (switchable.containsKey(id) && switchTo.compareAndSet(null, id)) {
                            config.events().accept("told to switch to contingency " + id + ".");
                        }
                    }
                    case "abort" ->
                        aborted.compareAndSet(null, message.path("why").asText());
                    case "resume" -> {
                        synchronized (resumeFrom) {
                            resumeFrom.put(
                                    message.path("contingency").asText(),
                                    Integer.parseInt(message.path("from").asText("0")));
                            resumeFrom.notifyAll();
                        }
                    }
                    case "done" -> {
                        // The run completed: a standby node stands down.
                    }
                    default -> {
                        // Unknown messages come from a newer runtime; ignored.
                    }
                }
                news.countDown();
            }
        } catch (TransportException | InterruptedException | java.io.IOException e) {
            // The peer went away or the server closed: nothing more to hear from it.
        }
    }

    /** How long the first stage's node waits to hear where the sink's outputs stop. */
    private static final long RESUME_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** Where the sink said the replay of {@code id} should start; 0 if it did not say in time. */
    private int awaitResume(String id) {
        long deadline = System.nanoTime() + RESUME_WAIT_NANOS;
        synchronized (resumeFrom) {
            while (!resumeFrom.containsKey(id) && System.nanoTime() < deadline) {
                try {
                    resumeFrom.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
            }
            return resumeFrom.getOrDefault(id, 0);
        }
    }

    /** Waits for a switch, an abort or the end, at most {@code nanos}; whether one came. */
    private boolean await(long nanos) {
        try {
            return news.await(nanos, TimeUnit.NANOSECONDS) || switchTo.get() != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sends {@code message} to every other node but {@code skip}, in parallel, each for at most a few seconds. */
    private void tell(Map<String, String> message, Set<String> skip) {
        ObjectNode json = JSON.createObjectNode();
        json.put("from", config.node());
        message.forEach(json::put);
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        List<Thread> threads = new ArrayList<>();
        for (String peer : peers()) {
            if (skip.contains(peer) || silent.contains(peer) || !config.peers().containsKey(peer)) {
                continue;
            }
            Thread t = new Thread(() -> send(peer, bytes), "satc control to " + peer);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void send(String peer, byte[] bytes) {
        try {
            FrameSender sender = control.get(peer);
            if (sender == null) {
                TransportOptions quick = config.transport()
                        .withConnectTimeout(Duration.ofSeconds(3))
                        .withReconnectTimeout(Duration.ofSeconds(3));
                sender = FrameSender.connect(
                        CONTROL + config.node(),
                        config.peers().get(peer),
                        quick,
                        config.tls().orElse(null));
                FrameSender raced = control.putIfAbsent(peer, sender);
                if (raced != null) {
                    sender.close();
                    sender = raced;
                }
            }
            synchronized (sender) {
                sender.send(0, bytes);
            }
        } catch (TransportException | InterruptedException e) {
            silent.add(peer);
        }
    }

    /** Opens the sink once; a contingency run gets the same sink, which drops outputs it already has. */
    private static final class OnceSink implements NodeRunner.SinkFactory {
        private final NodeRunner.SinkFactory real;
        private NodeRunner.NodeSink sink;
        private final Set<Long> accepted = new HashSet<>();
        private long dropped;

        OnceSink(NodeRunner.SinkFactory real) {
            this.real = real;
        }

        synchronized long dropped() {
            return dropped;
        }

        /** The first micro-batch not in hand: all before it have arrived. */
        synchronized int contiguous() {
            int n = 0;
            while (accepted.contains((long) n)) {
                n++;
            }
            return n;
        }

        @Override
        public synchronized NodeRunner.NodeSink open(RunHeader header) throws Exception {
            if (sink == null) {
                sink = real.open(header);
            }
            return output -> {
                synchronized (OnceSink.this) {
                    if (accepted.add(output.microBatch())) {
                        return sink.accept(output);
                    }
                    dropped++;
                    return null;
                }
            };
        }
    }
}
