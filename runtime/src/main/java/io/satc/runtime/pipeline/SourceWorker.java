package io.satc.runtime.pipeline;

import io.satc.runtime.codec.CodecSpec;
import io.satc.runtime.codec.FrameEncoder;
import java.util.concurrent.BlockingQueue;

/**
 * The source satellite: encodes every micro-batch's synthetic raw input before the clock starts,
 * then releases them into the first resource as fast as it accepts them.
 */
final class SourceWorker extends Worker {

    private final int[] inputShape;
    private final CodecSpec codec;
    private final int microBatches;
    private final BlockingQueue<Frame> output;
    private final String next;
    private Frame[] frames;

    SourceWorker(RunControl control, int[] inputShape, CodecSpec codec, int microBatches,
            BlockingQueue<Frame> output, String next) {
        super("source", "source", control);
        this.inputShape = inputShape.clone();
        this.codec = codec;
        this.microBatches = microBatches;
        this.output = output;
        this.next = next;
    }

    @Override
    void prepare() throws Exception {
        FrameEncoder encoder = new FrameEncoder();
        frames = new Frame[microBatches];
        for (int i = 0; i < microBatches; i++) {
            current = i;
            long seed = SyntheticActivation.seed(0, i, 0);
            frames[i] = new Frame(i, encoder.encode(SyntheticActivation.fill(inputShape, seed), codec, i).bytes(), 0);
        }
    }

    @Override
    void loop() throws Exception {
        long start = System.nanoTime();
        control.markStart(start);
        for (int i = 0; i < microBatches; i++) {
            current = i;
            // The whole batch was captured before the run: every input is available at the start.
            put(output, new Frame(i, frames[i].bytes(), start), next);
            frames[i] = null;
        }
    }
}
