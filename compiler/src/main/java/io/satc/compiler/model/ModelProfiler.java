package io.satc.compiler.model;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import io.satc.compiler.model.onnx.CutLocator;
import io.satc.compiler.model.onnx.FlopCounter;
import io.satc.compiler.model.onnx.GraphIndex;
import io.satc.compiler.model.onnx.OnnxElementType;
import io.satc.compiler.model.onnx.ShapeProbe;
import io.satc.compiler.model.onnx.UnitLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Derives the cost-model profile of an ONNX transformer: for each unit, the bytes of the weights
 * it uses (W_u), its FLOPs per sample (F_u) and the bytes of the tensor it hands on per sample
 * (A_u), all at one sequence length.
 *
 * <p>Shapes come from one ONNX Runtime run on zero inputs with batch 1 (the size of every symbolic
 * axis the main input has first) and the sequence length (every other symbolic axis). A weight
 * used by several units (tied embeddings, say) counts in the first of them only. Constant nodes
 * count as weights like initializers. FLOPs inside If/Loop/Scan bodies are not counted.
 */
public final class ModelProfiler {
    private ModelProfiler() {}

    public static ModelResult<ModelProfile> profile(Path model, int sequenceLength, Optional<String> blockPattern) {
        return profile(model, sequenceLength, SplitOptions.withBlockPattern(blockPattern));
    }

    public static ModelResult<ModelProfile> profile(Path model, int sequenceLength, SplitOptions options) {
        return OnnxModel.read(model, options).flatMap(m -> profile(m, sequenceLength));
    }

    /** The profile of a loaded model at {@code sequenceLength}: one ONNX Runtime run on zero inputs. */
    public static ModelResult<ModelProfile> profile(OnnxModel model, int sequenceLength) {
        if (sequenceLength < 1) {
            return ModelResult.failed(
                    ModelErrorKind.INVALID_CUT, "The sequence length must be at least 1, not " + sequenceLength + ".");
        }
        return model.graph()
                .flatMap(graph -> model.layout()
                        .flatMap(layout ->
                                model.locator().flatMap(locator -> profile(graph, layout, locator, sequenceLength))));
    }

    private static ModelResult<ModelProfile> profile(
            GraphIndex graph, UnitLayout layout, CutLocator locator, int sequenceLength) {
        int units = layout.unitCount();
        List<String> cutTensors = new ArrayList<>();
        for (int j = 0; j < units - 1; j++) {
            ModelResult<String> t = locator.cutTensorAfter(j);
            if (!t.isOk()) {
                return ModelResult.failed(t.failure().orElseThrow());
            }
            cutTensors.add(t.orElseThrow());
        }
        Set<String> wanted = new LinkedHashSet<>(graph.graphInputs());
        wanted.addAll(cutTensors);
        wanted.addAll(graph.graphOutputs());
        for (int i = 0; i < graph.nodeCount(); i++) {
            if (FlopCounter.counts(graph.node(i))) {
                wanted.addAll(FlopCounter.operands(graph.node(i)));
            }
        }
        Set<String> batchSymbols = batchSymbols(graph, locator.mainInput());
        ModelResult<Map<String, ShapeProbe.Observed>> observed = ShapeProbe.observe(
                graph,
                List.copyOf(wanted),
                (input, axis, symbol) -> symbol.isPresent()
                        ? (batchSymbols.contains(symbol.get()) ? 1 : sequenceLength)
                        : (axis == 0 ? 1 : sequenceLength));
        return observed.map(shapes -> assemble(graph, layout, cutTensors, shapes, sequenceLength));
    }

    /** Symbols naming the first axis of the main input: the batch. */
    private static Set<String> batchSymbols(GraphIndex graph, String mainInput) {
        Set<String> symbols = new HashSet<>();
        List<TensorShapeProto.Dimension> dims =
                graph.inputInfo(mainInput).getType().getTensorType().getShape().getDimList();
        if (!dims.isEmpty() && dims.get(0).hasDimParam()) {
            symbols.add(dims.get(0).getDimParam());
        }
        return symbols;
    }

    private static ModelProfile assemble(
            GraphIndex graph,
            UnitLayout layout,
            List<String> cutTensors,
            Map<String, ShapeProbe.Observed> observed,
            int sequenceLength) {
        int units = layout.unitCount();
        Map<String, long[]> shapes = new HashMap<>();
        observed.forEach((name, o) -> shapes.put(name, o.shape()));
        long[] flops = new long[units];
        for (int i = 0; i < graph.nodeCount(); i++) {
            NodeProto node = graph.node(i);
            if (FlopCounter.counts(node)) {
                flops[layout.unitOf(i)] += FlopCounter.flops(node, shapes).orElse(0L);
            }
        }
        long[] weights = weightBytes(graph, layout);
        List<UnitProfile> profiles = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            long out;
            if (u < units - 1) {
                out = observed.get(cutTensors.get(u)).bytes();
            } else {
                out = 0;
                for (String o : graph.graphOutputs()) {
                    out += observed.get(o).bytes();
                }
            }
            profiles.add(new UnitProfile(layout.unitNames().get(u), weights[u], flops[u], out));
        }
        long input = 0;
        for (String in : graph.graphInputs()) {
            input += observed.get(in).bytes();
        }
        return new ModelProfile(sequenceLength, input, profiles);
    }

    /** Initializer and Constant bytes, each counted in the first unit that reads it. */
    private static long[] weightBytes(GraphIndex graph, UnitLayout layout) {
        long[] weights = new long[layout.unitCount()];
        for (Map.Entry<String, TensorProto> e : graph.initializers().entrySet()) {
            firstUser(graph, layout, e.getKey()).ifPresent(u -> weights[u] += OnnxElementType.bytesOf(e.getValue()));
        }
        for (int i = 0; i < graph.nodeCount(); i++) {
            NodeProto node = graph.node(i);
            if (node.getOpType().equals("Constant") && node.getDomain().isEmpty()) {
                long bytes = constantBytes(node);
                firstUser(graph, layout, node.getOutput(0)).ifPresent(u -> weights[u] += bytes);
            }
        }
        return weights;
    }

    private static Optional<Integer> firstUser(GraphIndex graph, UnitLayout layout, String tensor) {
        return graph.consumersOf(tensor).stream().map(layout::unitOf).min(Integer::compare);
    }

    /** Bytes a Constant node holds. */
    public static long constantBytes(NodeProto node) {
        long bytes = 0;
        for (AttributeProto a : node.getAttributeList()) {
            switch (a.getName()) {
                case "value":
                    bytes += OnnxElementType.bytesOf(a.getT());
                    break;
                case "value_float":
                case "value_int":
                    bytes += a.getName().equals("value_float") ? 4 : 8;
                    break;
                case "value_floats":
                    bytes += 4L * a.getFloatsCount();
                    break;
                case "value_ints":
                    bytes += 8L * a.getIntsCount();
                    break;
                default:
                    break;
            }
        }
        return bytes;
    }
}
