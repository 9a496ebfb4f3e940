package io.satc.runtime.pipeline;

import java.util.concurrent.BlockingQueue;

/**
 * The delay line of one link: delivers each frame once its propagation delay has passed. Frames
 * leave in the order they were sent, and with a constant delay that is also due-time order.
 */
final class PropagationWorker extends Worker {

    private final int microBatches;
    private final BlockingQueue<Frame> delayLine;
    private final BlockingQueue<Frame> output;
    private final String link;
    private final String next;

    PropagationWorker(
            String link,
            RunControl control,
            int microBatches,
            BlockingQueue<Frame> delayLine,
            BlockingQueue<Frame> output,
            String next) {
        super(link + " (propagation)", "hop", control);
        this.microBatches = microBatches;
        this.delayLine = delayLine;
        this.output = output;
        this.link = link;
        this.next = next;
    }

    @Override
    void loop() throws Exception {
        for (int i = 0; i < microBatches; i++) {
            Frame frame = take(delayLine, "a frame sent on " + link);
            current = frame.microBatchId();
            Pacer.waitUntil(frame.readyNanos());
            put(output, frame, next);
        }
    }
}
