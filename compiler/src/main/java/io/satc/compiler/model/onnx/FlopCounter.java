package io.satc.compiler.model.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Counts the floating-point operations of the nodes that dominate transformer cost: matrix
 * products (MatMul and its integer and quantized forms, Gemm) at 2·M·N·K each, broadcast over
 * batch dimensions, and convolutions at 2 · output elements · input channels per group · kernel
 * size. Attention scores (Q·Kᵀ) and attention-weighted values are plain MatMuls and so included;
 * element-wise operations, softmax and normalisation are not counted.
 */
public final class FlopCounter {
    private static final Set<String> COUNTED =
            Set.of("MatMul", "MatMulInteger", "QLinearMatMul", "Gemm", "Conv", "ConvInteger");

    private FlopCounter() {}

    public static boolean counts(NodeProto node) {
        return node.getDomain().isEmpty() && COUNTED.contains(node.getOpType());
    }

    /** Tensors whose shapes {@link #flops} needs for {@code node}. */
    public static List<String> operands(NodeProto node) {
        switch (node.getOpType()) {
            case "QLinearMatMul":
                return List.of(node.getInput(0), node.getInput(3));
            case "Conv":
            case "ConvInteger":
                return List.of(node.getInput(1), node.getOutput(0));
            default:
                return List.of(node.getInput(0), node.getInput(1));
        }
    }

    /** FLOPs of {@code node} given the concrete shapes of its operands, if all are known. */
    public static Optional<Long> flops(NodeProto node, Map<String, long[]> shapes) {
        List<String> operands = operands(node);
        long[] first = shapes.get(operands.get(0));
        long[] second = shapes.get(operands.get(1));
        if (first == null || second == null) {
            return Optional.empty();
        }
        switch (node.getOpType()) {
            case "Gemm":
                return gemm(node, first, second);
            case "Conv":
            case "ConvInteger":
                return conv(first, second);
            default:
                return matMul(first, second);
        }
    }

    private static Optional<Long> matMul(long[] a, long[] b) {
        if (a.length == 0 || b.length == 0) {
            return Optional.empty();
        }
        long[] left = a.length == 1 ? new long[] {1, a[0]} : a;
        long[] right = b.length == 1 ? new long[] {b[0], 1} : b;
        long m = left[left.length - 2];
        long k = left[left.length - 1];
        long n = right[right.length - 1];
        long batch = 1;
        int leftBatch = left.length - 2;
        int rightBatch = right.length - 2;
        for (int i = 0; i < Math.max(leftBatch, rightBatch); i++) {
            long dl = i < leftBatch ? left[leftBatch - 1 - i] : 1;
            long dr = i < rightBatch ? right[rightBatch - 1 - i] : 1;
            batch *= Math.max(dl, dr);
        }
        return Optional.of(2 * batch * m * n * k);
    }

    private static Optional<Long> gemm(NodeProto node, long[] a, long[] b) {
        if (a.length != 2 || b.length != 2) {
            return Optional.empty();
        }
        boolean transA = intAttribute(node, "transA") != 0;
        boolean transB = intAttribute(node, "transB") != 0;
        long m = transA ? a[1] : a[0];
        long k = transA ? a[0] : a[1];
        long n = transB ? b[0] : b[1];
        return Optional.of(2 * m * n * k);
    }

    private static Optional<Long> conv(long[] weight, long[] output) {
        long perOutput = 1;
        for (int i = 1; i < weight.length; i++) {
            perOutput *= weight[i];
        }
        long outputs = 1;
        for (long d : output) {
            outputs *= d;
        }
        return Optional.of(2 * outputs * perOutput);
    }

    private static long intAttribute(NodeProto node, String name) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a.getI();
            }
        }
        return 0;
    }
}
