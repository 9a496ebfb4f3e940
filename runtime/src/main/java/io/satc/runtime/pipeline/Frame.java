package io.satc.runtime.pipeline;

/**
 * One encoded activation frame in flight between two resources.
 *
 * @param microBatchId the micro-batch it belongs to
 * @param bytes        the frame's wire bytes (format in {@code docs/frame-format.md})
 */
record Frame(long microBatchId, byte[] bytes) {
}
