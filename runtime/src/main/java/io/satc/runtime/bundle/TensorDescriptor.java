package io.satc.runtime.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The name, per-micro-batch shape and element type of the activation a stage reads or writes.
 *
 * @param name  the tensor's name in the stage's model (for a simulation stage, any label)
 * @param shape dimensions of one micro-batch, outermost first, for example {@code [8, 197, 768]}
 * @param dtype element type, {@code "float32"} for every activation a v1 frame can carry
 */
public record TensorDescriptor(
        @JsonProperty("name") String name,
        @JsonProperty("shape") List<Integer> shape,
        @JsonProperty("dtype") String dtype) {

    public TensorDescriptor {
        shape = List.copyOf(shape);
    }

    /** The shape as an array, the form {@code Tensor} takes. */
    public int[] dimensions() {
        return shape.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Product of the dimensions. */
    public long elementCount() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
