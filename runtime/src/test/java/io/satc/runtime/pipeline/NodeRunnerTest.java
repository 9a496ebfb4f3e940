package io.satc.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleStage;
import io.satc.runtime.bundle.TestBundles;
import io.satc.runtime.codec.Activation;
import io.satc.runtime.codec.LongTensor;
import io.satc.runtime.transport.FrameSender;
import io.satc.runtime.transport.Peer;
import io.satc.runtime.transport.TransportOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link NodeRunner} inside one JVM: its threads, its stream header and its links on loopback. */
class NodeRunnerTest {

    private static final int M = 4;

    @TempDir
    Path dir;

    private static NodeRunner.Config config(String node) {
        return new NodeRunner.Config(
                node,
                "127.0.0.1",
                0,
                Map.of(),
                TransportOptions.defaults().withStallTimeout(Duration.ofSeconds(10)),
                Duration.ofSeconds(30),
                false);
    }

    /** The names of the node's threads that are still alive. */
    private static List<String> liveNodeThreads() {
        List<String> live = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("satc node ") && t.isAlive()) {
                live.add(t.getName());
            }
        }
        return live;
    }

    /**
     * A session whose call does not notice interrupts (as a native ONNX Runtime call does not) and
     * that records, when closed, which of the node's threads were still running.
     */
    private static final class RecordingCompute implements StageCompute {
        final CountDownLatch computing = new CountDownLatch(1);
        final AtomicReference<List<String>> liveAtClose = new AtomicReference<>();
        private final SyntheticCompute synthetic;

        RecordingCompute(SyntheticCompute synthetic) {
            this.synthetic = synthetic;
        }

        @Override
        public Activation apply(StageInput input, long microBatchId) {
            if (microBatchId == 1) {
                computing.countDown();
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            }
            return synthetic.apply(input, microBatchId);
        }

        @Override
        public void close() {
            liveAtClose.set(liveNodeThreads());
        }
    }

    @Test
    void anInterruptedNodeStopsEveryWorkerBeforeItClosesTheSession() throws Exception {
        Bundle bundle = new Bundle(dir, TestBundles.singleStage(M), Map.of());
        List<StageInput> inputs = PipelineRunner.syntheticInputs(bundle);
        AtomicReference<RecordingCompute> compute = new AtomicReference<>();
        StageComputeFactory factory = (b, stage) -> {
            compute.set(new RecordingCompute(SyntheticCompute.of(stage)));
            return compute.get();
        };
        AtomicReference<NodeRunner.Result> result = new AtomicReference<>();
        Thread caller = new Thread(() -> result.set(new NodeRunner(bundle, config("leo-1"))
                .run(
                        Optional.of(new NodeRunner.Origin(RunHeader.tensors(), (id, feedback) -> inputs.get((int) id))),
                        header -> out -> null,
                        factory)));
        caller.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (compute.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(compute.get().computing.await(10, TimeUnit.SECONDS), "the stage never started computing");
        caller.interrupt();
        caller.join(10_000);
        assertTrue(!caller.isAlive(), "the node did not return after the interrupt");
        NodeRunner.Failed failed = assertInstanceOf(NodeRunner.Failed.class, result.get());
        assertTrue(failed.message().contains("interrupted"), failed.message());
        assertEquals(List.of(), compute.get().liveAtClose.get(), "threads still running when the session closed");
        assertEquals(List.of(), liveNodeThreads());
    }

    /** A sink factory for a node that is not the last: it must never be asked. */
    private static NodeRunner.SinkFactory noSink() {
        return header -> {
            throw new AssertionError("only the last stage opens a sink");
        };
    }

    /** Runs each node of {@code bundle} on its own thread; the first with {@code origin}, the last with {@code sink}. */
    private static List<NodeRunner.Result> runAll(Bundle bundle, NodeRunner.Origin origin, NodeRunner.SinkFactory sink)
            throws Exception {
        Map<String, Peer> peers = LoopbackNodes.peers(bundle);
        List<CompletableFuture<NodeRunner.Result>> nodes = new ArrayList<>();
        int stages = bundle.manifest().stages().size();
        for (BundleStage s : bundle.manifest().stages()) {
            NodeRunner runner = new NodeRunner(bundle, LoopbackNodes.config(s.node(), peers));
            nodes.add(CompletableFuture.supplyAsync(() -> runner.run(
                    s.index() == 1 ? Optional.of(origin) : Optional.empty(),
                    s.index() == stages ? sink : noSink(),
                    StageComputeFactory.standard())));
        }
        List<NodeRunner.Result> results = new ArrayList<>();
        for (CompletableFuture<NodeRunner.Result> node : nodes) {
            results.add(node.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void laterNodesLearnTheRunFromTheStreamAndGiveTheChecksumsOfOneProcess() throws Exception {
        Bundle bundle = TestBundles.write(dir, TestBundles.relayed(M));
        List<StageInput> inputs = PipelineRunner.syntheticInputs(bundle);
        RunHeader sent = new RunHeader(1, List.of("Première phrase", "second sample"));
        AtomicReference<RunHeader> learned = new AtomicReference<>();
        List<String> checksums = Collections.synchronizedList(new ArrayList<>());
        List<NodeRunner.Result> results =
                runAll(bundle, new NodeRunner.Origin(sent, (id, feedback) -> inputs.get((int) id)), header -> {
                    learned.set(header);
                    return out -> {
                        checksums.add(SyntheticActivation.hex(SyntheticActivation.checksum(out.output())));
                        return null;
                    };
                });
        for (NodeRunner.Result r : results) {
            NodeRunner.Done done = assertInstanceOf(NodeRunner.Done.class, r, r::toString);
            assertEquals(M, done.messages());
        }
        assertEquals(sent, learned.get(), "the last node is told what the first read");
        RunResult.Completed local =
                assertInstanceOf(RunResult.Completed.class, new PipelineRunner().run(bundle, RunOptions.nativeSpeed()));
        assertEquals(
                local.report().outputs().stream()
                        .map(MicroBatchOutput::checksum)
                        .toList(),
                checksums);
    }

    @Test
    void eachMicroBatchsNextStepStartsFromTheIdsTheLastNodeSentBack() throws Exception {
        Bundle bundle = TestBundles.write(dir, TestBundles.relayed(M));
        List<StageInput> inputs = PipelineRunner.syntheticInputs(bundle);
        int steps = 3;
        List<String> fedBack = Collections.synchronizedList(new ArrayList<>());
        NodeRunner.Origin origin = new NodeRunner.Origin(new RunHeader(steps, List.of()), (id, feedback) -> {
            if (feedback != null) {
                fedBack.add(id + "<-" + feedback.data()[0]);
            }
            return inputs.get((int) (id % M));
        });
        AtomicReference<Integer> stepsAtSink = new AtomicReference<>();
        List<NodeRunner.Result> results = runAll(bundle, origin, header -> {
            stepsAtSink.set(header.steps());
            return out -> LongTensor.of(new long[] {out.microBatch()}, 1);
        });
        for (NodeRunner.Result r : results) {
            assertEquals(
                    steps * M,
                    assertInstanceOf(NodeRunner.Done.class, r, r::toString).messages());
        }
        assertEquals(steps, stepsAtSink.get());
        List<String> expected = new ArrayList<>();
        for (int id = M; id < steps * M; id++) {
            expected.add(id + "<-" + (id - M));
        }
        assertEquals(expected, fedBack);
    }

    /** What {@code node} (not the first) says when its upstream's stream begins with {@code payload} as {@code id}. */
    private String failureAfterUpstreamSends(String node, long id, byte[] payload) throws Exception {
        Bundle bundle = TestBundles.write(dir, TestBundles.relayed(M));
        Map<String, Peer> peers = LoopbackNodes.peers(bundle);
        int stage = NodeRunner.stageOf(bundle.manifest(), node).index();
        NodeRunner runner = new NodeRunner(bundle, LoopbackNodes.config(node, peers));
        CompletableFuture<NodeRunner.Result> result = CompletableFuture.supplyAsync(() -> runner.run(
                Optional.empty(), stage == 3 ? header -> out -> null : noSink(), StageComputeFactory.standard()));
        try (FrameSender upstream =
                FrameSender.connect(NodeRunner.cutLink(stage - 1), peers.get(node), TransportOptions.defaults())) {
            upstream.send(id, payload);
            return assertInstanceOf(NodeRunner.Failed.class, result.get(30, TimeUnit.SECONDS))
                    .message();
        }
    }

    @Test
    void aStreamThatDoesNotStartWithTheRunHeaderIsRefusedInOneSentence() throws Exception {
        assertEquals(
                "The link from leo-2 began with micro-batch 0 instead of the run header; do both nodes run the "
                        + "same satc version?",
                failureAfterUpstreamSends("leo-3", 0, new byte[] {1, 2, 3}));
    }

    @Test
    void aCorruptRunHeaderIsRefusedNamingTheLink() throws Exception {
        byte[] header = new RunHeader(2, List.of("a prompt")).toBytes();
        header[20] ^= 1;
        assertEquals(
                "The link from leo-1 carried a bad run header: The run header's CRC32C does not match; it is "
                        + "corrupt.",
                failureAfterUpstreamSends("leo-2", RunHeader.MICRO_BATCH_ID, header));
    }
}
