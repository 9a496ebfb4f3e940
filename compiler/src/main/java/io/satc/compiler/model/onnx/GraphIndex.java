package io.satc.compiler.model.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import io.satc.compiler.model.ModelErrorKind;
import io.satc.compiler.model.ModelResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The dataflow of a model's main graph: which node produces and which nodes consume each tensor,
 * the nodes in a stable topological order, graph inputs, outputs and initializers. Nodes holding
 * subgraphs (If, Loop, Scan) also consume the outer tensors their subgraphs reference.
 */
public final class GraphIndex {
    private final ModelProto model;
    private final List<NodeProto> nodes;
    private final List<List<String>> nodeInputs;
    private final Map<String, Integer> producer;
    private final Map<String, List<Integer>> consumers;
    private final Map<String, TensorProto> initializers;
    private final Map<String, ValueInfoProto> inputInfos;
    private final List<String> graphInputs;
    private final List<String> graphOutputs;
    private final Map<String, ValueInfoProto> valueInfos;
    private final int[] topoOrder;
    private final int[] topoPosition;

    private GraphIndex(
            ModelProto model,
            List<List<String>> nodeInputs,
            Map<String, Integer> producer,
            Map<String, List<Integer>> consumers,
            int[] topoOrder) {
        this.model = model;
        GraphProto graph = model.getGraph();
        this.nodes = graph.getNodeList();
        this.nodeInputs = nodeInputs;
        this.producer = producer;
        this.consumers = consumers;
        this.initializers = new LinkedHashMap<>();
        for (TensorProto t : graph.getInitializerList()) {
            initializers.put(t.getName(), t);
        }
        this.inputInfos = new LinkedHashMap<>();
        this.graphInputs = new ArrayList<>();
        for (ValueInfoProto v : graph.getInputList()) {
            inputInfos.put(v.getName(), v);
            if (!initializers.containsKey(v.getName())) {
                graphInputs.add(v.getName());
            }
        }
        this.graphOutputs =
                graph.getOutputList().stream().map(ValueInfoProto::getName).toList();
        this.valueInfos = new LinkedHashMap<>();
        for (ValueInfoProto v : graph.getValueInfoList()) {
            valueInfos.put(v.getName(), v);
        }
        for (ValueInfoProto v : graph.getOutputList()) {
            valueInfos.put(v.getName(), v);
        }
        this.topoOrder = topoOrder;
        this.topoPosition = new int[topoOrder.length];
        for (int p = 0; p < topoOrder.length; p++) {
            topoPosition[topoOrder[p]] = p;
        }
    }

    /** Indexes the main graph of {@code model}; fails on cycles and tensors produced twice. */
    public static ModelResult<GraphIndex> of(ModelProto model) {
        GraphProto graph = model.getGraph();
        List<NodeProto> nodes = graph.getNodeList();
        Map<String, Integer> producer = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (String out : nodes.get(i).getOutputList()) {
                if (out.isEmpty()) {
                    continue;
                }
                if (producer.put(out, i) != null) {
                    return ModelResult.failed(
                            ModelErrorKind.UNSUPPORTED_MODEL,
                            "Tensor `" + out + "` is produced by more than one node.");
                }
            }
        }
        List<List<String>> nodeInputs = new ArrayList<>(nodes.size());
        Map<String, List<Integer>> consumers = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Set<String> ins = new LinkedHashSet<>();
            NodeProto n = nodes.get(i);
            for (String in : n.getInputList()) {
                if (!in.isEmpty()) {
                    ins.add(in);
                }
            }
            ins.addAll(outerReferences(n));
            List<String> list = List.copyOf(ins);
            nodeInputs.add(list);
            for (String in : list) {
                consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(i);
            }
        }
        // Kahn's algorithm, always taking the earliest stored node that is ready, so a model that is
        // already sorted keeps its order.
        int[] pending = new int[nodes.size()];
        List<List<Integer>> successors = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            successors.add(new ArrayList<>());
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (String in : nodeInputs.get(i)) {
                Integer p = producer.get(in);
                if (p != null) {
                    pending[i]++;
                    successors.get(p).add(i);
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        int[] order = new int[nodes.size()];
        int count = 0;
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order[count++] = i;
            for (int s : successors.get(i)) {
                if (--pending[s] == 0) {
                    ready.add(s);
                }
            }
        }
        if (count != nodes.size()) {
            return ModelResult.failed(
                    ModelErrorKind.UNSUPPORTED_MODEL,
                    "The graph has a cycle; " + (nodes.size() - count) + " nodes can never run.");
        }
        return ModelResult.ok(new GraphIndex(model, nodeInputs, producer, consumers, order));
    }

    /** Names a node's subgraphs use but do not define: implicit inputs from the outer scope. */
    private static Set<String> outerReferences(NodeProto node) {
        Set<String> refs = new LinkedHashSet<>();
        for (AttributeProto a : node.getAttributeList()) {
            if (a.hasG()) {
                refs.addAll(freeNames(a.getG()));
            }
            for (GraphProto g : a.getGraphsList()) {
                refs.addAll(freeNames(g));
            }
        }
        return refs;
    }

    private static Set<String> freeNames(GraphProto g) {
        Set<String> defined = new HashSet<>();
        g.getInputList().forEach(v -> defined.add(v.getName()));
        g.getInitializerList().forEach(t -> defined.add(t.getName()));
        for (NodeProto n : g.getNodeList()) {
            defined.addAll(n.getOutputList());
        }
        Set<String> free = new LinkedHashSet<>();
        for (NodeProto n : g.getNodeList()) {
            for (String in : n.getInputList()) {
                if (!in.isEmpty() && !defined.contains(in)) {
                    free.add(in);
                }
            }
            for (String in : outerReferences(n)) {
                if (!defined.contains(in)) {
                    free.add(in);
                }
            }
        }
        return free;
    }

    /** Names of every node nested in a node's subgraphs, at any depth. */
    public static List<String> nestedNodeNames(NodeProto node) {
        List<String> names = new ArrayList<>();
        ArrayDeque<GraphProto> work = new ArrayDeque<>();
        for (AttributeProto a : node.getAttributeList()) {
            if (a.hasG()) {
                work.add(a.getG());
            }
            work.addAll(a.getGraphsList());
        }
        while (!work.isEmpty()) {
            GraphProto g = work.poll();
            for (NodeProto n : g.getNodeList()) {
                names.add(n.getName());
                for (AttributeProto a : n.getAttributeList()) {
                    if (a.hasG()) {
                        work.add(a.getG());
                    }
                    work.addAll(a.getGraphsList());
                }
            }
        }
        return names;
    }

    public static boolean hasSubgraphs(NodeProto node) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.hasG() || a.getGraphsCount() > 0) {
                return true;
            }
        }
        return false;
    }

    public ModelProto model() {
        return model;
    }

    public int nodeCount() {
        return nodes.size();
    }

    public NodeProto node(int i) {
        return nodes.get(i);
    }

    /** Explicit and implicit (subgraph) inputs of node {@code i}, without empty names. */
    public List<String> inputsOf(int i) {
        return nodeInputs.get(i);
    }

    /** The index of the node producing {@code tensor}, or -1 for inputs, initializers and unknowns. */
    public int producerOf(String tensor) {
        Integer p = producer.get(tensor);
        return p == null ? -1 : p;
    }

    public List<Integer> consumersOf(String tensor) {
        return consumers.getOrDefault(tensor, Collections.emptyList());
    }

    public boolean isInitializer(String tensor) {
        return initializers.containsKey(tensor);
    }

    public Map<String, TensorProto> initializers() {
        return Collections.unmodifiableMap(initializers);
    }

    /** Graph inputs that are not initializers, in declaration order. */
    public List<String> graphInputs() {
        return Collections.unmodifiableList(graphInputs);
    }

    public boolean isGraphInput(String tensor) {
        return inputInfos.containsKey(tensor) && !initializers.containsKey(tensor);
    }

    public ValueInfoProto inputInfo(String tensor) {
        return inputInfos.get(tensor);
    }

    /** Whether the model also lists this initializer as a graph input (IR version 3 and earlier). */
    public boolean initializerListedAsInput(String tensor) {
        return inputInfos.containsKey(tensor) && initializers.containsKey(tensor);
    }

    public List<String> graphOutputs() {
        return graphOutputs;
    }

    /** The declared type of a tensor (value_info or graph output), if the model states one. */
    public ValueInfoProto declaredInfo(String tensor) {
        ValueInfoProto v = valueInfos.get(tensor);
        return v != null ? v : inputInfos.get(tensor);
    }

    /** Node indices in topological order (stored order where the model is already sorted). */
    public int[] topologicalOrder() {
        return topoOrder.clone();
    }

    public int topologicalPosition(int node) {
        return topoPosition[node];
    }
}
