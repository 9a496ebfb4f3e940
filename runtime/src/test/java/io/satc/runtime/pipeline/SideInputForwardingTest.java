package io.satc.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleStage;
import io.satc.runtime.bundle.TextBundles;
import io.satc.runtime.codec.CodecSpec;
import io.satc.runtime.codec.EncodedFrame;
import io.satc.runtime.codec.FrameEncoder;
import io.satc.runtime.codec.FrameFormat;
import io.satc.runtime.codec.FrameMessage;
import io.satc.runtime.codec.LongTensor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A middle stage forwards the side inputs it does not read (the encoder's attention mask on its
 * way to stage 3 and the sink) as the frame bytes that arrived, not decoded and re-compressed.
 */
class SideInputForwardingTest {

    @TempDir
    Path dir;

    @Test
    void aMiddleStageForwardsTheSideInputFrameBytesUnchanged() throws Exception {
        Bundle bundle = TextBundles.encoder(dir, List.of("a sentence"));
        List<MessageLayout> layouts = MessageLayout.of(bundle.manifest());
        BundleStage middle = bundle.manifest().stages().get(1);
        MessageLayout in = layouts.get(1);
        assertEquals("attention_mask", in.carried().get(0).name(), "the mask travels past stage 2");
        assertTrue(middle.sideInputs().isEmpty(), "stage 2 does not read it");

        int b = TextBundles.MICRO_BATCH_SIZE;
        int t = TextBundles.SEQUENCE;
        long[] mask = new long[b * t];
        Arrays.fill(mask, 0, t / 2, 1);
        FrameEncoder encoder = new FrameEncoder();
        // Valid, but not how this runtime would encode a side input (it uses none+zstd): re-encoding shows.
        byte[] maskFrame = encoder.encode(
                        LongTensor.of(mask, b, t),
                        CodecSpec.parse("none").spec().orElseThrow(),
                        0)
                .bytes();
        byte[] hidden = encoder.encode(SyntheticActivation.of(in.main(), 7), in.codec(), 0)
                .bytes();
        byte[] message = FrameMessage.join(List.of(new EncodedFrame(hidden, 0), new EncodedFrame(maskFrame, 0)));

        RunControl control = new RunControl(1, TimeUnit.SECONDS.toNanos(10));
        BlockingQueue<Frame> input = new ArrayBlockingQueue<>(2);
        BlockingQueue<Frame> output = new ArrayBlockingQueue<>(2);
        StageWorker worker = new StageWorker(
                middle.resourceName(),
                control,
                SyntheticCompute.of(middle),
                middle,
                in,
                layouts.get(2),
                -1,
                false,
                1,
                input,
                output,
                "test",
                "test",
                new ResourceMeter(1));
        Thread thread = new Thread(worker, "satc test stage");
        thread.start();
        input.put(new Frame(0, message, System.nanoTime()));
        assertTrue(control.awaitReady(TimeUnit.SECONDS.toNanos(10)));
        control.start();
        Frame out = output.poll(10, TimeUnit.SECONDS);
        thread.join(10_000);
        assertNotNull(out, () -> "no output: " + control.failure());

        int first = (int) FrameFormat.frameLengthAt(out.bytes(), 0);
        byte[] forwarded = Arrays.copyOfRange(out.bytes(), first, out.bytes().length);
        assertArrayEquals(maskFrame, forwarded);
    }
}
