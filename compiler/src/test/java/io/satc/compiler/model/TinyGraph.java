package io.satc.compiler.model;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A builder for small hand-made ONNX graphs used to provoke each splitter error. */
final class TinyGraph {
    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("tiny");

    static ValueInfoProto info(String name, int elemType, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof String s) {
                dim.setDimParam(s);
            } else {
                dim.setDimValue(((Number) d).longValue());
            }
            shape.addDim(dim);
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder()
                                .setElemType(elemType)
                                .setShape(shape)))
                .build();
    }

    TinyGraph input(String name, int elemType, Object... dims) {
        graph.addInput(info(name, elemType, dims));
        return this;
    }

    TinyGraph output(String name, int elemType, Object... dims) {
        graph.addOutput(info(name, elemType, dims));
        return this;
    }

    TinyGraph weight(String name, long rows, long cols, float scale) {
        TensorProto.Builder t = TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(rows)
                .addDims(cols);
        for (int i = 0; i < rows * cols; i++) {
            t.addFloatData(scale * (((i * 7) % 11) - 5) / 5f);
        }
        graph.addInitializer(t);
        return this;
    }

    TinyGraph node(String op, String name, List<String> inputs, List<String> outputs, AttributeProto... attributes) {
        graph.addNode(NodeProto.newBuilder()
                .setOpType(op)
                .setName(name)
                .addAllInput(inputs)
                .addAllOutput(outputs)
                .addAllAttribute(List.of(attributes)));
        return this;
    }

    static AttributeProto graphAttribute(String name, GraphProto g) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.GRAPH)
                .setG(g)
                .build();
    }

    ModelProto model() {
        return ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("satc-test")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17))
                .setGraph(graph)
                .build();
    }

    Path write(Path dir, String file) throws IOException {
        Path path = dir.resolve(file);
        Files.write(path, model().toByteArray());
        return path;
    }
}
