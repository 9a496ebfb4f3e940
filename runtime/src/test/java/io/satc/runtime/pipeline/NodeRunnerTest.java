package io.satc.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.TestBundles;
import io.satc.runtime.codec.Activation;
import io.satc.runtime.transport.TransportOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Bundle bundle = new Bundle(dir, TestBundles.singleStage(M));
        List<StageInput> inputs = PipelineRunner.syntheticInputs(bundle);
        AtomicReference<RecordingCompute> compute = new AtomicReference<>();
        StageComputeFactory factory = (b, stage) -> {
            compute.set(new RecordingCompute(SyntheticCompute.of(stage)));
            return compute.get();
        };
        AtomicReference<NodeRunner.Result> result = new AtomicReference<>();
        Thread caller = new Thread(() -> result.set(new NodeRunner(bundle, config("leo-1"))
                .run(1, (id, feedback) -> inputs.get((int) id), out -> null, factory)));
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
}
