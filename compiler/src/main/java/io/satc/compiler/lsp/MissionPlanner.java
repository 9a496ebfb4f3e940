package io.satc.compiler.lsp;

import io.satc.compiler.codegen.MissionPlanning;
import io.satc.compiler.codegen.PlanOutcome;
import io.satc.compiler.plan.Evaluation;
import io.satc.compiler.plan.Plan;
import io.satc.compiler.plan.SearchResult;
import io.satc.compiler.plan.StageMemory;
import io.satc.compiler.sema.AnalyzedMission;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plans a document's mission in the background when that is cheap, so that a satellite's hover
 * can show its free memory under the current plan. Cheap means: a catalogue architecture or a
 * profile (an ONNX model would be loaded and possibly calibrated) and at most
 * {@link #MAX_NODES} nodes. One planning thread; a plan asked for while another runs waits, and
 * only the newest request of each document is planned.
 */
final class MissionPlanner implements AutoCloseable {

    /** Beyond this many satellites and ground stations the editor does not plan on every edit. */
    static final int MAX_NODES = 300;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "satc-lsp-planner");
        t.setDaemon(true);
        return t;
    });

    /** Records what can be known now and, when planning is worth it, plans on the worker thread. */
    void request(OpenDocument doc, Snapshot snapshot, AtomicReference<Snapshot> newest) {
        int version = snapshot.version();
        if (snapshot.analysis().mission().isEmpty()) {
            doc.plan(new PlanState.Unavailable(
                    version, "the mission has errors; the plan is shown once they are fixed"));
            return;
        }
        AnalyzedMission mission = snapshot.analysis().mission().get();
        if (mission.model().source() instanceof AnalyzedMission.OnnxSource) {
            doc.plan(new PlanState.Unavailable(
                    version,
                    "not planned in the editor: the model is an ONNX file, which planning loads and may calibrate"
                            + " (run `satc plan`)"));
            return;
        }
        int nodes = mission.satellites().size() + mission.grounds().size();
        if (nodes > MAX_NODES) {
            doc.plan(new PlanState.Unavailable(
                    version,
                    "not planned in the editor: " + nodes + " nodes are more than " + MAX_NODES
                            + ", too many to plan on every edit (run `satc plan`)"));
            return;
        }
        doc.plan(new PlanState.Pending(version));
        newest.set(snapshot);
        worker.execute(() -> {
            Snapshot s = newest.getAndSet(null);
            if (s != null) {
                doc.plan(plan(s.version(), s.analysis().mission().get()));
            }
        });
    }

    static PlanState plan(int version, AnalyzedMission mission) {
        MissionPlanning.Result result;
        try {
            result = MissionPlanning.plan(mission);
        } catch (RuntimeException e) {
            return new PlanState.Unavailable(version, "planning failed: " + e.getMessage());
        }
        if (result instanceof MissionPlanning.NotPlannable np) {
            return new PlanState.Unavailable(version, String.join(" ", np.reasons()));
        }
        PlanOutcome outcome = ((MissionPlanning.Planned) result).outcome();
        if (outcome.result() instanceof SearchResult.Infeasible inf) {
            return new PlanState.Infeasible(version, inf.reasons());
        }
        Evaluation e = outcome.evaluation().orElseThrow();
        Plan plan = e.plan();
        Map<String, PlanState.Stage> stages = new LinkedHashMap<>();
        for (int k = 0; k < plan.stageCount(); k++) {
            StageMemory m = e.memory().get(k);
            stages.put(
                    m.node(),
                    new PlanState.Stage(
                            k + 1,
                            plan.firstUnit(k),
                            plan.stages().get(k).lastUnit(),
                            m.requiredBytes(),
                            m.availableBytes()));
        }
        return new PlanState.Ready(version, stages, plan.toString());
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
