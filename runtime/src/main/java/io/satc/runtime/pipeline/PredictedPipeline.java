package io.satc.runtime.pipeline;

import io.satc.runtime.bundle.BundleHop;
import io.satc.runtime.bundle.BundleManifest;
import io.satc.runtime.bundle.BundleStage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A manifest's resources in pipeline order with their predicted times, and the makespan of cost
 * model §4 over them: {@code T = Σ (τ + P) + (M − 1) · max τ}.
 *
 * @param resources    hops of transfer 0, stage 1, hops of cut 1, stage 2, …, hops of the output
 * @param microBatches M
 */
public record PredictedPipeline(List<Resource> resources, int microBatches) {

    public PredictedPipeline {
        resources = List.copyOf(resources);
    }

    /**
     * One resource of the pipeline.
     *
     * @param name     unique within the run, e.g. {@code stage 1 on leo-1} or {@code link leo-1 -> leo-2}
     *                 (a link crossed twice gets {@code #2} appended the second time)
     * @param kind     {@code stage} or {@code hop}
     * @param serviceS τ, seconds per micro-batch
     * @param delayS   P, seconds (0 for a stage)
     * @param stage    the stage's 1-based index, or the hop's transfer
     * @param hop      the hop's index in the manifest's {@code hops}, −1 for a stage
     */
    public record Resource(String name, String kind, double serviceS, double delayS, int stage, int hop) {
        public boolean isStage() {
            return hop < 0;
        }
    }

    /** The resources of {@code manifest} in the order of cost model §3. */
    public static PredictedPipeline of(BundleManifest manifest) {
        List<Resource> resources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<BundleStage> stages = manifest.stages();
        for (int transfer = 0; transfer <= stages.size(); transfer++) {
            if (transfer > 0) {
                BundleStage s = stages.get(transfer - 1);
                resources.add(new Resource(
                        unique(s.resourceName(), names), "stage", s.predictedServiceS(), 0, s.index(), -1));
            }
            for (int h = 0; h < manifest.hops().size(); h++) {
                BundleHop hop = manifest.hops().get(h);
                if (hop.transfer() == transfer) {
                    resources.add(new Resource(
                            unique(hop.resourceName(), names),
                            "hop",
                            hop.predictedServiceS(),
                            hop.delayS(),
                            transfer,
                            h));
                }
            }
        }
        return new PredictedPipeline(resources, manifest.microBatches());
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = name + " #" + n;
        }
        return candidate;
    }

    /** T of cost model §4, in predicted (unscaled) seconds. */
    public double makespanS() {
        double sum = 0;
        for (Resource r : resources) {
            sum += r.serviceS() + r.delayS();
        }
        return sum + (microBatches - 1) * maxServiceS();
    }

    /** max τ over the resources. */
    public double maxServiceS() {
        double max = 0;
        for (Resource r : resources) {
            max = Math.max(max, r.serviceS());
        }
        return max;
    }

    /** The first resource with the largest τ. */
    public String bottleneck() {
        Resource best = resources.get(0);
        for (Resource r : resources) {
            if (r.serviceS() > best.serviceS()) {
                best = r;
            }
        }
        return best.name();
    }
}
