package io.satc.compiler.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A named tensor at a part boundary: its ONNX element type name (e.g. `FLOAT`, `INT64`) and shape.
 */
public record TensorSpec(String name, String elementType, List<Dimension> shape) {
    public TensorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(elementType, "elementType");
        shape = List.copyOf(shape);
    }

    @Override
    public String toString() {
        return name + ": " + elementType
                + shape.stream().map(Dimension::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
