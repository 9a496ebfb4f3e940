package io.satc.compiler.model;

import ai.onnx.proto.OnnxMl.ValueInfoProto;
import io.satc.compiler.model.onnx.CutLocator;
import io.satc.compiler.model.onnx.GraphIndex;
import io.satc.compiler.model.onnx.PartAssembler;
import io.satc.compiler.model.onnx.UnitLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Cuts an ONNX transformer at unit boundaries into consecutive sub-models that compose to the
 * original: running part 0 on the model inputs, then each next part on the previous part's output
 * (plus the graph inputs it forwards), gives the model's outputs.
 */
public final class ModelSplitter {
    private ModelSplitter() {}

    /** Splits {@code model} after each listed unit, finding blocks with the given or default pattern. */
    public static ModelResult<ModelSplit> split(
            Path model, List<Integer> cutsAfterUnit, Optional<String> blockPattern) {
        return split(model, cutsAfterUnit, SplitOptions.withBlockPattern(blockPattern));
    }

    /** Reads {@code model} and splits it; a command that needs the model again reads it once as an {@link OnnxModel}. */
    public static ModelResult<ModelSplit> split(Path model, List<Integer> cutsAfterUnit, SplitOptions options) {
        return OnnxModel.read(model, options).flatMap(m -> split(m, cutsAfterUnit));
    }

    /** Splits a loaded model after each listed unit. */
    public static ModelResult<ModelSplit> split(OnnxModel model, List<Integer> cutsAfterUnit) {
        return model.graph()
                .flatMap(graph -> model.layout()
                        .flatMap(layout -> model.locator()
                                .flatMap(locator -> split(model, graph, layout, locator, cutsAfterUnit))));
    }

    /** The units of {@code model}: embedding, one per block, head. */
    public static ModelResult<List<ModelUnit>> units(Path model, SplitOptions options) {
        return OnnxModel.read(model, options).flatMap(OnnxModel::units);
    }

    static List<ModelUnit> units(UnitLayout layout) {
        int[] counts = new int[layout.unitCount()];
        for (int u : layout.unitOfNode()) {
            counts[u]++;
        }
        List<ModelUnit> units = new ArrayList<>();
        for (int u = 0; u < layout.unitCount(); u++) {
            units.add(new ModelUnit(u, layout.unitNames().get(u), counts[u]));
        }
        return units;
    }

    private static ModelResult<ModelSplit> split(
            OnnxModel model, GraphIndex graph, UnitLayout layout, CutLocator locator, List<Integer> requested) {
        int lastCut = layout.unitCount() - 2;
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int j : requested) {
            if (j < 0 || j > lastCut) {
                return ModelResult.failed(
                        ModelErrorKind.INVALID_CUT,
                        "Cannot cut after unit " + j + ": the model has " + layout.unitCount()
                                + " units, so cuts go after units 0 to " + lastCut + ".");
            }
            if (!cuts.add(j)) {
                return ModelResult.failed(ModelErrorKind.INVALID_CUT, "The cut after unit " + j + " is listed twice.");
            }
        }
        for (UnitLayout.ControlFlowSpan span : layout.controlFlow()) {
            for (int j : cuts) {
                if (j >= span.first() && j < span.last()) {
                    return ModelResult.failed(
                            ModelErrorKind.CONTROL_FLOW_CROSSES_CUT,
                            "The cut after unit " + j + " (`"
                                    + layout.unitNames().get(j) + "`) would split the "
                                    + span.opType() + " node `" + span.nodeName() + "`, whose subgraphs hold nodes of"
                                    + " units " + span.first() + " to " + span.last() + ".");
                }
            }
        }
        List<String> cutTensors = new ArrayList<>();
        for (int j : cuts) {
            ModelResult<String> t = locator.cutTensorAfter(j);
            if (!t.isOk()) {
                return ModelResult.failed(t.failure().orElseThrow());
            }
            cutTensors.add(t.orElseThrow());
        }
        ModelResult<Map<String, ValueInfoProto>> infos = model.cutTypes(List.copyOf(new LinkedHashSet<>(cutTensors)));
        if (!infos.isOk()) {
            return ModelResult.failed(infos.failure().orElseThrow());
        }
        PartAssembler assembler = new PartAssembler(graph, locator, infos.orElseThrow());
        List<Integer> cutList = List.copyOf(cuts);
        List<ModelPart> parts = new ArrayList<>();
        for (int k = 0; k <= cutList.size(); k++) {
            int firstUnit = k == 0 ? 0 : cutList.get(k - 1) + 1;
            int lastUnit = k == cutList.size() ? layout.unitCount() - 1 : cutList.get(k);
            String input = k == 0 ? "" : cutTensors.get(k - 1);
            List<String> outputs = k == cutList.size() ? graph.graphOutputs() : List.of(cutTensors.get(k));
            ModelResult<ModelPart> part = assembler.assemble(k, firstUnit, lastUnit, input, outputs);
            if (!part.isOk()) {
                return ModelResult.failed(part.failure().orElseThrow());
            }
            parts.add(part.orElseThrow());
        }
        return ModelResult.ok(new ModelSplit(units(layout), cutList, parts));
    }
}
