package io.satc.compiler.model.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.satc.compiler.model.ModelErrorKind;
import io.satc.compiler.model.ModelResult;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Learns element types and shapes of intermediate tensors by running the model in ONNX Runtime
 * with those tensors exposed as extra outputs, on zero-filled inputs.
 *
 * <p>Symbolic dimensions are recovered by running twice with different sizes for each symbolic
 * input dimension: an axis that follows input dimension `seq` in both runs is named `seq`.
 */
public final class ShapeProbe {
    private static final String UNNAMED = "\u0000unnamed:";

    private ShapeProbe() {}

    /** The element type and concrete shape of one tensor in one run. */
    public record Observed(int elementType, long[] shape) {
        public long elements() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }

        public long bytes() {
            return elements() * OnnxElementType.sizeOf(elementType);
        }
    }

    /** Chooses the size of an input axis for a probe run. */
    @FunctionalInterface
    public interface SizeChooser {
        /** {@code symbol} is the input's dim_param, or empty when the axis is unnamed. */
        long size(String input, int axis, Optional<String> symbol);
    }

    /** Types with symbolic shapes for {@code tensors}, keeping the model's declarations if present. */
    public static ModelResult<Map<String, ValueInfoProto>> infer(GraphIndex graph, List<String> tensors) {
        Map<String, ValueInfoProto> result = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String t : tensors) {
            ValueInfoProto declared = graph.declaredInfo(t);
            if (declared != null && isComplete(declared)) {
                result.put(t, declared);
            } else if (graph.isInitializer(t)) {
                result.put(t, fromInitializer(graph.initializers().get(t)));
            } else {
                missing.add(t);
            }
        }
        if (missing.isEmpty()) {
            return ModelResult.ok(result);
        }
        List<String> symbols = symbols(graph);
        SizeChooser first = (input, axis, symbol) -> 2 + indexOf(symbols, input, axis, symbol);
        SizeChooser second = (input, axis, symbol) -> 7 + 2L * indexOf(symbols, input, axis, symbol);
        byte[] probeModel = withExtraOutputs(graph, missing);
        try (OrtSession session = OrtSessions.open(probeModel)) {
            Map<String, NodeInfo> infos = session.getOutputInfo();
            Map<String, Observed> a = run(session, graph, missing, first);
            Map<String, Observed> b = run(session, graph, missing, second);
            for (String t : missing) {
                TensorInfo info = (TensorInfo) infos.get(t).getInfo();
                result.put(t, describe(t, info, a.get(t), b.get(t), symbols, first, second));
            }
        } catch (OrtException | RuntimeException e) {
            return ModelResult.failed(
                    ModelErrorKind.RUNTIME_FAILURE,
                    "ONNX Runtime could not infer the types of the cut tensors: " + e.getMessage());
        }
        Map<String, ValueInfoProto> ordered = new LinkedHashMap<>();
        for (String t : tensors) {
            ordered.put(t, result.get(t));
        }
        return ModelResult.ok(ordered);
    }

    /** Concrete types and shapes of {@code tensors} when the inputs take the chosen sizes. */
    public static ModelResult<Map<String, Observed>> observe(
            GraphIndex graph, List<String> tensors, SizeChooser sizes) {
        byte[] probeModel = withExtraOutputs(graph, tensors);
        try (OrtSession session = OrtSessions.open(probeModel)) {
            return ModelResult.ok(run(session, graph, tensors, sizes));
        } catch (OrtException | RuntimeException e) {
            return ModelResult.failed(
                    ModelErrorKind.RUNTIME_FAILURE,
                    "ONNX Runtime could not run the model to measure tensor shapes: " + e.getMessage());
        }
    }

    private static boolean isComplete(ValueInfoProto v) {
        if (!v.getType().hasTensorType()) {
            return false;
        }
        TypeProto.Tensor t = v.getType().getTensorType();
        return t.getElemType() != 0 && t.hasShape();
    }

    private static ValueInfoProto fromInitializer(TensorProto t) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : t.getDimsList()) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder()
                .setName(t.getName())
                .setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder()
                                .setElemType(t.getDataType())
                                .setShape(shape)))
                .build();
    }

    /** Symbolic input dimensions in a fixed order; unnamed axes get a private key. */
    private static List<String> symbols(GraphIndex graph) {
        TreeSet<String> named = new TreeSet<>();
        List<String> unnamed = new ArrayList<>();
        for (String input : graph.graphInputs()) {
            List<TensorShapeProto.Dimension> dims = dimsOf(graph.inputInfo(input));
            for (int axis = 0; axis < dims.size(); axis++) {
                TensorShapeProto.Dimension d = dims.get(axis);
                if (d.hasDimValue() && d.getDimValue() > 0) {
                    continue;
                }
                if (d.hasDimParam() && !d.getDimParam().isEmpty()) {
                    named.add(d.getDimParam());
                } else {
                    unnamed.add(UNNAMED + input + ":" + axis);
                }
            }
        }
        List<String> all = new ArrayList<>(named);
        all.addAll(unnamed);
        return all;
    }

    private static long indexOf(List<String> symbols, String input, int axis, Optional<String> symbol) {
        return symbols.indexOf(symbol.orElse(UNNAMED + input + ":" + axis));
    }

    private static List<TensorShapeProto.Dimension> dimsOf(ValueInfoProto v) {
        return v.getType().getTensorType().getShape().getDimList();
    }

    private static byte[] withExtraOutputs(GraphIndex graph, List<String> tensors) {
        Set<String> outputs = new HashSet<>(graph.graphOutputs());
        GraphProto.Builder g = graph.model().getGraph().toBuilder();
        for (String t : tensors) {
            if (graph.producerOf(t) >= 0 && outputs.add(t)) {
                g.addOutput(ValueInfoProto.newBuilder().setName(t));
            }
        }
        return OnnxModelWriter.toBytes(graph.model().toBuilder().setGraph(g).build());
    }

    private static Map<String, Observed> run(
            OrtSession session, GraphIndex graph, List<String> tensors, SizeChooser sizes) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
        Map<String, Observed> result = new LinkedHashMap<>();
        try {
            for (String input : session.getInputNames()) {
                ValueInfoProto info = graph.inputInfo(input);
                int elemType = info.getType().getTensorType().getElemType();
                List<TensorShapeProto.Dimension> dims = dimsOf(info);
                long[] shape = new long[dims.size()];
                for (int axis = 0; axis < shape.length; axis++) {
                    TensorShapeProto.Dimension d = dims.get(axis);
                    shape[axis] = d.hasDimValue() && d.getDimValue() > 0
                            ? d.getDimValue()
                            : sizes.size(
                                    input,
                                    axis,
                                    d.hasDimParam() && !d.getDimParam().isEmpty()
                                            ? Optional.of(d.getDimParam())
                                            : Optional.empty());
                }
                OnnxJavaType javaType = OnnxElementType.toOrtJava(elemType)
                        .orElseThrow(() -> new IllegalArgumentException("input `" + input + "` has element type "
                                + OnnxElementType.name(elemType) + ", which the probe cannot fill"));
                long elements = 1;
                for (long d : shape) {
                    elements *= d;
                }
                ByteBuffer zeros = ByteBuffer.allocateDirect(
                                (int) Math.max(1, elements * OnnxElementType.sizeOf(elemType)))
                        .order(ByteOrder.nativeOrder());
                feeds.put(input, OnnxTensor.createTensor(env, zeros, shape, javaType));
                result.put(input, new Observed(elemType, shape));
            }
            Set<String> wanted = new LinkedHashSet<>();
            for (String t : tensors) {
                if (graph.producerOf(t) >= 0) {
                    wanted.add(t);
                }
            }
            if (!wanted.isEmpty()) {
                try (OrtSession.Result out = session.run(feeds, wanted)) {
                    for (Map.Entry<String, OnnxValue> e : out) {
                        TensorInfo info = (TensorInfo) e.getValue().getInfo();
                        result.put(e.getKey(), new Observed(OnnxElementType.fromOrt(info.onnxType), info.getShape()));
                    }
                }
            }
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
        for (String t : tensors) {
            if (graph.isInitializer(t)) {
                TensorProto init = graph.initializers().get(t);
                result.put(
                        t,
                        new Observed(
                                init.getDataType(),
                                init.getDimsList().stream()
                                        .mapToLong(Long::longValue)
                                        .toArray()));
            }
        }
        return result;
    }

    private static ValueInfoProto describe(
            String name,
            TensorInfo info,
            Observed a,
            Observed b,
            List<String> symbols,
            SizeChooser first,
            SizeChooser second) {
        long[] statics = info.getShape();
        String[] names = info.getDimensionNames();
        int rank = a.shape().length;
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (int axis = 0; axis < rank; axis++) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            boolean staticKnown = statics.length == rank;
            if (staticKnown && statics[axis] >= 0) {
                dim.setDimValue(statics[axis]);
            } else if (staticKnown
                    && names != null
                    && axis < names.length
                    && names[axis] != null
                    && !names[axis].isEmpty()) {
                dim.setDimParam(names[axis]);
            } else {
                for (String symbol : symbols) {
                    if (symbol.startsWith(UNNAMED)) {
                        continue;
                    }
                    Optional<String> s = Optional.of(symbol);
                    if (first.size("", 0, s) == a.shape()[axis] && second.size("", 0, s) == b.shape()[axis]) {
                        dim.setDimParam(symbol);
                        break;
                    }
                }
            }
            shape.addDim(dim);
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder()
                                .setElemType(a.elementType())
                                .setShape(shape)))
                .build();
    }
}
