package io.satc.runtime.pipeline;

/**
 * One encoded activation frame in flight between two resources.
 *
 * @param microBatchId the micro-batch it belongs to
 * @param bytes        the frame's wire bytes (format in {@code docs/frame-format.md})
 * @param readyNanos   when emulating, the {@link System#nanoTime()} at which the frame is available
 *                     to the next resource on the emulated timeline (the sender's service end, plus
 *                     propagation after a link); a thread that receives it later than that, because
 *                     the machine's scheduler was slow, still starts its service at this time
 */
record Frame(long microBatchId, byte[] bytes, long readyNanos) {}
