package io.satc.compiler.model;

import java.util.Objects;

/**
 * One unit of the cost model (`embedding`, `block.N` or `head`) and the number of graph nodes in it.
 */
public record ModelUnit(int index, String name, int nodeCount) {
    public ModelUnit {
        Objects.requireNonNull(name, "name");
    }
}
