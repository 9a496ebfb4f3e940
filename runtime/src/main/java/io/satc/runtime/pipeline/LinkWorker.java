package io.satc.runtime.pipeline;

import io.satc.runtime.codec.FrameMessage;
import java.util.concurrent.BlockingQueue;

/**
 * One link hop's transmitter: busy for the frame's serialization time ({@code 8 · bytes / rate},
 * scaled) when emulating, then hands the frame to propagation, free for the next frame at once.
 *
 * <p>Propagation is not busy time: with a delay, the frame goes to a delay line whose
 * {@link PropagationWorker} releases it {@code delay} after its last bit was sent, so several
 * frames can be in flight on one link.
 */
final class LinkWorker extends Worker {

    private final double rateBps;
    private final double scale;
    private final long delayNanos;
    private final int microBatches;
    private final BlockingQueue<Frame> input;
    private final BlockingQueue<Frame> output;
    private final BlockingQueue<Frame> delayLine;
    private final String previous;
    private final String next;
    private final ResourceMeter meter;

    /**
     * @param scale     time scale when emulating, 0 for an unpaced (native) link
     * @param delayLine where frames propagate, or null to hand them straight to {@code output}
     */
    LinkWorker(
            String name,
            RunControl control,
            double rateBps,
            double scale,
            long delayNanos,
            int microBatches,
            BlockingQueue<Frame> input,
            BlockingQueue<Frame> output,
            BlockingQueue<Frame> delayLine,
            String previous,
            String next,
            ResourceMeter meter) {
        super(name, "hop", control);
        this.rateBps = rateBps;
        this.scale = scale;
        this.delayNanos = delayNanos;
        this.microBatches = microBatches;
        this.input = input;
        this.output = output;
        this.delayLine = delayLine;
        this.previous = previous;
        this.next = next;
        this.meter = meter;
    }

    /**
     * When emulating, serialization starts on the emulated timeline at {@code max(frame ready,
     * previous frame sent)}, as in {@link StageWorker#loop()}, so a late wake-up of this thread is
     * absorbed instead of delaying every later frame.
     */
    @Override
    void loop() throws Exception {
        long previousSent = Long.MIN_VALUE;
        for (int i = 0; i < microBatches; i++) {
            Frame frame = take(input, "a frame from " + previous);
            current = frame.microBatchId();
            long taken = System.nanoTime();
            long start;
            long sent;
            if (scale > 0) {
                start = Math.min(taken, Math.max(frame.readyNanos(), previousSent));
                sent = start + Math.round(8.0 * frame.bytes().length / rateBps * scale * 1e9);
                Pacer.waitUntil(sent);
            } else {
                start = taken;
                sent = System.nanoTime();
            }
            previousSent = sent;
            meter.record(i, sent - start, 0, frame.bytes().length, FrameMessage.firstFrameBytes(frame.bytes()));
            if (delayLine == null) {
                put(output, new Frame(i, frame.bytes(), sent), next);
            } else {
                put(delayLine, new Frame(i, frame.bytes(), sent + delayNanos), "the propagation of " + name);
            }
        }
    }
}
