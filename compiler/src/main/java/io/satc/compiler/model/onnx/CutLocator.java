package io.satc.compiler.model.onnx;

import io.satc.compiler.model.ModelErrorKind;
import io.satc.compiler.model.ModelResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the tensor a cut passes through. A cut after unit j must be crossed by a single tensor,
 * apart from side tensors: initializers, constants, graph inputs other than the main one and
 * anything computed only from those (e.g. an attention mask prepared from `attention_mask`),
 * which each part recomputes from forwarded inputs. When several tensors cross but all are
 * computed from one earlier tensor by weight-free glue (a quantized model quantizes the residual
 * stream before the next block reads it), the cut moves back to that tensor and the next part
 * recomputes the glue.
 */
public final class CutLocator {
    private final GraphIndex graph;
    private final UnitLayout layout;
    private final String mainInput;
    private final boolean[] mainDependent;

    private CutLocator(GraphIndex graph, UnitLayout layout, String mainInput) {
        this.graph = graph;
        this.layout = layout;
        this.mainInput = mainInput;
        this.mainDependent = new boolean[graph.nodeCount()];
        for (int i : graph.topologicalOrder()) {
            for (String in : graph.inputsOf(i)) {
                int p = graph.producerOf(in);
                if (in.equals(mainInput) || (p >= 0 && mainDependent[p])) {
                    mainDependent[i] = true;
                    break;
                }
            }
        }
    }

    /** A locator for {@code graph}; the main input is the named one or the first graph input. */
    public static ModelResult<CutLocator> of(GraphIndex graph, UnitLayout layout, Optional<String> mainInput) {
        if (mainInput.isPresent()) {
            if (!graph.isGraphInput(mainInput.get())) {
                return ModelResult.failed(
                        ModelErrorKind.UNSUPPORTED_MODEL,
                        "The model has no graph input `" + mainInput.get() + "`; its inputs are `"
                                + String.join("`, `", graph.graphInputs()) + "`.");
            }
            return ModelResult.ok(new CutLocator(graph, layout, mainInput.get()));
        }
        if (graph.graphInputs().isEmpty()) {
            return ModelResult.failed(ModelErrorKind.UNSUPPORTED_MODEL, "The model has no graph inputs.");
        }
        return ModelResult.ok(new CutLocator(graph, layout, graph.graphInputs().get(0)));
    }

    public String mainInput() {
        return mainInput;
    }

    /** Whether a tensor can be recomputed by any part from forwarded inputs and constants. */
    public boolean isSide(String tensor) {
        if (tensor.equals(mainInput)) {
            return false;
        }
        if (graph.isInitializer(tensor) || graph.isGraphInput(tensor)) {
            return true;
        }
        int p = graph.producerOf(tensor);
        return p < 0 || !mainDependent[p];
    }

    /** The single tensor through which unit {@code j} and everything before it reach the rest. */
    public ModelResult<String> cutTensorAfter(int j) {
        String unitName = layout.unitNames().get(j);
        TreeSet<String> crossing = new TreeSet<>();
        for (int c = 0; c < graph.nodeCount(); c++) {
            if (layout.unitOf(c) <= j) {
                continue;
            }
            for (String t : graph.inputsOf(c)) {
                if (isSide(t)) {
                    continue;
                }
                int p = graph.producerOf(t);
                if (t.equals(mainInput) || (p >= 0 && layout.unitOf(p) <= j)) {
                    crossing.add(t);
                }
            }
        }
        for (String o : graph.graphOutputs()) {
            int p = graph.producerOf(o);
            if (o.equals(mainInput) || (p >= 0 && layout.unitOf(p) <= j && mainDependent[p])) {
                crossing.add(o);
            }
        }
        if (crossing.isEmpty()) {
            return ModelResult.failed(
                    ModelErrorKind.CUT_NOT_SINGLE_TENSOR,
                    "No tensor crosses the cut after unit " + j + " (`" + unitName
                            + "`): the later units do not depend on the main input `" + mainInput + "`.");
        }
        if (crossing.size() == 1) {
            return ModelResult.ok(crossing.first());
        }
        for (String candidate : candidates(crossing.first())) {
            if (dominates(candidate, crossing)) {
                return ModelResult.ok(candidate);
            }
        }
        List<String> shown = new ArrayList<>(crossing).subList(0, Math.min(5, crossing.size()));
        return ModelResult.failed(
                ModelErrorKind.CUT_NOT_SINGLE_TENSOR,
                "The cut after unit " + j + " (`" + unitName + "`) is not a single tensor: " + crossing.size()
                        + " tensors cross it (`" + String.join("`, `", shown) + "`"
                        + (crossing.size() > shown.size() ? ", …" : "") + ") and no one tensor feeds them all.");
    }

    /** Non-side ancestors of {@code start} (itself included), latest producer first. */
    private List<String> candidates(String start) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> work = new ArrayDeque<>();
        work.add(start);
        List<String> result = new ArrayList<>();
        while (!work.isEmpty()) {
            String t = work.poll();
            if (!seen.add(t) || isSide(t)) {
                continue;
            }
            result.add(t);
            int p = graph.producerOf(t);
            if (p >= 0) {
                work.addAll(graph.inputsOf(p));
            }
        }
        result.sort(
                Comparator.comparingInt((String t) -> position(t)).reversed().thenComparing(Comparator.naturalOrder()));
        return result;
    }

    private int position(String tensor) {
        int p = graph.producerOf(tensor);
        return p < 0 ? -1 : graph.topologicalPosition(p);
    }

    /** Whether every crossing tensor can be computed from {@code cut} plus side tensors alone. */
    private boolean dominates(String cut, Set<String> crossing) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> work = new ArrayDeque<>(crossing);
        while (!work.isEmpty()) {
            String t = work.poll();
            if (t.equals(cut) || !seen.add(t) || isSide(t)) {
                continue;
            }
            int p = graph.producerOf(t);
            if (p < 0 || !isGlue(p)) {
                return false;
            }
            work.addAll(graph.inputsOf(p));
        }
        return true;
    }

    /**
     * Whether the next part may recompute node {@code p} instead of receiving its output: only
     * cheap glue (quantize, cast, reshape) that reads no weights and does no matrix products.
     */
    private boolean isGlue(int p) {
        if (FlopCounter.counts(graph.node(p))) {
            return false;
        }
        for (String in : graph.inputsOf(p)) {
            if (graph.isInitializer(in)) {
                return false;
            }
        }
        return true;
    }
}
