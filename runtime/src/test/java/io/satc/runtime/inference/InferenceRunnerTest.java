package io.satc.runtime.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleStage;
import io.satc.runtime.bundle.TextBundles;
import io.satc.runtime.pipeline.LoopbackNodes;
import io.satc.runtime.pipeline.RunOptions;
import io.satc.runtime.pipeline.StageComputeFactory;
import io.satc.runtime.pipeline.SyntheticCompute;
import io.satc.runtime.transport.Peer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link InferenceRunner} on text bundles with simulated stages: what `satc run` and `satc node`
 * make of inputs and outputs, one process against three.
 */
class InferenceRunnerTest {

    private static final int STEPS = 5;

    @TempDir
    Path dir;

    private final InferenceRunner runner = new InferenceRunner();

    /**
     * Simulated stages whose output depends on a micro-batch's place in its step, not on the step:
     * a local run numbers each pass's micro-batches 0…M−1, a distributed one step × M + i.
     */
    private static final StageComputeFactory PER_STEP = (bundle, stage) -> {
        SyntheticCompute synthetic = SyntheticCompute.of(stage);
        int m = bundle.manifest().microBatches();
        return (input, id) -> synthetic.apply(input, id < 0 ? id : id % m);
    };

    private static final RunOptions OPTIONS = RunOptions.nativeSpeed().withComputes(PER_STEP);

    private Path prompts(String... lines) throws Exception {
        return Files.writeString(dir.resolve("prompts.txt"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Serves every stage of {@code bundle} on its own thread, {@code input} and {@code steps} given
     * to the first stage only (the others get none and a different step count, which they must
     * not use), and returns each node's outcome in stage order.
     */
    private List<InferenceRunner.NodeOutcome> serveAll(Bundle bundle, Path input, int steps) throws Exception {
        return serveAll(bundle, input, steps, PER_STEP);
    }

    private List<InferenceRunner.NodeOutcome> serveAll(
            Bundle bundle, Path input, int steps, StageComputeFactory computes) throws Exception {
        Map<String, Peer> peers = LoopbackNodes.peers(bundle);
        List<CompletableFuture<InferenceRunner.NodeOutcome>> nodes = new ArrayList<>();
        for (BundleStage s : bundle.manifest().stages()) {
            boolean first = s.index() == 1;
            nodes.add(CompletableFuture.supplyAsync(() -> new InferenceRunner()
                    .serve(
                            bundle,
                            LoopbackNodes.config(s.node(), peers),
                            first ? input : null,
                            first ? steps : InferenceRunner.DEFAULT_STEPS,
                            computes)));
        }
        List<InferenceRunner.NodeOutcome> outcomes = new ArrayList<>();
        for (CompletableFuture<InferenceRunner.NodeOutcome> node : nodes) {
            outcomes.add(node.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    private static ModelOutputs lastOutputs(List<InferenceRunner.NodeOutcome> outcomes) {
        for (int i = 0; i < outcomes.size(); i++) {
            InferenceRunner.NodeDone done =
                    assertInstanceOf(InferenceRunner.NodeDone.class, outcomes.get(i), outcomes.get(i)::toString);
            assertEquals(i == outcomes.size() - 1, done.outputs().isPresent(), "only the last node has outputs");
        }
        return ((InferenceRunner.NodeDone) outcomes.get(outcomes.size() - 1))
                .outputs()
                .orElseThrow();
    }

    @Test
    void aDecoderGeneratesTheSameTextOnThreeNodesAsOnOneEvenWithoutBundledSamples() throws Exception {
        Bundle bundle = TextBundles.decoder(dir.resolve("bundle"), List.of());
        Path input = prompts("In the beginning", "And God said");
        ModelOutputs.Generated local = assertInstanceOf(
                ModelOutputs.Generated.class,
                assertInstanceOf(InferenceRunner.Done.class, runner.run(bundle, OPTIONS, input, STEPS, line -> {}))
                        .outputs());
        assertEquals(List.of("In the beginning", "And God said"), local.prompts());
        assertEquals(STEPS, local.continuations().get(0).length());
        ModelOutputs.Generated distributed =
                assertInstanceOf(ModelOutputs.Generated.class, lastOutputs(serveAll(bundle, input, STEPS)));
        assertEquals(local, distributed);
    }

    /** The reported hole: a middle (and last) node refused to start without --input when the bundle has no samples. */
    @Test
    void noNodeButTheFirstNeedsTheInput() throws Exception {
        Bundle bundle = TextBundles.decoder(dir.resolve("bundle"), List.of());
        Path input = prompts("In the beginning");
        Map<String, Peer> peers = LoopbackNodes.peers(bundle);
        List<CompletableFuture<InferenceRunner.NodeOutcome>> nodes = new ArrayList<>();
        for (BundleStage s : bundle.manifest().stages()) {
            Path given = s.index() == 1 ? input : null;
            nodes.add(CompletableFuture.supplyAsync(
                    () -> new InferenceRunner().serve(bundle, LoopbackNodes.config(s.node(), peers), given, 1)));
        }
        List<InferenceRunner.NodeOutcome> outcomes = new ArrayList<>();
        for (CompletableFuture<InferenceRunner.NodeOutcome> node : nodes) {
            outcomes.add(node.get(60, TimeUnit.SECONDS));
        }
        ModelOutputs.Generated generated = assertInstanceOf(ModelOutputs.Generated.class, lastOutputs(outcomes));
        assertEquals(List.of("In the beginning"), generated.prompts());
        assertEquals(1, generated.continuations().get(0).length());
    }

    @Test
    void withoutInputTheFirstNodeSendsTheBundledSamplesAndTheLastLabelsWithThem() throws Exception {
        List<String> samples = List.of("one sample", "another sample", "a third");
        Bundle bundle = TextBundles.decoder(dir.resolve("bundle"), samples);
        ModelOutputs.Generated distributed =
                assertInstanceOf(ModelOutputs.Generated.class, lastOutputs(serveAll(bundle, null, 3)));
        assertEquals(samples, distributed.prompts());
        assertEquals(3, distributed.steps());
        ModelOutputs.Generated local = assertInstanceOf(
                ModelOutputs.Generated.class,
                assertInstanceOf(InferenceRunner.Done.class, runner.run(bundle, OPTIONS, null, 3, line -> {}))
                        .outputs());
        assertEquals(local, distributed);
    }

    @Test
    void anEncodersEmbeddingsAreTheSameOnThreeNodesAndLabelledWithTheFirstNodesTexts() throws Exception {
        Bundle bundle = TextBundles.encoder(dir.resolve("bundle"), List.of("a bundled sentence"));
        Path input = prompts("The satellites pass overhead.", "Ground stations listen.", "A third line.");
        ModelOutputs.Embeddings local = assertInstanceOf(
                ModelOutputs.Embeddings.class,
                assertInstanceOf(InferenceRunner.Done.class, runner.run(bundle, OPTIONS, input, 1, line -> {}))
                        .outputs());
        ModelOutputs.Embeddings distributed =
                assertInstanceOf(ModelOutputs.Embeddings.class, lastOutputs(serveAll(bundle, input, 1)));
        assertEquals(
                List.of("The satellites pass overhead.", "Ground stations listen.", "A third line."),
                distributed.texts());
        assertEquals(local.texts(), distributed.texts());
        assertEquals(3, distributed.vectors().size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(local.vectors().get(i), distributed.vectors().get(i), "sample " + i);
        }
    }

    @Test
    void badInputIsOneSentenceBeforeAnythingRuns() throws Exception {
        Bundle bundle = TextBundles.decoder(dir.resolve("bundle"), List.of());
        InferenceRunner.BadInput none = assertInstanceOf(
                InferenceRunner.BadInput.class, runner.run(bundle, RunOptions.nativeSpeed(), null, 2, line -> {}));
        assertEquals(
                "This bundle ships no sample inputs (its mission had no calibration text); pass --input FILE with "
                        + "one sample per line.",
                none.message());
        Path many = prompts("a", "b", "c", "d", "e");
        InferenceRunner.BadInput tooMany = assertInstanceOf(
                InferenceRunner.BadInput.class, runner.run(bundle, RunOptions.nativeSpeed(), many, 2, line -> {}));
        assertTrue(
                tooMany.message()
                        .endsWith("has 5 samples, but the bundle's batch holds 4; give at most 4 lines or "
                                + "recompile with a larger batch."),
                tooMany.message());
        InferenceRunner.NodeFailed first = assertInstanceOf(
                InferenceRunner.NodeFailed.class,
                runner.serve(
                        bundle,
                        LoopbackNodes.config("leo-1", LoopbackNodes.peers(bundle)),
                        dir.resolve("absent.txt"),
                        2));
        assertTrue(first.badInput());
        assertTrue(first.message().startsWith("Cannot read the input `"), first.message());
    }
}
