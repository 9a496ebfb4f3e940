package io.satc.runtime.pipeline;

/**
 * Per-micro-batch timings and bytes of one resource, written only by the resource's own thread
 * and read by the runner after joining it.
 */
final class ResourceMeter {

    private final long[] busyNanos;
    private final long[] workNanos;
    private final long[] bytes;
    private final long[] firstFrameBytes;
    private int overruns;
    private long worstOverrunWork;

    ResourceMeter(int microBatches) {
        busyNanos = new long[microBatches];
        workNanos = new long[microBatches];
        bytes = new long[microBatches];
        firstFrameBytes = new long[microBatches];
    }

    /**
     * @param messageBytes    everything sent for the micro-batch
     * @param activationBytes of which the cut's activation frame (the rest are side inputs)
     */
    void record(int microBatch, long busy, long work, long messageBytes, long activationBytes) {
        busyNanos[microBatch] = busy;
        workNanos[microBatch] = work;
        bytes[microBatch] = messageBytes;
        firstFrameBytes[microBatch] = activationBytes;
    }

    /** Notes a micro-batch whose real work took longer than the emulated budget. */
    void overrun(long work) {
        overruns++;
        worstOverrunWork = Math.max(worstOverrunWork, work);
    }

    int overruns() {
        return overruns;
    }

    double worstOverrunSeconds() {
        return worstOverrunWork / 1e9;
    }

    double meanBusySeconds() {
        return mean(busyNanos) / 1e9;
    }

    double meanWorkSeconds() {
        return mean(workNanos) / 1e9;
    }

    long totalBytes() {
        long sum = 0;
        for (long b : bytes) {
            sum += b;
        }
        return sum;
    }

    /** Bytes of the activation frames alone, which the cost model predicts. */
    long activationBytes() {
        long sum = 0;
        for (long b : firstFrameBytes) {
            sum += b;
        }
        return sum;
    }

    private static double mean(long[] values) {
        double sum = 0;
        for (long v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }
}
