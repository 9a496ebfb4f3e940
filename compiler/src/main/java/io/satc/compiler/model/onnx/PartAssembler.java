package io.satc.compiler.model.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import io.satc.compiler.model.Dimension;
import io.satc.compiler.model.ModelErrorKind;
import io.satc.compiler.model.ModelPart;
import io.satc.compiler.model.ModelResult;
import io.satc.compiler.model.TensorSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the sub-model of one part: the backward slice from the part's outputs down to the
 * previous cut tensor, plus whatever side computations it needs (replicated, with the graph
 * inputs they read forwarded as extra inputs). The part keeps only the initializers it uses and
 * the original IR version, opset imports, producer and metadata.
 */
public final class PartAssembler {
    private final GraphIndex graph;
    private final CutLocator cuts;
    private final Map<String, ValueInfoProto> cutInfos;

    /** {@code cutInfos} gives the type and shape of every cut tensor used. */
    public PartAssembler(GraphIndex graph, CutLocator cuts, Map<String, ValueInfoProto> cutInfos) {
        this.graph = graph;
        this.cuts = cuts;
        this.cutInfos = cutInfos;
    }

    /**
     * Part {@code index} running units {@code firstUnit..lastUnit}; {@code input} is the previous
     * cut tensor (empty for the first part), {@code outputs} the next cut tensor or the model outputs.
     */
    public ModelResult<ModelPart> assemble(int index, int firstUnit, int lastUnit, String input, List<String> outputs) {
        boolean first = input.isEmpty();
        Set<Integer> nodes = new HashSet<>();
        Set<String> usedInitializers = new HashSet<>();
        Set<String> usedGraphInputs = new HashSet<>();
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> work = new ArrayDeque<>(outputs);
        while (!work.isEmpty()) {
            String t = work.poll();
            if (!seen.add(t) || t.equals(input)) {
                continue;
            }
            if (graph.isInitializer(t)) {
                usedInitializers.add(t);
                continue;
            }
            if (graph.isGraphInput(t)) {
                if (!first && t.equals(cuts.mainInput())) {
                    return ModelResult.failed(
                            ModelErrorKind.CUT_NOT_SINGLE_TENSOR,
                            "Part " + index + " needs the main input `" + t + "` besides the cut tensor `" + input
                                    + "`.");
                }
                usedGraphInputs.add(t);
                continue;
            }
            int p = graph.producerOf(t);
            if (p < 0) {
                return ModelResult.failed(
                        ModelErrorKind.UNSUPPORTED_MODEL,
                        "Tensor `" + t + "` is used but no node, input or initializer defines it.");
            }
            if (nodes.add(p)) {
                work.addAll(graph.inputsOf(p));
            }
        }

        ModelProto original = graph.model();
        GraphProto source = original.getGraph();
        GraphProto.Builder g = GraphProto.newBuilder()
                .setName((source.getName().isEmpty() ? "graph" : source.getName()) + "_part" + index);
        if (!source.getDocString().isEmpty()) {
            g.setDocString(source.getDocString());
        }
        for (int i : graph.topologicalOrder()) {
            if (nodes.contains(i)) {
                g.addNode(graph.node(i));
            }
        }
        for (TensorProto t : source.getInitializerList()) {
            if (usedInitializers.contains(t.getName())) {
                g.addInitializer(t);
            }
        }
        List<TensorSpec> inputSpecs = new ArrayList<>();
        List<String> forwarded = new ArrayList<>();
        Set<String> boundary = new HashSet<>(outputs);
        if (!first) {
            ValueInfoProto info = cutInfos.get(input);
            g.addInput(info);
            inputSpecs.add(specOf(info));
            boundary.add(input);
        }
        for (ValueInfoProto v : source.getInputList()) {
            String name = v.getName();
            if (usedGraphInputs.contains(name)
                    || (usedInitializers.contains(name) && graph.initializerListedAsInput(name))) {
                g.addInput(v);
                boundary.add(name);
                if (usedGraphInputs.contains(name)) {
                    inputSpecs.add(specOf(v));
                    forwarded.add(name);
                }
            }
        }
        List<TensorSpec> outputSpecs = new ArrayList<>();
        for (String o : outputs) {
            ValueInfoProto info = cutInfos.containsKey(o) ? cutInfos.get(o) : graph.declaredInfo(o);
            g.addOutput(info);
            outputSpecs.add(specOf(info));
        }
        Set<String> produced = new HashSet<>();
        for (int i : nodes) {
            produced.addAll(graph.node(i).getOutputList());
        }
        for (ValueInfoProto v : source.getValueInfoList()) {
            if (produced.contains(v.getName()) && !boundary.contains(v.getName())) {
                g.addValueInfo(v);
            }
        }
        ModelProto part = original.toBuilder().clearTrainingInfo().setGraph(g).build();
        return ModelResult.ok(new ModelPart(
                index, firstUnit, lastUnit, inputSpecs, outputSpecs, forwarded, OnnxModelWriter.toBytes(part)));
    }

    /** The public description of a tensor's declared type. */
    public static TensorSpec specOf(ValueInfoProto v) {
        List<Dimension> dims = new ArrayList<>();
        for (TensorShapeProto.Dimension d :
                v.getType().getTensorType().getShape().getDimList()) {
            if (d.hasDimValue()) {
                dims.add(new Dimension.Fixed(d.getDimValue()));
            } else if (d.hasDimParam() && !d.getDimParam().isEmpty()) {
                dims.add(new Dimension.Symbolic(d.getDimParam()));
            } else {
                dims.add(new Dimension.Unknown());
            }
        }
        return new TensorSpec(
                v.getName(), OnnxElementType.name(v.getType().getTensorType().getElemType()), dims);
    }
}
