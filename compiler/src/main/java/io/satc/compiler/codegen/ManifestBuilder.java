package io.satc.compiler.codegen;

import io.satc.compiler.lower.CodecOption;
import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.plan.Evaluation;
import io.satc.compiler.plan.Plan;
import io.satc.compiler.plan.Resource;
import io.satc.runtime.bundle.BundleHop;
import io.satc.runtime.bundle.BundleManifest;
import io.satc.runtime.bundle.BundleStage;
import io.satc.runtime.bundle.ModelFile;
import io.satc.runtime.bundle.ModelIo;
import io.satc.runtime.bundle.Prediction;
import io.satc.runtime.bundle.TensorDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a bundle manifest (docs/bundle-format.md) from an evaluated plan: one stage per plan
 * stage with its tensors and codecs, one hop per link a transfer crosses, and the cost model's
 * predictions, so that {@code satc run} can compare measured against predicted.
 */
final class ManifestBuilder {

    /** What a stage of a real-model bundle runs: the part file and its tensors. */
    record PartFiles(
            ModelFile model, TensorDescriptor input, TensorDescriptor output, List<TensorDescriptor> sideInputs) {}

    private ManifestBuilder() {}

    static BundleManifest build(
            PlanOutcome outcome,
            String missionSha256,
            int activationBytes,
            List<Optional<PartFiles>> parts,
            ModelIo io) {
        PlacementProblem p = outcome.problem();
        Evaluation e = outcome.evaluation().orElseThrow();
        Plan plan = e.plan();
        int b = p.microBatchSize();
        int k = plan.stageCount();
        // The wire of each transfer: 0 = raw input, j = cut after stage j, K = output.
        List<SimulationShapes.Wire> wires = new ArrayList<>();
        wires.add(SimulationShapes.raw(p.inputBytesPerSample()));
        for (int j = 1; j < k; j++) {
            int after = plan.stages().get(j - 1).lastUnit();
            CodecOption c = p.codec(plan.cutCodecs().get(j - 1)).orElseThrow();
            wires.add(SimulationShapes.of(p.units().get(after).outBytesPerSample(), activationBytes, c, after));
        }
        wires.add(SimulationShapes.of(
                p.units().get(p.units().size() - 1).outBytesPerSample(), activationBytes, CodecOption.none(0), 0));
        List<Resource.StageWork> works = PlanFacts.stageWorks(e);
        List<BundleStage> stages = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            Resource.StageWork w = works.get(j);
            double flops = 0;
            for (int u = w.firstUnit(); u <= w.lastUnit(); u++) {
                flops += p.units().get(u).flopsPerSample();
            }
            double compute = p.node(w.node()).orElseThrow().computeFlops();
            Optional<PartFiles> part = parts.isEmpty() ? Optional.empty() : parts.get(j);
            TensorDescriptor in =
                    part.map(PartFiles::input).orElse(descriptor(j == 0 ? "input" : "cut-" + j, b, wires.get(j)));
            TensorDescriptor out = part.map(PartFiles::output)
                    .orElse(descriptor(j == k - 1 ? "output" : "cut-" + (j + 1), b, wires.get(j + 1)));
            String codecIn = part.isPresent() && j == 0 ? "none" : wireCodec(j, k, wires, p, plan, part.isPresent());
            String codecOut =
                    part.isPresent() && j == k - 1 ? "none" : wireCodec(j + 1, k, wires, p, plan, part.isPresent());
            stages.add(new BundleStage(
                    j + 1,
                    w.node(),
                    w.firstUnit(),
                    w.lastUnit(),
                    compute,
                    flops,
                    w.serviceSeconds(),
                    in,
                    out,
                    part.map(PartFiles::sideInputs).orElse(List.of()),
                    codecIn,
                    codecOut,
                    part.map(PartFiles::model).orElse(null)));
        }
        List<BundleHop> hops = new ArrayList<>();
        for (Resource r : e.resources()) {
            if (r instanceof Resource.Hop h) {
                Link link = p.links().stream()
                        .filter(l -> l.from().equals(h.from()) && l.to().equals(h.to()))
                        .findFirst()
                        .orElseThrow();
                hops.add(new BundleHop(
                        h.transfer(),
                        h.from(),
                        h.to(),
                        link.rateBitsPerSecond(),
                        h.delaySeconds(),
                        h.bits() / 8,
                        h.serviceSeconds()));
            }
        }
        String bottleneck = PlanFacts.bottleneck(e).map(PlanFacts::describe).orElse("none");
        // The plan as `plan --json` prints it, less the search statistics: their wall time would make bundles differ.
        com.fasterxml.jackson.databind.node.ObjectNode planDoc = PlanJson.document(outcome);
        planDoc.remove("search");
        return new BundleManifest(
                BundleManifest.FORMAT_VERSION,
                p.mission(),
                missionSha256,
                BundleManifest.COST_MODEL,
                p.batch(),
                p.microBatches(),
                b,
                planDoc,
                io,
                stages,
                hops,
                new Prediction(e.latencySeconds(), bottleneck, e.commBytes()));
    }

    /**
     * Real-model bundles send the plan's codec itself (built in: {@link BundleCompiler} refuses
     * declared ones there); simulation bundles their stand-in.
     */
    private static String wireCodec(
            int transfer, int k, List<SimulationShapes.Wire> wires, PlacementProblem p, Plan plan, boolean real) {
        if (real && transfer > 0 && transfer < k) {
            CodecOption codec = p.codec(plan.cutCodecs().get(transfer - 1)).orElseThrow();
            return codec.kind().spec().orElseThrow().label();
        }
        return wires.get(transfer).codec();
    }

    private static TensorDescriptor descriptor(String name, int b, SimulationShapes.Wire wire) {
        return new TensorDescriptor(name, List.of(b, wire.elementsPerSample()), "float32");
    }
}
