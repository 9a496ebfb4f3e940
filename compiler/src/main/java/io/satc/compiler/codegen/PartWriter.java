package io.satc.compiler.codegen;

import io.satc.compiler.lower.Lowerer;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.model.Dimension;
import io.satc.compiler.model.ModelPart;
import io.satc.compiler.model.ModelResult;
import io.satc.compiler.model.ModelSplit;
import io.satc.compiler.model.ModelSplitter;
import io.satc.compiler.model.OnnxModel;
import io.satc.compiler.model.TensorSpec;
import io.satc.compiler.plan.Evaluation;
import io.satc.compiler.sema.AnalyzedMission;
import io.satc.runtime.bundle.ModelFile;
import io.satc.runtime.bundle.TensorDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A real model split at a plan's cuts into the parts its stages run: first in memory
 * ({@link #split}), so that a contingency plan can be judged before anything is written, then
 * into a bundle folder ({@link Split#place}).
 */
final class PartWriter {

    private PartWriter() {}

    /** One stage's part: its node, units, ONNX bytes and tensors per micro-batch. */
    record Part(
            String node,
            int firstUnit,
            int lastUnit,
            byte[] onnx,
            TensorDescriptor input,
            TensorDescriptor output,
            List<TensorDescriptor> sideInputs,
            List<String> inputNames) {}

    /** The parts of one plan, in stage order, and the model's graph inputs in message order. */
    record Split(List<Part> parts, Map<String, TensorDescriptor> graphInputs) {

        /**
         * Writes each part to {@code prefix + "stages/<node>/model.onnx"}, unless {@code reuse}
         * holds a file of that node with the same bytes (a contingency that keeps a node's part).
         */
        Placed place(Path dir, String prefix, Map<String, Reusable> reuse) throws IOException {
            List<Optional<ManifestBuilder.PartFiles>> files = new ArrayList<>();
            List<Map<String, String>> listing = new ArrayList<>();
            for (int k = 0; k < parts.size(); k++) {
                Part p = parts.get(k);
                Reusable same = reuse.get(p.node());
                ModelFile file;
                if (same != null && Arrays.equals(same.bytes(), p.onnx())) {
                    file = same.file();
                } else {
                    String rel = prefix + "stages/" + p.node() + "/model.onnx";
                    file = BundleFiles.write(dir, rel, p.onnx());
                    listing.add(BundleCompiler.file(
                            rel,
                            "ONNX part " + (k + 1) + " (units " + p.firstUnit() + "–" + p.lastUnit() + "), inputs "
                                    + String.join(", ", p.inputNames())));
                }
                files.add(Optional.of(new ManifestBuilder.PartFiles(file, p.input(), p.output(), p.sideInputs())));
            }
            return new Placed(files, listing);
        }
    }

    /** A part already in the bundle, with its bytes for comparison. */
    record Reusable(ModelFile file, byte[] bytes) {}

    /** The manifest's part records and the README's lines for the files written. */
    record Placed(List<Optional<ManifestBuilder.PartFiles>> parts, List<Map<String, String>> files) {}

    /** Splits {@code model} at {@code e}'s cuts; a failure is one sentence. */
    static ModelResult<Split> split(OnnxModel model, Evaluation e, PlacementProblem problem, AnalyzedMission mission) {
        List<Integer> cuts = new ArrayList<>();
        for (int k = 0; k < e.plan().stageCount() - 1; k++) {
            cuts.add(e.plan().stages().get(k).lastUnit());
        }
        ModelResult<ModelSplit> split = ModelSplitter.split(model, cuts);
        if (split instanceof ModelResult.Failed<ModelSplit> f) {
            return new ModelResult.Failed<>(f.error());
        }
        ModelSplit s = split.orElseThrow();
        int b = problem.microBatchSize();
        int seq = (int) mission.workload().sequence().orElse(Lowerer.DEFAULT_SEQUENCE);
        // The model's graph inputs in message order: the first stage's input, then the others as stages first read
        // them.
        Map<String, TensorDescriptor> graphInputs = new LinkedHashMap<>();
        List<Part> parts = new ArrayList<>();
        for (int k = 0; k < s.parts().size(); k++) {
            ModelPart part = s.parts().get(k);
            List<TensorDescriptor> side = new ArrayList<>();
            for (TensorSpec spec : part.inputs().subList(1, part.inputs().size())) {
                side.add(descriptor(spec, b, seq));
            }
            if (k == 0) {
                graphInputs.put(
                        part.inputs().get(0).name(), descriptor(part.inputs().get(0), b, seq));
            }
            side.forEach(d -> graphInputs.putIfAbsent(d.name(), d));
            parts.add(new Part(
                    e.plan().stages().get(k).node(),
                    part.firstUnit(),
                    part.lastUnit(),
                    part.onnx(),
                    descriptor(part.inputs().get(0), b, seq),
                    descriptor(part.outputs().get(0), b, seq),
                    side,
                    part.inputNames()));
        }
        return new ModelResult.Ok<>(new Split(parts, graphInputs));
    }

    /** A part's tensor per micro-batch: symbolic dimensions become the micro-batch size, then the sequence length. */
    private static TensorDescriptor descriptor(TensorSpec spec, int b, int seq) {
        List<Integer> shape = new ArrayList<>();
        for (int d = 0; d < spec.shape().size(); d++) {
            Dimension dim = spec.shape().get(d);
            shape.add(dim instanceof Dimension.Fixed f ? (int) f.size() : d == 0 ? b : seq);
        }
        return new TensorDescriptor(spec.name(), shape, dtype(spec.elementType()));
    }

    private static String dtype(String onnxType) {
        return switch (onnxType.toUpperCase(Locale.ROOT)) {
            case "FLOAT" -> "float32";
            case "FLOAT16" -> "float16";
            case "INT64" -> "int64";
            case "INT32" -> "int32";
            default -> onnxType.toLowerCase(Locale.ROOT);
        };
    }
}
