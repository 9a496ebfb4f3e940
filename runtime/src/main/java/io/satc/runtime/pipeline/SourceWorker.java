package io.satc.runtime.pipeline;

import io.satc.runtime.codec.FrameEncoder;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * The source satellite: encodes every micro-batch's raw input (and the side inputs later stages
 * read) before the clock starts, then releases them into the first resource as fast as it
 * accepts them.
 */
final class SourceWorker extends Worker {

    private final MessageLayout layout;
    private final List<StageInput> inputs;
    private final BlockingQueue<Frame> output;
    private final String next;
    private Frame[] frames;

    SourceWorker(
            RunControl control,
            MessageLayout layout,
            List<StageInput> inputs,
            BlockingQueue<Frame> output,
            String next) {
        super("source", "source", control);
        this.layout = layout;
        this.inputs = List.copyOf(inputs);
        this.output = output;
        this.next = next;
    }

    @Override
    void prepare() throws Exception {
        FrameEncoder encoder = new FrameEncoder();
        frames = new Frame[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            current = i;
            frames[i] = new Frame(
                    i,
                    layout.encode(encoder, inputs.get(i).main(), inputs.get(i).side(), i),
                    0);
        }
    }

    @Override
    void loop() throws Exception {
        long start = System.nanoTime();
        control.markStart(start);
        for (int i = 0; i < frames.length; i++) {
            current = i;
            // The whole batch was captured before the run: every input is available at the start.
            put(output, new Frame(i, frames[i].bytes(), start), next);
            frames[i] = null;
        }
    }
}
