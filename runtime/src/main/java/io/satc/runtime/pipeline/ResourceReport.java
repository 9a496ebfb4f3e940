package io.satc.runtime.pipeline;

/**
 * Predicted and measured figures of one pipeline resource (a stage or a link hop).
 *
 * @param name             e.g. {@code stage 1 on leo-1} or {@code link leo-1 -> leo-2}
 * @param kind             {@code stage} or {@code hop}
 * @param predictedSeconds the manifest's τ per micro-batch, times the time scale when emulating
 * @param measuredSeconds  mean busy time per micro-batch: for a stage from taking its input to
 *                         having its output ready (padding included); for a hop, serialization
 * @param workSeconds      mean real work per micro-batch without padding (decode, compute,
 *                         encode for a stage; 0 for a hop)
 * @param bytes            frame bytes over the run: carried by a hop, emitted by a stage
 */
public record ResourceReport(
        String name, String kind, double predictedSeconds, double measuredSeconds, double workSeconds, long bytes) {}
