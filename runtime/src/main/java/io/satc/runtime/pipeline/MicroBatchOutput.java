package io.satc.runtime.pipeline;

/**
 * One micro-batch as it reached the sink.
 *
 * @param microBatch     0 … M−1
 * @param checksum       {@link SyntheticActivation#checksum} of the decoded output, 16 hex digits
 * @param arrivalSeconds time from the run's start to its arrival at the sink
 */
public record MicroBatchOutput(long microBatch, String checksum, double arrivalSeconds) {}
