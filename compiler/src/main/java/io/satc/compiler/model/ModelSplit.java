package io.satc.compiler.model;

import java.util.List;

/** A model cut into consecutive parts: the units it was divided into, the cuts made and the parts. */
public record ModelSplit(List<ModelUnit> units, List<Integer> cutsAfterUnit, List<ModelPart> parts) {
    public ModelSplit {
        units = List.copyOf(units);
        cutsAfterUnit = List.copyOf(cutsAfterUnit);
        parts = List.copyOf(parts);
    }
}
