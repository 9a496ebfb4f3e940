package io.satc.runtime.pipeline;

import io.satc.runtime.codec.CodecSpec;
import io.satc.runtime.codec.DecodedFrame;
import io.satc.runtime.codec.EncodedFrame;
import io.satc.runtime.codec.FrameDecoder;
import io.satc.runtime.codec.FrameEncoder;
import io.satc.runtime.codec.Tensor;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;

/**
 * One stage's thread: decode the incoming frame, compute, encode with the outgoing cut's codec,
 * and when emulating pad the whole service up to the predicted time.
 */
final class StageWorker extends Worker {

    private final StageCompute compute;
    private final int[] inputShape;
    private final int[] outputShape;
    private final CodecSpec codecIn;
    private final CodecSpec codecOut;
    /** The emulated service time, or −1 in native mode. */
    private final long budgetNanos;
    private final boolean warmUp;
    private final int microBatches;
    private final BlockingQueue<Frame> input;
    private final BlockingQueue<Frame> output;
    private final String previous;
    private final String next;
    private final ResourceMeter meter;
    private final FrameEncoder encoder = new FrameEncoder();
    private final FrameDecoder decoder = new FrameDecoder();

    StageWorker(String name, RunControl control, StageCompute compute, int[] inputShape, int[] outputShape,
            CodecSpec codecIn, CodecSpec codecOut, long budgetNanos, boolean warmUp, int microBatches,
            BlockingQueue<Frame> input, BlockingQueue<Frame> output, String previous, String next,
            ResourceMeter meter) {
        super(name, "stage", control);
        this.compute = compute;
        this.inputShape = inputShape.clone();
        this.outputShape = outputShape.clone();
        this.codecIn = codecIn;
        this.codecOut = codecOut;
        this.budgetNanos = budgetNanos;
        this.warmUp = warmUp;
        this.microBatches = microBatches;
        this.input = input;
        this.output = output;
        this.previous = previous;
        this.next = next;
        this.meter = meter;
    }

    /** One pass over a throw-away input, so class loading and JIT happen before the clock runs. */
    @Override
    void prepare() throws Exception {
        if (warmUp) {
            Tensor sample = SyntheticActivation.fill(inputShape, -1);
            byte[] bytes = encoder.encode(sample, codecIn, -1).bytes();
            process(decoder.decode(bytes).tensor(), -1);
        }
    }

    /**
     * Natively a service runs from taking the frame to having the output ready. When emulating it
     * starts on the emulated timeline, when both the frame and the stage are free
     * ({@code max(frame ready, previous end)}), and ends {@code budget} later, or later still by
     * as much as the real work exceeded the budget; scheduling delays of this thread therefore
     * do not accumulate along the pipeline, but a machine too slow for the budget does show.
     */
    @Override
    void loop() throws Exception {
        long previousEnd = Long.MIN_VALUE;
        for (int i = 0; i < microBatches; i++) {
            Frame in = take(input, "a frame from " + previous);
            current = in.microBatchId();
            long taken = System.nanoTime();
            long start = budgetNanos >= 0 ? Math.min(taken, Math.max(in.readyNanos(), previousEnd)) : taken;
            DecodedFrame decoded = decoder.decode(in.bytes());
            if (decoded.microBatchId() != i || in.microBatchId() != i) {
                throw new IllegalStateException("Received micro-batch " + decoded.microBatchId() + " where "
                        + i + " was due; frames must arrive in order.");
            }
            if (!Arrays.equals(decoded.tensor().shape(), inputShape)) {
                throw new IllegalStateException("Input shape " + Arrays.toString(decoded.tensor().shape())
                        + " differs from the manifest's " + Arrays.toString(inputShape) + ".");
            }
            EncodedFrame frame = process(decoded.tensor(), i);
            long work = System.nanoTime() - taken;
            long end;
            if (budgetNanos >= 0) {
                if (work > budgetNanos) {
                    meter.overrun(work);
                }
                end = start + Math.max(budgetNanos, work);
                Pacer.waitUntil(end);
            } else {
                end = System.nanoTime();
            }
            previousEnd = end;
            meter.record(i, end - start, work, frame.frameBytes());
            put(output, new Frame(i, frame.bytes(), end), next);
        }
    }

    private EncodedFrame process(Tensor in, long microBatchId) throws Exception {
        Tensor out = compute.apply(in, microBatchId);
        if (!Arrays.equals(out.shape(), outputShape)) {
            throw new IllegalStateException("The compute returned shape " + Arrays.toString(out.shape())
                    + " but the manifest's output is " + Arrays.toString(outputShape) + ".");
        }
        return encoder.encode(out, codecOut, microBatchId);
    }
}
