package io.satc.runtime.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One directed link hop a transfer crosses, with its rate, propagation delay and the predicted
 * bytes on the wire per micro-batch.
 *
 * @param transfer           0 = raw input from the source to stage 1, k = the cut after stage k,
 *                           K (the number of stages) = the output from stage K to the sink
 * @param from               sending node
 * @param to                 receiving node
 * @param rateBps            link rate R, bit/s
 * @param delayS             propagation delay P, seconds
 * @param bytesPerMicrobatch predicted frame bytes per micro-batch, after the codec
 * @param predictedServiceS  τ = 8 · bytes / rate, seconds
 */
public record BundleHop(
        @JsonProperty("transfer") int transfer,
        @JsonProperty("from") String from,
        @JsonProperty("to") String to,
        @JsonProperty("rate_bps") double rateBps,
        @JsonProperty("delay_s") double delayS,
        @JsonProperty("bytes_per_microbatch") double bytesPerMicrobatch,
        @JsonProperty("predicted_service_s") double predictedServiceS) {

    /** The resource name the plan document and run reports use, e.g. {@code link leo-1 -> leo-2}. */
    public String resourceName() {
        return "link " + from + " -> " + to;
    }
}
