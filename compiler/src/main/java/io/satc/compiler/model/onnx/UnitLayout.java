package io.satc.compiler.model.onnx;

import java.util.List;

/**
 * Which unit each node of a graph belongs to: unit 0 is everything before the first block, units
 * 1..L are the blocks in index order, unit L+1 everything after the last block.
 *
 * @param pattern the block pattern that matched
 * @param unitNames `embedding`, `block.N` for each block index N, `head`
 * @param unitOfNode unit index of each node, by node index
 * @param controlFlow control-flow nodes whose subgraphs hold nodes of more than one unit
 */
public record UnitLayout(String pattern, List<String> unitNames, int[] unitOfNode, List<ControlFlowSpan> controlFlow) {
    public UnitLayout {
        unitNames = List.copyOf(unitNames);
        unitOfNode = unitOfNode.clone();
        controlFlow = List.copyOf(controlFlow);
    }

    public int unitCount() {
        return unitNames.size();
    }

    public int unitOf(int node) {
        return unitOfNode[node];
    }

    /** A control-flow node whose own unit and nested nodes span units {@code first..last}. */
    public record ControlFlowSpan(String nodeName, String opType, int first, int last) {}
}
