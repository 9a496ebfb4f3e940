package io.satc.runtime.pipeline;

import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleManifest;
import io.satc.runtime.bundle.BundleStage;
import io.satc.runtime.codec.DecodedFrame;
import io.satc.runtime.codec.FrameDecoder;
import io.satc.runtime.codec.FrameEncoder;
import io.satc.runtime.codec.FrameFormatException;
import io.satc.runtime.codec.LongTensor;
import io.satc.runtime.transport.Delivery;
import io.satc.runtime.transport.FrameSender;
import io.satc.runtime.transport.FrameServer;
import io.satc.runtime.transport.LinkInbox;
import io.satc.runtime.transport.MutualTls;
import io.satc.runtime.transport.Peer;
import io.satc.runtime.transport.TransportException;
import io.satc.runtime.transport.TransportOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The distributed form of a bundle: this process runs one stage, and its cuts are gRPC links to
 * the neighbouring stages' processes ({@code io.satc.runtime.transport}). The first stage's
 * process is also the source (it reads the input, and sends a {@link RunHeader} ahead of the
 * micro-batches that every later process forwards); the last stage's process is the sink (it
 * writes the output, labelled from that header). For a decoder, the last process sends each micro-batch's next token ids
 * back to the first over a {@code feedback} link, which starts the micro-batch's next step.
 *
 * <p>Threads inside a process are the pipeline's: source or link receiver, stage, link sender or
 * sink, with queues of {@link PipelineRunner#QUEUE_CAPACITY}. Every failure, local or of a peer,
 * ends the run with a message naming the link and the peer; nothing is reported as complete
 * unless every micro-batch of every step went through.
 */
public final class NodeRunner {

    /** The link a cut travels on: {@code cut-k} is the activation after stage k. */
    public static String cutLink(int afterStage) {
        return "cut-" + afterStage;
    }

    /** The link a decoder's next token ids travel back on, from the last stage to the first. */
    public static final String FEEDBACK = "feedback";

    /**
     * How this process takes part.
     *
     * @param node      the stage's node name, as in the manifest
     * @param host      where to listen
     * @param port      where to listen (0: any free port; tests only)
     * @param peers     every stage's node by name, with the address it listens on
     * @param transport link settings
     * @param timeout   the whole run fails after this long
     * @param warmUp    run the stage once before the first micro-batch
     * @param tls       mutual TLS between the nodes (docs/transport.md), or empty for plaintext links
     * @param events    told, in one sentence each, what the node does (the run started, …)
     */
    public record Config(
            String node,
            String host,
            int port,
            Map<String, Peer> peers,
            TransportOptions transport,
            Duration timeout,
            boolean warmUp,
            Optional<MutualTls> tls,
            java.util.function.Consumer<String> events) {

        /** Plaintext links. */
        public Config(
                String node,
                String host,
                int port,
                Map<String, Peer> peers,
                TransportOptions transport,
                Duration timeout,
                boolean warmUp) {
            this(node, host, port, peers, transport, timeout, warmUp, Optional.empty(), event -> {});
        }
    }

    /** What the source sends: the input of one micro-batch of one step, given the feedback that started it. */
    @FunctionalInterface
    public interface NodeSource {
        /**
         * @param microBatchId step × M + i
         * @param feedback     the next-token ids of micro-batch {@code microBatchId − M}, or null in the first step
         */
        StageInput input(long microBatchId, LongTensor feedback) throws Exception;
    }

    /** What the sink does with each output: keep it, and for a decoder return the feedback ids (else null). */
    @FunctionalInterface
    public interface NodeSink {
        LongTensor accept(SinkOutput output) throws Exception;
    }

    /** The outcome of this process's part. */
    public sealed interface Result permits Done, Failed, Lost, Switched {}

    /**
     * @param stage       the stage this process ran
     * @param predictedS  its predicted service time per micro-batch
     * @param measuredS   its mean measured service time (native speed)
     * @param messages    micro-batches it processed (steps × M)
     * @param bytesOut    bytes of the messages it sent on its outgoing cut (0 for the last stage)
     * @param wallSeconds from this process's first micro-batch to its last
     * @param resumed     how many times this process's links were resumed after their connection broke
     */
    public record Done(
            String stage,
            double predictedS,
            double measuredS,
            long messages,
            long bytesOut,
            double wallSeconds,
            int resumed)
            implements Result {}

    /** @param message one sentence naming the resource, link or peer that failed */
    public record Failed(String message) implements Result {}

    /**
     * A supervised run stopped because a neighbour fell silent for the heartbeat timeout.
     *
     * @param peer    the silent neighbour
     * @param message one sentence saying which link and for how long
     */
    public record Lost(String peer, String message) implements Result {}

    /** A supervised run stopped because a switch to contingency {@code contingency} was asked for. */
    public record Switched(String contingency) implements Result {}

    /**
     * How a run is watched and wired when the node may switch plans ({@link FailoverNode}).
     *
     * @param server           the node's server, started by the caller with every link of every plan
     *                         it may run; this run uses those named {@code linkPrefix + name}
     * @param linkPrefix       {@code ""} for the main plan, {@code "<contingency id>/"} for a contingency
     * @param heartbeatTimeout a replaceable neighbour that sends nothing (not even a heartbeat) for this
     *                         long is lost; empty: never. A neighbour nothing could replace is waited
     *                         for as its links are (docs/transport.md, Reconnection)
     * @param switchTo         polled while the run goes: a contingency some node asked to switch to
     * @param onLost           told the silent neighbour's name before the run stops, so the others can
     *                         be told to switch before this node's links close
     */
    public record Supervision(
            FrameServer server,
            String linkPrefix,
            Optional<Duration> heartbeatTimeout,
            java.util.function.Supplier<Optional<String>> switchTo,
            java.util.function.Consumer<String> onLost,
            java.util.function.Predicate<String> replaceable) {}

    private final Bundle bundle;
    private final Config config;

    public NodeRunner(Bundle bundle, Config config) {
        this.bundle = bundle;
        this.config = config;
    }

    /** The stage that {@code node} runs, or null when the plan gives it none. */
    public static BundleStage stageOf(BundleManifest manifest, String node) {
        for (BundleStage s : manifest.stages()) {
            if (s.node().equals(node)) {
                return s;
            }
        }
        return null;
    }

    /**
     * The first stage's part of a run: the header it sends ahead of the micro-batches, and what
     * its source sends.
     */
    public record Origin(RunHeader header, NodeSource source) {}

    /** Opens the last stage's sink once the run's header is known (from the stream, or the origin). */
    @FunctionalInterface
    public interface SinkFactory {
        NodeSink open(RunHeader header) throws Exception;
    }

    /**
     * Serves this node's part of the run: {@code header.steps()} passes of the M micro-batches.
     * The first stage's process is given the run's {@code origin}; every later one learns the
     * header from its incoming link, where it arrives before micro-batch 0, and forwards it
     * unchanged to the next, so only the first process reads the input.
     *
     * @param origin present exactly for the first stage's process
     * @param sinks  used by the last stage's process only
     */
    public Result run(Optional<Origin> origin, SinkFactory sinks, StageComputeFactory computes) {
        return run(origin, sinks, computes, Optional.empty());
    }

    /**
     * {@link #run(Optional, SinkFactory, StageComputeFactory)} on the links of a shared server,
     * watched: the run stops with {@link Lost} when a neighbour falls silent for the heartbeat
     * timeout, and with {@link Switched} when a switch to a contingency is asked for.
     */
    public Result run(
            Optional<Origin> origin,
            SinkFactory sinks,
            StageComputeFactory computes,
            Optional<Supervision> supervision) {
        BundleManifest manifest = bundle.manifest();
        String prefix = supervision.map(Supervision::linkPrefix).orElse("");
        BundleStage stage = stageOf(manifest, config.node());
        if (stage == null) {
            return new Failed("Node `" + config.node() + "` runs no stage of this bundle; its stages run on "
                    + String.join(
                            ", ",
                            manifest.stages().stream().map(BundleStage::node).toList()) + ".");
        }
        int k = stage.index();
        int stages = manifest.stages().size();
        boolean first = k == 1;
        boolean last = k == stages;
        if (first != origin.isPresent()) {
            throw new IllegalArgumentException("the first stage's process, and only it, starts the run with an origin");
        }
        int m = manifest.microBatches();
        List<MessageLayout> layouts = MessageLayout.of(manifest);
        String from = first ? null : manifest.stages().get(k - 2).node();
        Peer next = last ? null : config.peers().get(manifest.stages().get(k).node());
        Peer head = config.peers().get(manifest.stages().get(0).node());
        if (!last && next == null) {
            return new Failed("No address for `" + manifest.stages().get(k).node() + "`, which runs stage " + (k + 1)
                    + "; list it in the peers file.");
        }
        // The first stage serves the feedback link when its origin's run has several steps (a decoder's).
        List<String> served = new ArrayList<>();
        if (!first) {
            served.add(prefix + cutLink(k - 1));
        }
        boolean firstFeeds = first && !last && origin.get().header().steps() > 1;
        if (firstFeeds) {
            served.add(prefix + FEEDBACK);
        }
        // A feedback inbox as deep as a step: the sink never waits on it, so the loop of links cannot deadlock.
        TransportOptions serverOptions =
                config.transport().withWindow(Math.max(config.transport().window(), m + 1));
        FrameServer server = null;
        StageCompute compute = null;
        List<FrameSender> senders = new ArrayList<>();
        Runnable abort = () -> senders.forEach(FrameSender::close);
        WorkerThreads threads = null;
        AtomicReference<Result> interruption = new AtomicReference<>();
        try {
            if (supervision.isPresent()) {
                server = supervision.get().server();
            } else if (!served.isEmpty()) {
                if (config.tls().isPresent()) {
                    // Over TLS each link takes streams only from the node the plan has send on it.
                    Map<String, String> sending = new java.util.TreeMap<>();
                    for (String link : served) {
                        sending.put(
                                link,
                                link.equals(prefix + FEEDBACK)
                                        ? manifest.stages().get(stages - 1).node()
                                        : from);
                    }
                    server = FrameServer.start(
                            config.host(),
                            config.port(),
                            sending,
                            serverOptions,
                            config.tls().get());
                } else {
                    server = FrameServer.start(config.host(), config.port(), served, serverOptions);
                }
            }
            compute = computes.create(bundle, stage);
            byte[] headerBytes;
            RunHeader header;
            if (first) {
                header = origin.get().header();
                headerBytes = header.toBytes();
            } else {
                headerBytes = receiveHeader(server.inbox(prefix + cutLink(k - 1)), from);
                header = RunHeader.parse(headerBytes);
            }
            if (!first && header.samples().size() > manifest.batch()) {
                return new Failed("The run header from " + from + " names "
                        + header.samples().size()
                        + " samples, but this bundle's batch holds " + manifest.batch()
                        + "; do both nodes run the same bundle?");
            }
            int steps = header.steps();
            boolean feedback = steps > 1;
            int total;
            try {
                total = Math.multiplyExact(steps, m);
            } catch (ArithmeticException e) {
                return new Failed("A run of " + steps + " passes of " + m + " micro-batches is too long to count.");
            }
            // A replay after a switch starts where the sink's outputs stop; each thread moves the rest.
            int start = header.first();
            if (start > total) {
                return new Failed(
                        "The run header resumes at micro-batch " + start + ", past the " + total + " of the run.");
            }
            int count = total - start;
            if (last && !first && feedback && head == null) {
                return new Failed("No address for `" + manifest.stages().get(0).node()
                        + "`, which runs stage 1 and takes the decoder's feedback; list it in the peers file.");
            }
            List<Worker> workers = new ArrayList<>();
            BlockingQueue<Frame> in = new ArrayBlockingQueue<>(PipelineRunner.QUEUE_CAPACITY);
            BlockingQueue<Frame> out = new ArrayBlockingQueue<>(PipelineRunner.QUEUE_CAPACITY);
            // Three threads: source or link receiver, the stage, link sender or sink; a fourth watches the
            // neighbours when the run is supervised.
            RunControl control = new RunControl(
                    supervision.isPresent() ? 4 : 3,
                    config.transport().stallTimeout().toNanos());
            List<Neighbour> neighbours = new java.util.concurrent.CopyOnWriteArrayList<>();
            // A single stage that is both first and last hands a decoder's feedback over in memory.
            LongFeedback local = first && last && feedback ? new LongFeedback() : null;
            String previousName;
            if (first) {
                LinkInbox feedbackInbox = firstFeeds ? server.inbox(prefix + FEEDBACK) : null;
                if (feedbackInbox != null) {
                    neighbours.add(
                            new Neighbour(manifest.stages().get(stages - 1).node(), feedbackInbox::lastHeardNanos));
                }
                workers.add(new FeedbackSource(
                        control,
                        layouts.get(0),
                        origin.get().source(),
                        total,
                        start,
                        m,
                        in,
                        stage.resourceName(),
                        feedbackInbox,
                        local,
                        manifest.stages().get(stages - 1).node()));
                previousName = "source";
            } else {
                LinkInbox inbox = server.inbox(prefix + cutLink(k - 1));
                neighbours.add(new Neighbour(from, inbox::lastHeardNanos));
                workers.add(new LinkReceiver(control, inbox, from, count, in, stage.resourceName()));
                previousName = "link " + from + " -> " + config.node();
            }
            ResourceMeter meter = new ResourceMeter(count);
            String nextName = last ? "sink" : "link " + config.node() + " -> " + next.name();
            workers.add(new StageWorker(
                            stage.resourceName(),
                            control,
                            compute,
                            stage,
                            layouts.get(k - 1),
                            layouts.get(k),
                            -1,
                            config.warmUp(),
                            count,
                            in,
                            out,
                            previousName,
                            nextName,
                            meter)
                    .from(start));
            long[] bytesOut = new long[1];
            if (!last) {
                FrameSender sender = FrameSender.connect(
                        prefix + cutLink(k),
                        next,
                        config.transport(),
                        config.tls().orElse(null));
                senders.add(sender);
                neighbours.add(new Neighbour(next.name(), sender::lastHeardNanos));
                sender.send(RunHeader.MICRO_BATCH_ID, headerBytes);
                workers.add(new LinkSender(control, sender, count, out, stage.resourceName(), bytesOut));
            } else {
                NodeSink sink = sinks.open(header);
                FrameSender back = first || !feedback
                        ? null
                        : FrameSender.connect(
                                prefix + FEEDBACK,
                                head,
                                config.transport(),
                                config.tls().orElse(null));
                if (back != null) {
                    senders.add(back);
                    neighbours.add(new Neighbour(head.name(), back::lastHeardNanos));
                }
                SinkWorker sinkWorker =
                        new SinkWorker(control, total, layouts.get(stages), out, stage.resourceName()).from(start);
                FrameEncoder encoder = new FrameEncoder();
                sinkWorker.withHook(o -> {
                    LongTensor ids = sink.accept(o);
                    if (ids != null && back != null) {
                        back.send(
                                o.microBatch(),
                                encoder.encode(ids, MessageLayout.SIDE_CODEC, o.microBatch())
                                        .bytes());
                    } else if (ids != null && local != null) {
                        local.offer(ids);
                    }
                });
                workers.add(sinkWorker);
            }
            if (supervision.isPresent()) {
                workers.add(new Watch(control, neighbours, supervision.get(), interruption));
            }
            long deadline = System.nanoTime() + config.timeout().toNanos();
            threads = WorkerThreads.start(control, workers, "satc node ");
            threads.await(
                    deadline,
                    () -> RunControl.failureOf("node", "node", -1, "The stage did not warm up in time."),
                    () -> RunControl.failureOf(
                            "node",
                            "node",
                            -1,
                            "The run exceeded its timeout of "
                                    + config.timeout().toSeconds() + " s."),
                    () -> {
                        control.markStart(System.nanoTime());
                        config.events()
                                .accept("the run started: " + steps + (steps == 1 ? " pass" : " passes") + " of " + m
                                        + " micro-batches.");
                    });
            threads.stop(abort);
            if (interruption.get() != null) {
                return interruption.get();
            }
            if (control.failed()) {
                return new Failed(control.failure().message());
            }
            for (FrameSender s : senders) {
                s.finish();
            }
            if (firstFeeds) {
                // The last stage's process finishes its feedback stream after the final step; wait for it.
                drainToEnd(server.inbox(prefix + FEEDBACK));
            }
            double wall = (System.nanoTime() - control.startNanos()) / 1e9;
            int resumed = senders.stream().mapToInt(FrameSender::reconnections).sum();
            if (server != null) {
                for (String link : served) {
                    resumed += server.inbox(link).resumptions();
                }
            }
            return new Done(
                    stage.resourceName(),
                    stage.predictedServiceS(),
                    meter.meanBusySeconds(),
                    count,
                    bytesOut[0],
                    wall,
                    resumed);
        } catch (TransportException e) {
            return new Failed(e.getMessage());
        } catch (FrameFormatException e) {
            return new Failed("The link from " + from + " carried a bad run header: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("The node was interrupted.");
        } catch (Exception e) {
            return new Failed(Worker.capitalised(stage.resourceName()) + " could not start: "
                    + (e.getMessage() == null ? e.getClass().getName() : e.getMessage()));
        } finally {
            // Threads end before anything they use is closed: links first (to unblock them), the session last.
            List<StageCompute> sessions = compute == null ? List.of() : List.of(compute);
            if (threads != null) {
                threads.closeAfterStop(
                        () -> RunControl.failureOf("node", "node", -1, "The node stopped."),
                        abort,
                        sessions,
                        new ArrayList<>());
                if (threads.interrupted()) {
                    Thread.currentThread().interrupt();
                }
            }
            senders.forEach(FrameSender::close);
            if (server != null && supervision.isEmpty()) {
                server.close();
            }
            if (threads == null) {
                WorkerThreads.closeAll(sessions, new ArrayList<>());
            }
        }
    }

    /** The run header, the first message on the incoming cut, as its bytes arrived. */
    private static byte[] receiveHeader(LinkInbox inbox, String from) throws TransportException, InterruptedException {
        Delivery d;
        try {
            d = inbox.receive();
        } catch (TransportException e) {
            throw new TransportException(
                    e.reason(), "The link from " + from + " gave no run header: " + e.getMessage(), e);
        }
        if (d instanceof Delivery.EndOfStream) {
            throw new TransportException(
                    TransportException.Reason.PROTOCOL,
                    "The link from " + from + " ended before its run header.",
                    null);
        }
        Delivery.Message msg = (Delivery.Message) d;
        if (msg.microBatchId() != RunHeader.MICRO_BATCH_ID) {
            throw new TransportException(
                    TransportException.Reason.PROTOCOL,
                    "The link from " + from + " began with micro-batch " + msg.microBatchId()
                            + " instead of the run header; do both nodes run the same satc version?",
                    null);
        }
        return msg.payload();
    }

    private static void drainToEnd(LinkInbox inbox) throws TransportException, InterruptedException {
        while (!(inbox.receive() instanceof Delivery.EndOfStream)) {
            // Feedback of the final step starts nothing; only its end matters.
        }
    }

    /** A neighbour of this node on one of the run's links, and when it was last heard from. */
    record Neighbour(String node, java.util.function.LongSupplier lastHeardNanos) {}

    /**
     * The fourth thread of a supervised run: every 100 ms, whether a neighbour has been silent
     * for the heartbeat timeout (it ends the run as {@link Lost}) or a switch was asked for (as
     * {@link Switched}); it ends with the run.
     */
    static final class Watch extends Worker {
        private final List<Neighbour> neighbours;
        private final Optional<Duration> timeout;
        private final java.util.function.Supplier<Optional<String>> switchTo;
        private final java.util.function.Consumer<String> onLost;
        private final java.util.function.Predicate<String> replaceable;
        private final AtomicReference<Result> interruption;

        Watch(
                RunControl control,
                List<Neighbour> neighbours,
                Supervision supervision,
                AtomicReference<Result> interruption) {
            super("watch", "node", control);
            this.neighbours = neighbours;
            this.timeout = supervision.heartbeatTimeout();
            this.switchTo = supervision.switchTo();
            this.onLost = supervision.onLost();
            this.replaceable = supervision.replaceable();
            this.interruption = interruption;
        }

        @Override
        void loop() throws Exception {
            while (!control.over()) {
                Thread.sleep(100);
                Optional<String> asked = switchTo.get();
                if (asked.isPresent()) {
                    interruption.compareAndSet(null, new Switched(asked.get()));
                    throw new IllegalStateException("A switch to contingency `" + asked.get() + "` was asked for.");
                }
                if (timeout.isPresent()) {
                    long now = System.nanoTime();
                    for (Neighbour n : neighbours) {
                        if (!replaceable.test(n.node())) {
                            continue;
                        }
                        long silent = now - n.lastHeardNanos().getAsLong();
                        if (silent > timeout.get().toNanos()) {
                            String message = n.node() + " sent nothing, not even a heartbeat, for "
                                    + String.format(java.util.Locale.ROOT, "%.1f s", silent / 1e9)
                                    + " (the heartbeat timeout is "
                                    + timeout.get().toSeconds() + " s).";
                            if (interruption.compareAndSet(null, new Lost(n.node(), message))) {
                                onLost.accept(n.node());
                            }
                            throw new IllegalStateException(message);
                        }
                    }
                }
            }
        }
    }

    /** Feedback handed over inside one process, when a single stage is both first and last. */
    static final class LongFeedback {
        private final BlockingQueue<LongTensor> queue = new java.util.concurrent.LinkedBlockingQueue<>();

        void offer(LongTensor ids) {
            queue.add(ids);
        }

        LongTensor take(Duration timeout) throws InterruptedException {
            return queue.poll(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** The first stage's source: step 0 from the inputs, each later micro-batch after its feedback arrived. */
    static final class FeedbackSource extends Worker {
        private final MessageLayout layout;
        private final NodeSource source;
        private final int total;
        private final int start;
        private final int m;
        private final BlockingQueue<Frame> output;
        private final String next;
        private final LinkInbox inbox;
        private final LongFeedback local;
        private final String lastNode;
        private final FrameEncoder encoder = new FrameEncoder();
        private final FrameDecoder decoder = new FrameDecoder();

        FeedbackSource(
                RunControl control,
                MessageLayout layout,
                NodeSource source,
                int total,
                int start,
                int m,
                BlockingQueue<Frame> output,
                String next,
                LinkInbox inbox,
                LongFeedback local,
                String lastNode) {
            super("source", "source", control);
            this.layout = layout;
            this.source = source;
            this.total = total;
            this.start = start;
            this.m = m;
            this.output = output;
            this.next = next;
            this.inbox = inbox;
            this.local = local;
            this.lastNode = lastNode;
        }

        @Override
        void loop() throws Exception {
            for (int id = start; id < total; id++) {
                current = id;
                LongTensor feedback = id < m ? null : feedback(id - m);
                StageInput in = source.input(id, feedback);
                put(output, new Frame(id, layout.encode(encoder, in.main(), in.side(), id), System.nanoTime()), next);
            }
        }

        private LongTensor feedback(long expected) throws Exception {
            if (inbox == null) {
                LongTensor ids = local.take(Duration.ofMinutes(1));
                if (ids == null) {
                    throw new IllegalStateException("No feedback for micro-batch " + expected + " within a minute.");
                }
                return ids;
            }
            Delivery d;
            try {
                d = inbox.receive();
            } catch (TransportException e) {
                throw new LinkFailure("The feedback link from " + lastNode + " broke: " + e.getMessage(), e);
            }
            if (d instanceof Delivery.EndOfStream end) {
                throw new LinkFailure("The feedback link from " + lastNode + " ended after " + end.messages()
                        + " messages, before micro-batch " + expected + ".");
            }
            Delivery.Message msg = (Delivery.Message) d;
            DecodedFrame frame = decoder.decode(msg.payload());
            if (frame.microBatchId() != expected || !(frame.activation() instanceof LongTensor ids)) {
                throw new IllegalStateException("Feedback for micro-batch " + frame.microBatchId() + " arrived where "
                        + expected + " was due.");
            }
            return ids;
        }
    }

    /** Takes the cut's messages off the network into the stage's queue, in order, until the sender's end. */
    static final class LinkReceiver extends Worker {
        private final LinkInbox inbox;
        private final String from;
        private final int total;
        private final BlockingQueue<Frame> output;
        private final String next;

        LinkReceiver(
                RunControl control, LinkInbox inbox, String from, int total, BlockingQueue<Frame> output, String next) {
            super("link from " + from, "hop", control);
            this.inbox = inbox;
            this.from = from;
            this.total = total;
            this.output = output;
            this.next = next;
        }

        @Override
        void loop() throws Exception {
            for (int id = 0; id < total; id++) {
                Delivery d = receive();
                if (d instanceof Delivery.EndOfStream end) {
                    // The stream's count includes the run header before micro-batch 0.
                    throw new LinkFailure("The link from " + from + " ended after " + (end.messages() - 1) + " of "
                            + total + " micro-batches.");
                }
                Delivery.Message msg = (Delivery.Message) d;
                current = msg.microBatchId();
                put(output, new Frame(msg.microBatchId(), msg.payload(), System.nanoTime()), next);
            }
            current = -1;
            // The sender's clean end confirms the stream; only then may this process finish and close its server.
            if (!(receive() instanceof Delivery.EndOfStream)) {
                throw new LinkFailure(
                        "The link from " + from + " carried more than the " + total + " micro-batches of the run.");
            }
        }

        private Delivery receive() throws LinkFailure, InterruptedException {
            try {
                return inbox.receive();
            } catch (TransportException e) {
                throw new LinkFailure("The link from " + from + " broke: " + e.getMessage(), e);
            }
        }
    }

    /** Sends the stage's output messages to the next stage's process. */
    static final class LinkSender extends Worker {
        private final FrameSender sender;
        private final int total;
        private final BlockingQueue<Frame> input;
        private final String previous;
        private final long[] bytes;

        LinkSender(
                RunControl control,
                FrameSender sender,
                int total,
                BlockingQueue<Frame> input,
                String previous,
                long[] bytes) {
            super("link to " + sender.peer().name(), "hop", control);
            this.sender = sender;
            this.total = total;
            this.input = input;
            this.previous = previous;
            this.bytes = bytes;
        }

        @Override
        void loop() throws Exception {
            for (int id = 0; id < total; id++) {
                Frame frame = take(input, "a frame from " + previous);
                current = frame.microBatchId();
                sender.send(frame.microBatchId(), frame.bytes());
                bytes[0] += frame.bytes().length;
            }
            control.complete();
        }
    }
}
