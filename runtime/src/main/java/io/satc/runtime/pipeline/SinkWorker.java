package io.satc.runtime.pipeline;

import io.satc.runtime.codec.FrameDecoder;
import java.util.concurrent.BlockingQueue;

/**
 * The sink ground station: timestamps each arriving frame, decodes it and keeps its checksum;
 * the run is complete only when all M micro-batches have arrived in order.
 */
final class SinkWorker extends Worker {

    private final int microBatches;
    /** The first micro-batch that arrives: 0, or where a replay after a switch resumes. */
    private int first;

    private final MessageLayout layout;
    private final SinkOutput[] received;
    private final BlockingQueue<Frame> input;
    private final String previous;
    private final long[] arrivalNanos;
    private final long[] checksums;
    private volatile int arrived;
    private SinkHook hook = SinkHook.NONE;

    /** What a node-mode sink does with each output as it arrives (send feedback, keep results). */
    @FunctionalInterface
    interface SinkHook {
        SinkHook NONE = out -> {};

        void accept(SinkOutput output) throws Exception;
    }

    SinkWorker(
            RunControl control, int microBatches, MessageLayout layout, BlockingQueue<Frame> input, String previous) {
        super("sink", "sink", control);
        this.microBatches = microBatches;
        this.layout = layout;
        this.received = new SinkOutput[microBatches];
        this.input = input;
        this.previous = previous;
        this.arrivalNanos = new long[microBatches];
        this.checksums = new long[microBatches];
    }

    @Override
    void loop() throws Exception {
        FrameDecoder decoder = new FrameDecoder();
        for (int i = first; i < microBatches; i++) {
            Frame frame = take(input, "a frame from " + previous);
            long now = System.nanoTime();
            current = frame.microBatchId();
            MessageLayout.Decoded decoded = layout.decode(decoder, frame.bytes());
            if (decoded.microBatchId() != i) {
                throw new IllegalStateException("Received micro-batch " + decoded.microBatchId() + " where " + i
                        + " was due; frames must arrive in order.");
            }
            arrivalNanos[i] = now;
            checksums[i] = SyntheticActivation.checksum(decoded.main());
            received[i] = new SinkOutput(i, decoded.main(), decoded.side());
            hook.accept(received[i]);
            arrived = i + 1;
        }
        control.complete();
    }

    /** Expects micro-batches from {@code id} on (a replay after a switch), not from 0. */
    SinkWorker from(int id) {
        first = id;
        return this;
    }

    SinkWorker withHook(SinkHook h) {
        hook = h;
        return this;
    }

    int arrived() {
        return arrived;
    }

    long arrivalNanos(int microBatch) {
        return arrivalNanos[microBatch];
    }

    SinkOutput received(int microBatch) {
        return received[microBatch];
    }

    long checksum(int microBatch) {
        return checksums[microBatch];
    }
}
