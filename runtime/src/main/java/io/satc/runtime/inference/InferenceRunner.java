package io.satc.runtime.inference;

import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleManifest;
import io.satc.runtime.bundle.BundleStage;
import io.satc.runtime.bundle.ModelIo;
import io.satc.runtime.codec.Activation;
import io.satc.runtime.codec.LongTensor;
import io.satc.runtime.codec.Tensor;
import io.satc.runtime.pipeline.NodeRunner;
import io.satc.runtime.pipeline.PipelineFailure;
import io.satc.runtime.pipeline.PipelineRunner;
import io.satc.runtime.pipeline.ResourceReport;
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
    public sealed interface Outcome permits Done, Failed, BadInput {
    }

    /**
     * @param report  measured against predicted; for a decoder, per pass: times are means over the
     *                passes and bytes are totals over all of them
     * @param outputs the model's outputs
     * @param passes  pipeline passes run
     */
    public record Done(RunReport report, ModelOutputs outputs, int passes) implements Outcome {
    }

    /** A pass failed; nothing is presented as output. */
    public record Failed(PipelineFailure failure, int completedOutputs, int pass) implements Outcome {
    }

    /** The inputs could not be prepared; nothing ran. */
    public record BadInput(String message) implements Outcome {
    }

    private final PipelineRunner runner = new PipelineRunner();

    /** How this process's part of a distributed run ended. */
    public sealed interface NodeOutcome permits NodeDone, NodeFailed {
    }

    /**
     * @param part    this process's stage figures
     * @param outputs the model's outputs, on the last stage's process only (empty elsewhere)
     */
    public record NodeDone(NodeRunner.Done part, java.util.Optional<ModelOutputs> outputs) implements NodeOutcome {
    }

    /** @param message one sentence; {@code badInput} when nothing ran because the input was wrong */
    public record NodeFailed(String message, boolean badInput) implements NodeOutcome {
    }

    /**
     * Runs this process's stage of a distributed run ({@code satc node}): the first stage's process
     * reads the input, the last writes the outputs; a decoder's steps are pipelined across
     * processes, each micro-batch's next step starting when its token ids come back.
     */
    public NodeOutcome serve(Bundle bundle, NodeRunner.Config config, Path input, int steps) {
        BundleManifest manifest = bundle.manifest();
        ModelIo io = manifest.modelIo().orElse(null);
        int b = manifest.microBatchSize();
        int m = manifest.microBatches();
        try {
            List<StageInput> fixed = null;
            NodeRunner.NodeSource source;
            NodeRunner.NodeSink sink;
            int passes = 1;
            ModelOutputs[] result = new ModelOutputs[1];
            if (io == null || ModelIo.TENSOR.equals(io.kind())) {
                if (input != null) {
                    fixed = BundleInputs.tensor(manifest, manifest.stages().get(0).input(), NpyArray.read(input), input);
                } else {
                    fixed = PipelineRunner.syntheticInputs(bundle);
                }
                List<StageInput> inputs = fixed;
                List<String> checksums = new ArrayList<>();
                source = (id, feedback) -> inputs.get((int) id);
                sink = out -> {
                    checksums.add(SyntheticActivation.hex(SyntheticActivation.checksum(out.output())));
                    if (out.microBatch() == m - 1) {
                        result[0] = new ModelOutputs.Checksums(checksums);
                    }
                    return null;
                };
            } else {
                List<String> texts = input != null ? BundleInputs.readLines(input, manifest.batch()) : BundleInputs.bundledSamples(bundle);
                Path tokenizer = bundle.resolve(io.tokenizer());
                if (ModelIo.ENCODER.equals(io.kind())) {
                    List<StageInput> inputs = BundleInputs.encoder(manifest, WordPieceTokenizer.fromTokenizerJson(tokenizer), texts);
                    List<float[]> vectors = new ArrayList<>();
                    source = (id, feedback) -> inputs.get((int) id);
                    sink = out -> {
                        for (int row = 0; row < b && out.microBatch() * b + row < texts.size(); row++) {
                            vectors.add(meanPooled((Tensor) out.output(), (LongTensor) out.side().get("attention_mask"), row));
                        }
                        if (out.microBatch() == m - 1) {
                            result[0] = new ModelOutputs.Embeddings(texts, vectors);
                        }
                        return null;
                    };
                } else {
                    if (steps < 1) {
                        throw new InputException("A decoder generates at least one character; --generate was " + steps + ".");
                    }
                    passes = steps;
                    CharVocabulary vocabulary = CharVocabulary.read(tokenizer);
                    Generation sourceSide = new Generation(texts, manifest.batch());
                    Generation sinkSide = new Generation(texts, manifest.batch());
                    source = (id, feedback) -> {
                        int i = (int) (id % m);
                        if (feedback != null) {
                            sourceSide.append(vocabulary, i, b, feedback.data());
                        }
                        return BundleInputs.decoderMicroBatch(manifest, vocabulary, sourceSide.current(), i, sourceSide.last);
                    };
                    sink = out -> {
                        int i = (int) (out.microBatch() % m);
                        // The sink's copy of the texts knows where each row's last position is.
                        BundleInputs.decoderMicroBatch(manifest, vocabulary, sinkSide.current(), i, sinkSide.last);
                        long[] ids = new long[b];
                        for (int row = 0; row < b; row++) {
                            ids[row] = argmax((Tensor) out.output(), row, sinkSide.last[i * b + row]);
                        }
                        sinkSide.append(vocabulary, i, b, ids);
                        if (out.microBatch() == (long) steps * m - 1) {
                            result[0] = new ModelOutputs.Generated(texts, sinkSide.continuations(texts), steps);
                        }
                        return LongTensor.of(ids, b);
                    };
                }
            }
            NodeRunner.Result r = new NodeRunner(bundle, config).run(passes, source, sink, StageComputeFactory.standard());
            if (r instanceof NodeRunner.Failed f) {
                return new NodeFailed(f.message(), false);
            }
            NodeRunner.Done done = (NodeRunner.Done) r;
            boolean last = NodeRunner.stageOf(manifest, config.node()).index() == manifest.stages().size();
            return new NodeDone(done, last ? java.util.Optional.ofNullable(result[0]) : java.util.Optional.empty());
        } catch (InputException e) {
            return new NodeFailed(e.getMessage(), true);
        } catch (IOException e) {
            return new NodeFailed("Cannot read the bundle's tokenizer: " + e.getMessage() + ".", true);
        }
    }

    /** The texts of a generation as one side of a distributed run sees them. */
    private static final class Generation {
        private final List<StringBuilder> texts = new ArrayList<>();
        final int[] last;

        Generation(List<String> prompts, int batch) {
            prompts.forEach(p -> texts.add(new StringBuilder(p)));
            last = new int[batch];
        }

        List<String> current() {
            return texts.stream().map(StringBuilder::toString).toList();
        }

        void append(CharVocabulary vocabulary, int microBatch, int b, long[] ids) {
            for (int row = 0; row < b; row++) {
                int s = microBatch * b + row;
                if (s < texts.size()) {
                    texts.get(s).append(vocabulary.decode(ids[row]));
                }
            }
        }

        List<String> continuations(List<String> prompts) {
            List<String> result = new ArrayList<>();
            for (int s = 0; s < prompts.size(); s++) {
                result.add(texts.get(s).substring(prompts.get(s).length()));
            }
            return result;
        }
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
        BundleManifest manifest = bundle.manifest();
        ModelIo io = manifest.modelIo().orElse(null);
        try {
            if (input != null && input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
                if (io != null && io.inputs().size() > 1) {
                    throw new InputException("This bundle's model reads " + io.inputs().size() + " inputs (" + names(io)
                            + "); a .npy file gives only one. Pass text, one sample per line.");
                }
                if (io != null && !ModelIo.TENSOR.equals(io.kind())) {
                    throw new InputException("This bundle's " + io.kind() + " reads text through its tokenizer; pass a text file "
                            + "with one sample per line instead of `" + input.getFileName() + "`.");
                }
                List<StageInput> inputs = BundleInputs.tensor(manifest, manifest.stages().get(0).input(), NpyArray.read(input), input);
                return single(bundle, options.withInputs(inputs), new ModelOutputs.Checksums(List.of()));
            }
            if (io == null || ModelIo.TENSOR.equals(io.kind())) {
                if (input != null) {
                    throw new InputException("This bundle takes a tensor input: pass a .npy file of shape "
                            + batchShape(manifest) + " (" + manifest.stages().get(0).input().dtype() + "), not `"
                            + input.getFileName() + "`.");
                }
                return single(bundle, options, new ModelOutputs.Checksums(List.of()));
            }
            List<String> texts = input != null ? BundleInputs.readLines(input, manifest.batch()) : BundleInputs.bundledSamples(bundle);
            Path tokenizer = bundle.resolve(io.tokenizer());
            if (ModelIo.ENCODER.equals(io.kind())) {
                WordPieceTokenizer wordPiece = WordPieceTokenizer.fromTokenizerJson(tokenizer);
                return encode(bundle, options, texts, wordPiece);
            }
            if (steps < 1) {
                throw new InputException("A decoder generates at least one character; --generate was " + steps + ".");
            }
            return generate(bundle, options, texts, CharVocabulary.read(tokenizer), steps, progress);
        } catch (InputException e) {
            return new BadInput(e.getMessage());
        } catch (IOException e) {
            return new BadInput("Cannot read the bundle's tokenizer: " + e.getMessage() + ".");
        }
    }

    private static String names(ModelIo io) {
        return String.join(", ", io.inputs().stream().map(d -> d.name()).toList());
    }

    private static String batchShape(BundleManifest manifest) {
        int[] shape = manifest.stages().get(0).input().dimensions();
        shape[0] *= manifest.microBatches();
        return java.util.Arrays.toString(shape);
    }

    private Outcome single(Bundle bundle, RunOptions options, ModelOutputs outputs) {
        RunResult result = runner.run(bundle, options);
        if (result instanceof RunResult.Failed f) {
            return new Failed(f.failure(), f.completedOutputs(), 1);
        }
        return new Done(((RunResult.Completed) result).report(), outputs, 1);
    }

    private Outcome encode(Bundle bundle, RunOptions options, List<String> texts, WordPieceTokenizer tokenizer) {
        BundleManifest manifest = bundle.manifest();
        RunResult result = runner.run(bundle, options.withInputs(BundleInputs.encoder(manifest, tokenizer, texts)));
        if (result instanceof RunResult.Failed f) {
            return new Failed(f.failure(), f.completedOutputs(), 1);
        }
        RunResult.Completed done = (RunResult.Completed) result;
        List<float[]> vectors = new ArrayList<>();
        int b = manifest.microBatchSize();
        for (int s = 0; s < texts.size(); s++) {
            SinkOutput out = done.received().get(s / b);
            vectors.add(meanPooled((Tensor) out.output(), (LongTensor) out.side().get("attention_mask"), s % b));
        }
        return new Done(done.report(), new ModelOutputs.Embeddings(texts, vectors), 1);
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

    private Outcome generate(Bundle bundle, RunOptions options, List<String> prompts, CharVocabulary vocabulary, int steps,
            Consumer<String> progress) {
        BundleManifest manifest = bundle.manifest();
        List<StringBuilder> texts = new ArrayList<>();
        prompts.forEach(p -> texts.add(new StringBuilder(p)));
        List<RunReport> reports = new ArrayList<>();
        // One session per stage for all passes: opening them again for every character would dominate.
        List<StageCompute> opened = new ArrayList<>();
        StageComputeFactory base = options.computes();
        StageComputeFactory reused = (b, stage) -> shared(opened, base, b, stage);
        int b = manifest.microBatchSize();
        int[] last = new int[manifest.batch()];
        try {
            for (int step = 0; step < steps; step++) {
                List<String> current = texts.stream().map(StringBuilder::toString).toList();
                List<StageInput> inputs = BundleInputs.decoder(manifest, vocabulary, current, last);
                RunOptions pass = options.withComputes(reused).withInputs(inputs).withWarmUp(options.warmUp() && step == 0);
                RunResult result = runner.run(bundle, pass);
                if (result instanceof RunResult.Failed f) {
                    return new Failed(f.failure(), f.completedOutputs(), step + 1);
                }
                RunResult.Completed done = (RunResult.Completed) result;
                reports.add(done.report());
                for (int s = 0; s < prompts.size(); s++) {
                    Tensor logits = (Tensor) done.received().get(s / b).output();
                    texts.get(s).append(vocabulary.decode(argmax(logits, s % b, last[s])));
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
        List<String> continuations = new ArrayList<>();
        for (int s = 0; s < prompts.size(); s++) {
            continuations.add(texts.get(s).substring(prompts.get(s).length()));
        }
        return new Done(mean(reports), new ModelOutputs.Generated(prompts, continuations, steps), steps);
    }

    /** The stage's compute, opened on first use and kept open across passes (closed by the caller). */
    private static StageCompute shared(List<StageCompute> opened, StageComputeFactory base, Bundle bundle, BundleStage stage)
            throws Exception {
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
        String bottleneck = resources.stream().max(java.util.Comparator.comparingDouble(ResourceReport::measuredSeconds))
                .map(ResourceReport::name).orElse(first.bottleneckMeasured());
        RunReport last = reports.get(n - 1);
        return new RunReport(first.mission(), first.mode(), first.timeScale(), first.microBatches(), first.makespanPredicted(),
                first.makespanPredictedUnscaled(), makespan / n, first.bottleneckPredicted(), bottleneck, resources, bytesTotal,
                last.outputs(), new ArrayList<>(warnings));
    }
}
