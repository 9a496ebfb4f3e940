package io.satc.runtime.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the compiler predicted for the whole plan under cost model 1.
 *
 * @param makespanS  T of cost model §4, seconds
 * @param bottleneck name of the resource with the largest service time
 * @param commBytes  communication volume V, bytes over all hops for the whole batch
 */
public record Prediction(
        @JsonProperty("makespan_s") double makespanS,
        @JsonProperty("bottleneck") String bottleneck,
        @JsonProperty("comm_bytes") double commBytes) {}
