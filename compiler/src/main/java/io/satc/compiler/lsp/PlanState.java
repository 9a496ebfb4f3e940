package io.satc.compiler.lsp;

import java.util.List;
import java.util.Map;

/** What the editor knows about the plan of a document's mission, for a satellite's hover. */
sealed interface PlanState {

    /** No valid version has been analysed yet. */
    PlanState NONE = new Unavailable(-1, "no valid version of the mission has been analysed yet");

    /** The version of the document the state is about. */
    int version();

    /** Not planned, and why (errors, an ONNX model, too many nodes to plan on every edit). */
    record Unavailable(int version, String reason) implements PlanState {}

    /** Planning is running. */
    record Pending(int version) implements PlanState {}

    /** The mission is valid but no placement satisfies its constraints. */
    record Infeasible(int version, List<String> reasons) implements PlanState {}

    /** The optimal plan: each stage by the node that runs it. */
    record Ready(int version, Map<String, Stage> stagesByNode, String summary) implements PlanState {
        public Ready {
            stagesByNode = Map.copyOf(stagesByNode);
        }
    }

    /** One stage of the plan: 1-based index, its units, the memory it needs and the node's memory (infinite: unbounded). */
    record Stage(int index, int firstUnit, int lastUnit, double requiredBytes, double availableBytes) {}
}
