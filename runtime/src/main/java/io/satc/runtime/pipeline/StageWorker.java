package io.satc.runtime.pipeline;

import io.satc.runtime.bundle.BundleStage;
import io.satc.runtime.bundle.TensorDescriptor;
import io.satc.runtime.codec.Activation;
import io.satc.runtime.codec.FrameDecoder;
import io.satc.runtime.codec.FrameEncoder;
import io.satc.runtime.codec.FrameMessage;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;

/**
 * One stage's thread: decode the incoming message, compute, encode the output with the outgoing
 * cut's codec (side inputs still needed downstream travel on as the frame bytes that arrived,
 * decoded only when this stage reads them), and when emulating pad the whole service up to the
 * predicted time.
 */
final class StageWorker extends Worker {

    private final StageCompute compute;
    private final BundleStage stage;
    private final MessageLayout in;
    private final MessageLayout out;
    /** The emulated service time, or −1 in native mode. */
    private final long budgetNanos;

    private final boolean warmUp;
    private final int microBatches;
    /** The first micro-batch id: 0, or where a replay after a switch resumes. */
    private int first;

    private final BlockingQueue<Frame> input;
    private final BlockingQueue<Frame> output;
    private final String previous;
    private final String next;
    private final ResourceMeter meter;
    private final FrameEncoder encoder = new FrameEncoder();
    private final FrameDecoder decoder = new FrameDecoder();
    /** The side inputs this stage's model reads; the others it forwards undecoded. */
    private final Set<String> reads = new HashSet<>();

    StageWorker(
            String name,
            RunControl control,
            StageCompute compute,
            BundleStage stage,
            MessageLayout in,
            MessageLayout out,
            long budgetNanos,
            boolean warmUp,
            int microBatches,
            BlockingQueue<Frame> input,
            BlockingQueue<Frame> output,
            String previous,
            String next,
            ResourceMeter meter) {
        super(name, "stage", control);
        this.compute = compute;
        this.stage = stage;
        this.in = in;
        this.out = out;
        this.budgetNanos = budgetNanos;
        this.warmUp = warmUp;
        this.microBatches = microBatches;
        this.input = input;
        this.output = output;
        this.previous = previous;
        this.next = next;
        this.meter = meter;
        stage.sideInputs().forEach(d -> reads.add(d.name()));
    }

    /** One pass over a throw-away input, so class loading and JIT happen before the clock runs. */
    @Override
    void prepare() throws Exception {
        if (warmUp) {
            Map<String, Activation> side = new LinkedHashMap<>();
            for (TensorDescriptor d : in.carried()) {
                side.put(d.name(), SyntheticActivation.of(d, -1));
            }
            byte[] message = in.encode(encoder, SyntheticActivation.of(in.main(), -1), side, -1);
            process(in.decode(decoder, message, reads), -1);
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
        for (int n = 0; n < microBatches; n++) {
            int i = first + n;
            Frame frame = take(input, "a frame from " + previous);
            current = frame.microBatchId();
            long taken = System.nanoTime();
            long start = budgetNanos >= 0 ? Math.min(taken, Math.max(frame.readyNanos(), previousEnd)) : taken;
            MessageLayout.Decoded decoded = in.decode(decoder, frame.bytes(), reads);
            if (decoded.microBatchId() != i || frame.microBatchId() != i) {
                throw new IllegalStateException("Received micro-batch " + decoded.microBatchId() + " where " + i
                        + " was due; frames must arrive in order.");
            }
            byte[] message = process(decoded, i);
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
            meter.record(n, end - start, work, message.length, FrameMessage.firstFrameBytes(message));
            put(output, new Frame(i, message, end), next);
        }
    }

    /** Takes micro-batches {@code id}, {@code id + 1}, … (a replay after a switch), not 0, 1, …. */
    StageWorker from(int id) {
        first = id;
        return this;
    }

    private byte[] process(MessageLayout.Decoded decoded, long microBatchId) throws Exception {
        Map<String, Activation> side = new LinkedHashMap<>();
        for (TensorDescriptor d : stage.sideInputs()) {
            side.put(d.name(), decoded.side().get(d.name()));
        }
        Activation result = compute.apply(new StageInput(decoded.main(), side), microBatchId);
        if (!Arrays.equals(result.shape(), out.main().dimensions())
                || !result.dtypeName().equals(out.main().dtype())) {
            throw new IllegalStateException("The compute returned " + result.dtypeName()
                    + Arrays.toString(result.shape()) + " but the manifest's output is "
                    + out.main().dtype() + out.main().shape() + ".");
        }
        return out.forward(encoder, result, decoded, microBatchId);
    }
}
