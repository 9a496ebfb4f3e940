package io.satc.compiler.model;

import java.util.List;
import java.util.Objects;

/**
 * One sub-model of a split: units `firstUnit..lastUnit` as a serialised ONNX model with its
 * boundary tensors. Inputs list the cut tensor from the previous part first (for parts after the
 * first), then the original graph inputs this part needs ({@code forwardedInputs}); outputs are
 * the next cut tensor, or the model's outputs for the last part. The byte array is shared, not
 * copied: treat it as read-only.
 */
public record ModelPart(
        int index,
        int firstUnit,
        int lastUnit,
        List<TensorSpec> inputs,
        List<TensorSpec> outputs,
        List<String> forwardedInputs,
        byte[] onnx) {
    public ModelPart {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        forwardedInputs = List.copyOf(forwardedInputs);
        Objects.requireNonNull(onnx, "onnx");
    }

    public List<String> inputNames() {
        return inputs.stream().map(TensorSpec::name).toList();
    }

    public List<String> outputNames() {
        return outputs.stream().map(TensorSpec::name).toList();
    }

    @Override
    public String toString() {
        return "part " + index + " (units " + firstUnit + ".." + lastUnit + ", " + onnx.length + " bytes): " + inputs
                + " -> " + outputs;
    }
}
