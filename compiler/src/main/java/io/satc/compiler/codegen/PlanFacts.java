package io.satc.compiler.codegen;

import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.plan.Evaluation;
import io.satc.compiler.plan.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Facts derived from an evaluated plan that both report forms show. */
final class PlanFacts {

    private PlanFacts() {}

    static List<Resource.StageWork> stageWorks(Evaluation e) {
        List<Resource.StageWork> out = new ArrayList<>();
        for (Resource r : e.resources()) {
            if (r instanceof Resource.StageWork w) {
                out.add(w);
            }
        }
        return out;
    }

    /** The hops of transfer {@code t}: 0 is the raw input, k the cut after stage k, K the output. */
    static List<Resource.Hop> hops(Evaluation e, int transfer) {
        List<Resource.Hop> out = new ArrayList<>();
        for (Resource r : e.resources()) {
            if (r instanceof Resource.Hop h && h.transfer() == transfer) {
                out.add(h);
            }
        }
        return out;
    }

    /** The resource with the longest service time, the first one on ties. */
    static Optional<Resource> bottleneck(Evaluation e) {
        Resource best = null;
        for (Resource r : e.resources()) {
            if (best == null || r.serviceSeconds() > best.serviceSeconds()) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A resource's name, the same as the runtime's (BundleStage/BundleHop.resourceName), so predicted and measured match. */
    static String describe(Resource r) {
        if (r instanceof Resource.StageWork w) {
            return "stage " + (w.stage() + 1) + " on " + w.node();
        }
        Resource.Hop h = (Resource.Hop) r;
        return "link " + h.from() + " -> " + h.to();
    }

    static String kind(PlacementProblem p, String node) {
        return p.node(node)
                .map(n -> n.kind() == NodeKind.GROUND ? "ground" : "satellite")
                .orElse("?");
    }

    static double bytesPerMicrobatch(PlacementProblem p, int afterUnit, double ratio) {
        return p.microBatchSize() * p.units().get(afterUnit).outBytesPerSample() / ratio;
    }
}
