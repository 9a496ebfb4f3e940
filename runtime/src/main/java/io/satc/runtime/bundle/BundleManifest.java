package io.satc.runtime.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The contents of a bundle's {@code manifest.json}: workload, stages, hops and the compiler's
 * prediction (schema in {@code docs/bundle-format.md}).
 *
 * @param formatVersion  {@link #FORMAT_VERSION}
 * @param mission        the mission's name
 * @param missionSha256  SHA-256 of the mission source the bundle was compiled from
 * @param costModel      the cost-model version the predictions use (1)
 * @param batch          B, samples per run
 * @param microBatches   M
 * @param microBatchSize b = B / M
 * @param plan           the compiler's plan document, kept as opaque JSON
 * @param io             the model's inputs, tokenizer, samples and output kind; null for a
 *                       simulation bundle
 * @param stages         in pipeline order, indices 1…K
 * @param hops           in pipeline order: the hops of transfer 0, then of each cut, then of the output
 * @param predicted      the compiler's figures for the plan
 */
public record BundleManifest(
        @JsonProperty("format_version") int formatVersion,
        @JsonProperty("mission") String mission,
        @JsonProperty("mission_sha256") String missionSha256,
        @JsonProperty("cost_model") int costModel,
        @JsonProperty("batch") int batch,
        @JsonProperty("micro_batches") int microBatches,
        @JsonProperty("micro_batch_size") int microBatchSize,
        @JsonProperty("plan") JsonNode plan,

        @JsonProperty("io") @JsonInclude(JsonInclude.Include.ALWAYS)
        ModelIo io,

        @JsonProperty("stages") List<BundleStage> stages,
        @JsonProperty("hops") List<BundleHop> hops,
        @JsonProperty("predicted") Prediction predicted) {

    /**
     * The newest manifest format this runtime reads and the one it writes. Version 2 added the
     * required {@code io} and per-stage {@code side_inputs}; a version-1 manifest reads as one
     * with {@code io: null} and no side inputs.
     */
    public static final int FORMAT_VERSION = 2;

    /** The only cost-model version the runtime's predictions understand. */
    public static final int COST_MODEL = 1;

    public BundleManifest {
        stages = List.copyOf(stages);
        hops = List.copyOf(hops);
    }

    /** This manifest with stage {@code stage}'s (1-based) model file replaced. */
    public BundleManifest withModel(int stage, ModelFile model) {
        List<BundleStage> changed = new ArrayList<>(stages);
        BundleStage s = changed.get(stage - 1);
        changed.set(
                stage - 1,
                new BundleStage(
                        s.index(),
                        s.node(),
                        s.firstUnit(),
                        s.lastUnit(),
                        s.computeFlops(),
                        s.flopsPerSample(),
                        s.predictedServiceS(),
                        s.input(),
                        s.output(),
                        s.sideInputs(),
                        s.codecIn(),
                        s.codecOut(),
                        model));
        return new BundleManifest(
                formatVersion,
                mission,
                missionSha256,
                costModel,
                batch,
                microBatches,
                microBatchSize,
                plan,
                io,
                changed,
                hops,
                predicted);
    }

    /** The model's inputs and outputs; empty for a simulation bundle. */
    public Optional<ModelIo> modelIo() {
        return Optional.ofNullable(io);
    }

    /** The hops of one transfer (0 = input, k = cut after stage k, K = output), in route order. */
    public List<BundleHop> hopsOf(int transfer) {
        List<BundleHop> result = new ArrayList<>();
        for (BundleHop hop : hops) {
            if (hop.transfer() == transfer) {
                result.add(hop);
            }
        }
        return result;
    }
}
