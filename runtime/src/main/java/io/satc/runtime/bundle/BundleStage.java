package io.satc.runtime.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * One pipeline stage of a bundle: the units a node runs, its predicted service time, the
 * activations it reads and writes and the codecs on its two cuts.
 *
 * @param index             1-based position in the pipeline
 * @param node              the satellite or ground station that runs the stage
 * @param firstUnit         first model unit of the stage (0-based, cost-model order)
 * @param lastUnit          last model unit of the stage, inclusive
 * @param computeFlops      the node's compute, FLOP/s
 * @param flopsPerSample    Σ F_u over the stage's units
 * @param predictedServiceS τ of cost model §3 per micro-batch, seconds (compute plus coding)
 * @param input             the activation arriving per micro-batch
 * @param output            the activation leaving per micro-batch
 * @param sideInputs        model inputs the stage's model reads besides {@code input} (for example an
 *                          attention mask), carried from the source in the same message; empty for
 *                          simulation stages
 * @param codecIn           codec spec of the incoming transfer, e.g. {@code "int8"}
 * @param codecOut          codec spec of the outgoing transfer
 * @param model             the ONNX model, or JSON {@code null} for a simulation stage; use
 *                          {@link #modelFile()} rather than this accessor
 */
public record BundleStage(
        @JsonProperty("index") int index,
        @JsonProperty("node") String node,
        @JsonProperty("first_unit") int firstUnit,
        @JsonProperty("last_unit") int lastUnit,
        @JsonProperty("compute_flops") double computeFlops,
        @JsonProperty("flops_per_sample") double flopsPerSample,
        @JsonProperty("predicted_service_s") double predictedServiceS,
        @JsonProperty("input") TensorDescriptor input,
        @JsonProperty("output") TensorDescriptor output,
        @JsonProperty("side_inputs") List<TensorDescriptor> sideInputs,
        @JsonProperty("codec_in") String codecIn,
        @JsonProperty("codec_out") String codecOut,

        @JsonProperty("model") @JsonInclude(JsonInclude.Include.ALWAYS)
        ModelFile model) {

    public BundleStage {
        sideInputs = sideInputs == null ? null : List.copyOf(sideInputs);
    }

    /** The stage's model, empty for a simulation stage. */
    public Optional<ModelFile> modelFile() {
        return Optional.ofNullable(model);
    }

    /** Whether the stage is simulated (synthetic activations, no model). */
    public boolean simulated() {
        return model == null;
    }

    /** The resource name the plan document and run reports use, e.g. {@code stage 2 on leo-2}. */
    public String resourceName() {
        return "stage " + index + " on " + node;
    }
}
