package io.satc.runtime.inference;

import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleFile;
import io.satc.runtime.bundle.BundleManifest;
import io.satc.runtime.bundle.BundleStage;
import io.satc.runtime.bundle.ModelIo;
import io.satc.runtime.codec.LongTensor;
import io.satc.runtime.codec.Tensor;
import io.satc.runtime.pipeline.FailoverNode;
import io.satc.runtime.pipeline.NodeRunner;
import io.satc.runtime.pipeline.PipelineFailure;
import io.satc.runtime.pipeline.PipelineRunner;
import io.satc.runtime.pipeline.ResourceReport;
import io.satc.runtime.pipeline.RunHeader;
import io.satc.runtime.pipeline.RunOptions;
import io.satc.runtime.pipeline.RunReport;
import io.satc.runtime.pipeline.RunResult;
import io.satc.runtime.pipeline.SinkOutput;
import io.satc.runtime.pipeline.StageCompute;
import io.satc.runtime.pipeline.StageComputeFactory;
import io.satc.runtime.pipeline.StageInput;
import io.satc.runtime.pipeline.SyntheticActivation;
import io.satc.runtime.text.CharVocabulary;
import io.satc.runtime.text.WordPieceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a bundle on real inputs and interprets its output: one pipeline pass for an encoder
 * (embeddings) or a simulation (checksums); for a decoder, one pass per generated character,
 * each re-sending the whole window of the last {@code sequence} characters (the stages keep no
 * cache), greedy decoding at the sink.
 */
public final class InferenceRunner {

    /** Characters a decoder generates when the caller does not say. */
    public static final int DEFAULT_STEPS = 40;

    /** How a run ended. */
    public sealed interface Outcome permits Done, Failed, BadInput {}

    /**
     * @param report  measured against predicted; for a decoder, per pass: times are means over the
     *                passes and bytes are totals over all of them
     * @param outputs the model's outputs
     * @param passes  pipeline passes run
     */
    public record Done(RunReport report, ModelOutputs outputs, int passes) implements Outcome {}

    /** A pass failed; nothing is presented as output. */
    public record Failed(PipelineFailure failure, int completedOutputs, int pass) implements Outcome {}

    /** The inputs could not be prepared; nothing ran. */
    public record BadInput(String message) implements Outcome {}

    private final PipelineRunner runner = new PipelineRunner();

    /** The inputs of a run, checked and prepared, before anything runs. */
    private sealed interface Prepared permits Tensors, Encoder, Decoder {}

    /** Simulation and tensor bundles: the source's inputs, one per micro-batch. */
    private record Tensors(List<StageInput> inputs) implements Prepared {}

    /** An encoder's texts and their tokenised inputs. */
    private record Encoder(List<String> texts, List<StageInput> inputs) implements Prepared {}

    /** A decoder's prompts and the character vocabulary that encodes and decodes them. */
    private record Decoder(List<String> prompts, CharVocabulary vocabulary) implements Prepared {}

    /**
     * Reads and checks the input for {@code bundle}: a {@code .npy} only for a tensor bundle, text
     * only for a model with a tokenizer; no input means the bundle's samples or synthetic tensors.
     */
    private static Prepared prepare(Bundle bundle, Path input, int steps) throws InputException, IOException {
        BundleManifest manifest = bundle.manifest();
        ModelIo io = manifest.modelIo().orElse(null);
        if (input != null
                && input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            if (io != null && io.inputs().size() > 1) {
                throw new InputException(
                        "This bundle's model reads " + io.inputs().size() + " inputs (" + names(io)
                                + "); a .npy file gives only one. Pass text, one sample per line.");
            }
            if (io != null && !ModelIo.TENSOR.equals(io.kind())) {
                throw new InputException(
                        "This bundle's " + io.kind() + " reads text through its tokenizer; pass a text file "
                                + "with one sample per line instead of `" + input.getFileName() + "`.");
            }
            return new Tensors(
                    BundleInputs.tensor(manifest, manifest.stages().get(0).input(), NpyArray.read(input), input));
        }
        if (io == null || ModelIo.TENSOR.equals(io.kind())) {
            if (input != null) {
                throw new InputException("This bundle takes a tensor input: pass a .npy file of shape "
                        + batchShape(manifest) + " ("
                        + manifest.stages().get(0).input().dtype() + "), not `"
                        + input.getFileName() + "`.");
            }
            return new Tensors(PipelineRunner.syntheticInputs(bundle));
        }
        List<String> texts =
                input != null ? BundleInputs.readLines(input, manifest.batch()) : BundleInputs.bundledSamples(bundle);
        if (ModelIo.ENCODER.equals(io.kind())) {
            WordPieceTokenizer tokenizer = WordPieceTokenizer.fromTokenizerJson(
                    new java.io.ByteArrayInputStream(bundle.bytes(io.tokenizer())));
            return new Encoder(texts, BundleInputs.encoder(manifest, tokenizer, texts));
        }
        if (steps < 1) {
            throw new InputException("A decoder generates at least one character; --generate was " + steps + ".");
        }
        return new Decoder(texts, vocabulary(bundle, io));
    }

    /**
     * Runs {@code bundle}.
     *
     * @param input    a text file (one sample per line) or a {@code .npy} tensor; null for the bundle's
     *                 samples, or synthetic inputs for a simulation bundle
     * @param steps    characters a decoder generates
     * @param progress receives a line per generation step
     */
    public Outcome run(Bundle bundle, RunOptions options, Path input, int steps, Consumer<String> progress) {
        Prepared prepared;
        try {
            prepared = prepare(bundle, input, steps);
        } catch (InputException e) {
            return new BadInput(e.getMessage());
        } catch (IOException e) {
            return new BadInput("Cannot read the bundle's tokenizer: " + e.getMessage() + ".");
        }
        if (prepared instanceof Decoder d) {
            return generate(bundle, options, d, steps, progress);
        }
        List<StageInput> inputs = prepared instanceof Encoder e ? e.inputs() : ((Tensors) prepared).inputs();
        RunResult result = runner.run(bundle, options.withInputs(inputs));
        if (result instanceof RunResult.Failed f) {
            return new Failed(f.failure(), f.completedOutputs(), 1);
        }
        RunResult.Completed done = (RunResult.Completed) result;
        if (prepared instanceof Encoder e) {
            Embedder embedder = new Embedder(e.texts(), bundle.manifest().microBatchSize());
            done.received().forEach(embedder::accept);
            return new Done(done.report(), embedder.outputs(), 1);
        }
        return new Done(done.report(), new ModelOutputs.Checksums(List.of()), 1);
    }

    /** How this process's part of a distributed run ended. */
    public sealed interface NodeOutcome permits NodeDone, NodeFailed, NodeStoodDown {}

    /**
     * @param part    this process's stage figures
     * @param outputs the model's outputs, on the last stage's process only (empty elsewhere)
     */
    public record NodeDone(NodeRunner.Done part, Optional<ModelOutputs> outputs) implements NodeOutcome {}

    /** @param message one sentence; {@code badInput} when nothing ran because the input was wrong */
    public record NodeFailed(String message, boolean badInput) implements NodeOutcome {}

    /** The node had nothing (more) to run: a switch left it out, or the run completed without its standby. */
    public record NodeStoodDown(String why) implements NodeOutcome {}

    /**
     * Runs this process's stage of a distributed run ({@code satc node}) with the standard
     * computes: {@link #serve(Bundle, NodeRunner.Config, Path, int, StageComputeFactory)}.
     */
    public NodeOutcome serve(Bundle bundle, NodeRunner.Config config, Path input, int steps) {
        return serve(bundle, config, input, steps, StageComputeFactory.standard());
    }

    /**
     * Runs this process's stage of a distributed run ({@code satc node}). The first stage's
     * process reads the input and sends the run's header (the steps and the samples) ahead of
     * the micro-batches; every later process learns them from the stream, so only the first is
     * given {@code input} and {@code steps}, and the last labels and interprets the outputs with
     * what the first read. A decoder's steps are pipelined across processes, each micro-batch's
     * next step starting when its token ids come back.
     *
     * @param input read by the first stage's process only (null: the bundle's samples)
     * @param steps characters a decoder generates; read by the first stage's process only
     */
    public NodeOutcome serve(
            Bundle bundle, NodeRunner.Config config, Path input, int steps, StageComputeFactory computes) {
        return serve(bundle, config, input, steps, computes, Optional.empty());
    }

    /**
     * {@link #serve(Bundle, NodeRunner.Config, Path, int, StageComputeFactory)} able to fail over
     * (docs/transport.md, "Failover"): with the bundle's switchable contingencies, a neighbour
     * silent for {@code heartbeatTimeout} switches every node to the contingency that replaces it.
     * Single-pass runs only: a decoder's generation is not replayed, so it waits for the link as
     * without contingencies.
     */
    public NodeOutcome serve(
            Bundle bundle,
            NodeRunner.Config config,
            Path input,
            int steps,
            StageComputeFactory computes,
            Optional<FailoverNode> failover) {
        BundleManifest manifest = bundle.manifest();
        BundleStage stage = NodeRunner.stageOf(manifest, config.node());
        Optional<NodeRunner.Origin> origin = Optional.empty();
        if (stage != null && stage.index() == 1) {
            try {
                origin = Optional.of(origin(manifest, prepare(bundle, input, steps), steps));
            } catch (InputException e) {
                return new NodeFailed(e.getMessage(), true);
            } catch (IOException e) {
                return new NodeFailed("Cannot read the bundle's tokenizer: " + e.getMessage() + ".", true);
            }
        }
        ModelOutputs[] result = new ModelOutputs[1];
        NodeRunner.Result r;
        boolean last;
        if (failover.isPresent()) {
            FailoverNode.Outcome o = failover.get().serve(origin, header -> sink(bundle, header, result), computes);
            if (o instanceof FailoverNode.StoodDown down) {
                return new NodeStoodDown(down.why());
            }
            r = ((FailoverNode.Ran) o).result();
            last = stage != null && stage.index() == manifest.stages().size();
        } else {
            r = new NodeRunner(bundle, config).run(origin, header -> sink(bundle, header, result), computes);
            last = stage.index() == manifest.stages().size();
        }
        if (r instanceof NodeRunner.Failed f) {
            return new NodeFailed(f.message(), false);
        }
        if (r instanceof NodeRunner.Lost lost) {
            return new NodeFailed(lost.message(), false);
        }
        if (r instanceof NodeRunner.Switched s) {
            return new NodeFailed("The run was switched to contingency " + s.contingency() + ".", false);
        }
        return new NodeDone((NodeRunner.Done) r, last ? Optional.ofNullable(result[0]) : Optional.empty());
    }

    /** The first stage's header and source for prepared inputs. */
    private static NodeRunner.Origin origin(BundleManifest manifest, Prepared prepared, int steps) {
        int m = manifest.microBatches();
        if (prepared instanceof Decoder d) {
            Generation generation = new Generation(d, manifest);
            return new NodeRunner.Origin(new RunHeader(steps, d.prompts()), (id, feedback) -> {
                int i = (int) (id % m);
                if (feedback != null) {
                    generation.append(i, feedback.data());
                }
                return generation.microBatch(i);
            });
        }
        if (prepared instanceof Encoder e) {
            return new NodeRunner.Origin(
                    new RunHeader(1, e.texts()), (id, feedback) -> e.inputs().get((int) id));
        }
        List<StageInput> inputs = ((Tensors) prepared).inputs();
        return new NodeRunner.Origin(RunHeader.tensors(), (id, feedback) -> inputs.get((int) id));
    }

    /**
     * The last stage's sink, built from the run's header alone: the samples the first process
     * read label the outputs, and a decoder's prompts say where each sample's logits are read.
     */
    private static NodeRunner.NodeSink sink(Bundle bundle, RunHeader header, ModelOutputs[] result) throws IOException {
        BundleManifest manifest = bundle.manifest();
        int b = manifest.microBatchSize();
        int m = manifest.microBatches();
        ModelIo io = manifest.modelIo().orElse(null);
        if (io == null || ModelIo.TENSOR.equals(io.kind())) {
            List<String> checksums = new ArrayList<>();
            return out -> {
                checksums.add(SyntheticActivation.hex(SyntheticActivation.checksum(out.output())));
                result[0] = new ModelOutputs.Checksums(checksums);
                return null;
            };
        }
        if (header.samples().isEmpty()) {
            throw new IllegalArgumentException("the run header names no samples, but this bundle's " + io.kind()
                    + " labels its outputs with them");
        }
        if (ModelIo.ENCODER.equals(io.kind())) {
            Embedder embedder = new Embedder(header.samples(), b);
            return out -> {
                embedder.accept(out);
                result[0] = embedder.outputs();
                return null;
            };
        }
        int steps = header.steps();
        Generation generation = new Generation(new Decoder(header.samples(), vocabulary(bundle, io)), manifest);
        return out -> {
            long[] ids = generation.next((Tensor) out.output(), (int) (out.microBatch() % m));
            if (out.microBatch() == (long) steps * m - 1) {
                result[0] = generation.outputs(steps);
            }
            return LongTensor.of(ids, b);
        };
    }

    /** The decoder's character table, from the bytes the bundle verified. */
    private static CharVocabulary vocabulary(Bundle bundle, ModelIo io) throws IOException {
        return CharVocabulary.parse(
                bundle.bytes(io.tokenizer()),
                bundle.resolve(io.tokenizer()).getFileName().toString());
    }

    /**
     * The files the process of {@code node} uses, which is all {@code satc node} verifies and
     * loads: its own stage's part; the tokenizer on the first stage (which encodes the input) and
     * on a decoder's last (which decodes the generated ids); the bundled samples on the first
     * stage when it is given no input. The other stages' parts need not even be present.
     */
    public static BundleFile.Selection filesOf(String node, boolean inputGiven) {
        return (manifest, file) -> {
            BundleStage stage = NodeRunner.stageOf(manifest, node);
            if (stage == null) {
                return false;
            }
            boolean first = stage.index() == 1;
            boolean last = stage.index() == manifest.stages().size();
            boolean decoder = manifest.modelIo()
                    .map(io -> ModelIo.DECODER.equals(io.kind()))
                    .orElse(false);
            if (file instanceof BundleFile.StageModel s) {
                return s.stage().index() == stage.index();
            }
            if (file instanceof BundleFile.Tokenizer) {
                return first || last && decoder;
            }
            return first && !inputGiven;
        };
    }

    /** Pools each arriving encoder output into the embeddings of its real (not padding) samples. */
    private static final class Embedder {
        private final List<String> texts;
        private final int b;
        private final List<float[]> vectors = new ArrayList<>();

        Embedder(List<String> texts, int b) {
            this.texts = texts;
            this.b = b;
        }

        void accept(SinkOutput out) {
            for (int row = 0; row < b && out.microBatch() * b + row < texts.size(); row++) {
                vectors.add(meanPooled(
                        (Tensor) out.output(), (LongTensor) out.side().get("attention_mask"), row));
            }
        }

        ModelOutputs outputs() {
            return new ModelOutputs.Embeddings(texts, vectors);
        }
    }

    /** The texts of a greedy generation: prompts plus what has been generated so far, per sample. */
    private static final class Generation {
        private final Decoder decoder;
        private final BundleManifest manifest;
        private final List<StringBuilder> texts = new ArrayList<>();
        private final int[] last;

        Generation(Decoder decoder, BundleManifest manifest) {
            this.decoder = decoder;
            this.manifest = manifest;
            decoder.prompts().forEach(p -> texts.add(new StringBuilder(p)));
            last = new int[manifest.batch()];
        }

        private List<String> current() {
            return texts.stream().map(StringBuilder::toString).toList();
        }

        /** Every micro-batch's input for the next step. */
        List<StageInput> inputs() {
            return BundleInputs.decoder(manifest, decoder.vocabulary(), current(), last);
        }

        /** Micro-batch {@code i}'s input for its next step. */
        StageInput microBatch(int i) {
            return BundleInputs.decoderMicroBatch(manifest, decoder.vocabulary(), current(), i, last);
        }

        /** Appends micro-batch {@code i}'s next ids to its samples. */
        void append(int i, long[] ids) {
            int b = manifest.microBatchSize();
            for (int row = 0; row < b && i * b + row < texts.size(); row++) {
                texts.get(i * b + row).append(decoder.vocabulary().decode(ids[row]));
            }
        }

        /** Picks micro-batch {@code i}'s next ids from its logits, appends them and returns them. */
        long[] next(Tensor logits, int i) {
            int b = manifest.microBatchSize();
            int sequence = manifest.modelIo().orElseThrow().sequence();
            List<String> current = current();
            long[] ids = new long[b];
            for (int row = 0; row < b; row++) {
                ids[row] = argmax(logits, row, BundleInputs.lastPosition(current, i * b + row, sequence));
            }
            append(i, ids);
            return ids;
        }

        ModelOutputs outputs(int steps) {
            List<String> continuations = new ArrayList<>();
            for (int s = 0; s < decoder.prompts().size(); s++) {
                continuations.add(
                        texts.get(s).substring(decoder.prompts().get(s).length()));
            }
            return new ModelOutputs.Generated(decoder.prompts(), continuations, steps);
        }
    }

    /** One pipeline pass per character, the sessions kept open across passes. */
    private Outcome generate(Bundle bundle, RunOptions options, Decoder decoder, int steps, Consumer<String> progress) {
        Generation generation = new Generation(decoder, bundle.manifest());
        List<RunReport> reports = new ArrayList<>();
        // One session per stage for all passes: opening them again for every character would dominate.
        List<StageCompute> opened = new ArrayList<>();
        StageComputeFactory base = options.computes();
        StageComputeFactory reused = (b, stage) -> shared(opened, base, b, stage);
        try {
            for (int step = 0; step < steps; step++) {
                RunOptions pass = options.withComputes(reused)
                        .withInputs(generation.inputs())
                        .withWarmUp(options.warmUp() && step == 0);
                RunResult result = runner.run(bundle, pass);
                if (result instanceof RunResult.Failed f) {
                    return new Failed(f.failure(), f.completedOutputs(), step + 1);
                }
                RunResult.Completed done = (RunResult.Completed) result;
                reports.add(done.report());
                for (SinkOutput out : done.received()) {
                    generation.next((Tensor) out.output(), (int) out.microBatch());
                }
                progress.accept(String.format(Locale.ROOT, "generated %d of %d characters", step + 1, steps));
            }
        } finally {
            for (StageCompute c : opened) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // Closing a session after a finished run cannot change its result.
                }
            }
        }
        return new Done(mean(reports), generation.outputs(steps), steps);
    }

    private static String names(ModelIo io) {
        return String.join(", ", io.inputs().stream().map(d -> d.name()).toList());
    }

    private static String batchShape(BundleManifest manifest) {
        int[] shape = manifest.stages().get(0).input().dimensions();
        shape[0] *= manifest.microBatches();
        return java.util.Arrays.toString(shape);
    }

    /** Row {@code row} of {@code [b, T, H]} averaged over the positions the mask marks, then L2-normalised. */
    static float[] meanPooled(Tensor hidden, LongTensor mask, int row) {
        int[] shape = hidden.shape();
        int t = shape[1];
        int h = shape[2];
        double[] sum = new double[h];
        double count = 0;
        for (int i = 0; i < t; i++) {
            long m = mask == null ? 1 : mask.data()[row * t + i];
            if (m != 0) {
                count += m;
                for (int k = 0; k < h; k++) {
                    sum[k] += m * hidden.data()[(row * t + i) * h + k];
                }
            }
        }
        double norm = 0;
        for (int k = 0; k < h; k++) {
            sum[k] /= Math.max(count, 1e-9);
            norm += sum[k] * sum[k];
        }
        norm = Math.max(Math.sqrt(norm), 1e-12);
        float[] v = new float[h];
        for (int k = 0; k < h; k++) {
            v[k] = (float) (sum[k] / norm);
        }
        return v;
    }

    /** The stage's compute, opened on first use and kept open across passes (closed by the caller). */
    private static StageCompute shared(
            List<StageCompute> opened, StageComputeFactory base, Bundle bundle, BundleStage stage) throws Exception {
        while (opened.size() < stage.index()) {
            opened.add(null);
        }
        if (opened.get(stage.index() - 1) == null) {
            opened.set(stage.index() - 1, base.create(bundle, stage));
        }
        StageCompute compute = opened.get(stage.index() - 1);
        return (input, id) -> compute.apply(input, id); // close() does nothing: the session outlives the pass
    }

    /** The most likely next id at position {@code position} of row {@code row} of {@code [b, T, V]} logits. */
    static long argmax(Tensor logits, int row, int position) {
        int[] shape = logits.shape();
        int v = shape[2];
        int at = (row * shape[1] + position) * v;
        int best = 0;
        for (int k = 1; k < v; k++) {
            if (logits.data()[at + k] > logits.data()[at + best]) {
                best = k;
            }
        }
        return best;
    }

    /** Several passes as one report: mean times per pass, total bytes, every distinct warning. */
    static RunReport mean(List<RunReport> reports) {
        RunReport first = reports.get(0);
        int n = reports.size();
        List<ResourceReport> resources = new ArrayList<>();
        for (int i = 0; i < first.resources().size(); i++) {
            double measured = 0;
            double work = 0;
            long bytes = 0;
            for (RunReport r : reports) {
                measured += r.resources().get(i).measuredSeconds();
                work += r.resources().get(i).workSeconds();
                bytes += r.resources().get(i).bytes();
            }
            ResourceReport f = first.resources().get(i);
            resources.add(new ResourceReport(f.name(), f.kind(), f.predictedSeconds(), measured / n, work / n, bytes));
        }
        double makespan = 0;
        long bytesTotal = 0;
        LinkedHashSet<String> warnings = new LinkedHashSet<>();
        for (RunReport r : reports) {
            makespan += r.makespanMeasured();
            bytesTotal += r.bytesTotal();
            warnings.addAll(r.warnings());
        }
        String bottleneck = resources.stream()
                .max(java.util.Comparator.comparingDouble(ResourceReport::measuredSeconds))
                .map(ResourceReport::name)
                .orElse(first.bottleneckMeasured());
        RunReport last = reports.get(n - 1);
        return new RunReport(
                first.mission(),
                first.mode(),
                first.timeScale(),
                first.microBatches(),
                first.makespanPredicted(),
                first.makespanPredictedUnscaled(),
                makespan / n,
                first.bottleneckPredicted(),
                bottleneck,
                resources,
                bytesTotal,
                last.outputs(),
                new ArrayList<>(warnings));
    }
}
