package io.satc.compiler.model.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import io.satc.compiler.model.ModelErrorKind;
import io.satc.compiler.model.ModelResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Groups a graph's nodes into cost-model units by the block index in their name scopes.
 *
 * <p>Nodes whose names match the block pattern belong to that block. Every other node follows the
 * data: it joins the latest unit among its producers, except that what follows the last block
 * is the head. Unscoped nodes between two blocks therefore join the earlier block, and nodes fed
 * only by graph inputs and constants (embeddings, mask preparation) are unit 0.
 */
public final class BlockDiscovery {
    /** Scopes of common exporters, tried in this order. */
    public static final List<String> DEFAULT_PATTERNS =
            List.of("/encoder/layer\\.(\\d+)/", "/blocks\\.(\\d+)/", "/h\\.(\\d+)/", "/model/layers\\.(\\d+)/");

    private BlockDiscovery() {}

    public static ModelResult<UnitLayout> discover(GraphIndex graph, Optional<String> pattern) {
        if (pattern.isPresent()) {
            Pattern p;
            try {
                p = Pattern.compile(pattern.get());
            } catch (PatternSyntaxException e) {
                return ModelResult.failed(
                        ModelErrorKind.INVALID_BLOCK_PATTERN,
                        "Block pattern `" + pattern.get() + "` is not a valid regular expression: " + e.getDescription()
                                + ".");
            }
            if (p.matcher("").groupCount() != 1) {
                return ModelResult.failed(
                        ModelErrorKind.INVALID_BLOCK_PATTERN,
                        "Block pattern `" + pattern.get() + "` must have exactly one capture group (the block"
                                + " index); it has " + p.matcher("").groupCount() + ".");
            }
            if (!matchesAny(graph, p)) {
                return ModelResult.failed(
                        ModelErrorKind.NO_BLOCK_SCOPES,
                        "No node name matches the block pattern `" + pattern.get() + "`.");
            }
            return layout(graph, p);
        }
        for (String candidate : DEFAULT_PATTERNS) {
            Pattern p = Pattern.compile(candidate);
            if (matchesAny(graph, p)) {
                return layout(graph, p);
            }
        }
        return ModelResult.failed(
                ModelErrorKind.NO_BLOCK_SCOPES,
                "No node name has a transformer-block scope; tried the patterns `"
                        + String.join("`, `", DEFAULT_PATTERNS) + "`. Pass a block pattern with one capture"
                        + " group for the block index.");
    }

    private static boolean matchesAny(GraphIndex graph, Pattern p) {
        for (int i = 0; i < graph.nodeCount(); i++) {
            if (p.matcher(graph.node(i).getName()).find()) {
                return true;
            }
        }
        return false;
    }

    private static ModelResult<UnitLayout> layout(GraphIndex graph, Pattern p) {
        int n = graph.nodeCount();
        long[] blockIndex = new long[n];
        TreeSet<Long> indices = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            blockIndex[i] = -1;
            Matcher m = p.matcher(graph.node(i).getName());
            if (m.find()) {
                String captured = m.group(1);
                try {
                    blockIndex[i] = Long.parseLong(captured);
                } catch (NumberFormatException | NullPointerException e) {
                    return ModelResult.failed(
                            ModelErrorKind.INVALID_BLOCK_PATTERN,
                            "Block pattern `" + p.pattern() + "` captured `" + captured + "` in node `"
                                    + graph.node(i).getName() + "`, which is not a block index.");
                }
                indices.add(blockIndex[i]);
            }
        }
        long first = indices.first();
        long last = indices.last();
        if (last - first + 1 != indices.size()) {
            List<Long> missing = new ArrayList<>();
            for (long b = first; b <= last && missing.size() < 5; b++) {
                if (!indices.contains(b)) {
                    missing.add(b);
                }
            }
            return ModelResult.failed(
                    ModelErrorKind.BLOCKS_NOT_CONTIGUOUS,
                    "Block indices " + first + " to " + last + " have gaps: no node is in block " + missing.get(0)
                            + ".");
        }
        int blocks = indices.size();
        int head = blocks + 1;
        List<String> names = new ArrayList<>();
        names.add("embedding");
        for (long b : indices) {
            names.add("block." + b);
        }
        names.add("head");

        int[] unit = new int[n];
        for (int i : graph.topologicalOrder()) {
            if (blockIndex[i] >= 0) {
                unit[i] = (int) (blockIndex[i] - first) + 1;
                continue;
            }
            int latest = 0;
            for (String in : graph.inputsOf(i)) {
                int prod = graph.producerOf(in);
                if (prod >= 0) {
                    latest = Math.max(latest, unit[prod]);
                }
            }
            unit[i] = latest == blocks ? head : latest;
        }
        for (int i = 0; i < n; i++) {
            for (String in : graph.inputsOf(i)) {
                int prod = graph.producerOf(in);
                if (prod >= 0 && unit[prod] > unit[i]) {
                    return ModelResult.failed(
                            ModelErrorKind.BLOCKS_NOT_CONTIGUOUS,
                            "Blocks are not contiguous in topological order: node `"
                                    + graph.node(prod).getName()
                                    + "` in unit `" + names.get(unit[prod]) + "` feeds node `"
                                    + graph.node(i).getName() + "` in the earlier unit `" + names.get(unit[i])
                                    + "`.");
                }
            }
        }
        List<UnitLayout.ControlFlowSpan> spans = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            NodeProto node = graph.node(i);
            if (!GraphIndex.hasSubgraphs(node)) {
                continue;
            }
            TreeMap<Integer, Boolean> touched = new TreeMap<>();
            touched.put(unit[i], true);
            for (String nested : GraphIndex.nestedNodeNames(node)) {
                Matcher m = p.matcher(nested);
                if (m.find()) {
                    try {
                        long b = Long.parseLong(m.group(1));
                        if (indices.contains(b)) {
                            touched.put((int) (b - first) + 1, true);
                        }
                    } catch (NumberFormatException | NullPointerException e) {
                        // A nested name that does not carry an index does not pin a unit.
                    }
                }
            }
            if (touched.size() > 1) {
                spans.add(new UnitLayout.ControlFlowSpan(
                        node.getName(), node.getOpType(), touched.firstKey(), touched.lastKey()));
            }
        }
        return ModelResult.ok(new UnitLayout(p.pattern(), names, unit, spans));
    }
}
