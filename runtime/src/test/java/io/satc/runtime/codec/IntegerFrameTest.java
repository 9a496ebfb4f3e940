package io.satc.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Int64 frames (token ids, masks) and messages of several frames. */
class IntegerFrameTest {

    private final FrameEncoder encoder = new FrameEncoder();
    private final FrameDecoder decoder = new FrameDecoder();

    private static LongTensor ids(int rows, int columns, long seed) {
        long[] data = new long[rows * columns];
        long x = seed;
        for (int i = 0; i < data.length; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            data[i] = i % 7 == 0 ? Long.MIN_VALUE + i : x >> 3; // full 64-bit range, negatives included
        }
        return LongTensor.of(data, rows, columns);
    }

    @Property(tries = 100)
    void int64RoundTripsExactly(
            @ForAll @IntRange(min = 1, max = 9) int rows,
            @ForAll @IntRange(min = 1, max = 70) int columns,
            @ForAll long seed,
            @ForAll boolean zstd)
            throws Exception {
        LongTensor t = ids(rows, columns, seed);
        EncodedFrame frame = encoder.encode(t, CodecSpecTest.valid(zstd ? "none+zstd" : "none"), seed);
        DecodedFrame back = decoder.decode(frame.bytes());
        assertEquals(t, back.activation());
        assertEquals(seed, back.microBatchId());
        if (!zstd) {
            assertEquals(FrameFormat.frameBytes(2, 8L * rows * columns), frame.frameBytes());
        }
        assertEquals(FrameFormat.VERSION_INT64, frame.bytes()[FrameFormat.OFFSET_VERSION]);
    }

    @Test
    void floatFramesStayVersionOneSoOlderReadersReadThem() throws Exception {
        EncodedFrame frame = encoder.encode(Tensor.of(new float[] {1, 2}, 2), CodecSpecTest.valid("int8"), 0);
        assertEquals(1, frame.bytes()[FrameFormat.OFFSET_VERSION]);
    }

    @Test
    void integersAreNeverQuantized() {
        UnencodableTensorException e = assertThrows(
                UnencodableTensorException.class, () -> encoder.encode(ids(2, 3, 1), CodecSpecTest.valid("int8"), 0));
        assertTrue(e.getMessage().contains("travel with codec `none`"), e.getMessage());
    }

    @Test
    void anInt64FrameInVersionOneOrWithAQuantizingCodecIsRejected() throws Exception {
        byte[] frame =
                encoder.encode(ids(2, 3, 1), CodecSpecTest.valid("none"), 0).bytes();
        frame[FrameFormat.OFFSET_VERSION] = 1;
        MalformedFrameTest.rejectedWith(
                MalformedFrameTest.withValidCrc(frame), "Frame dtype 2 is not supported in version 1");
        frame[FrameFormat.OFFSET_VERSION] = 2;
        frame[FrameFormat.OFFSET_CODEC] = 1; // fp16
        MalformedFrameTest.rejectedWith(MalformedFrameTest.withValidCrc(frame), "An int64 frame must use codec `none`");
    }

    @Test
    void aMessageSplitsIntoItsFramesInOrder() throws Exception {
        Tensor activation = ActivationSamples.sample(new int[] {2, 4, 16}, 3);
        LongTensor mask = ids(2, 4, 9);
        byte[] message = FrameMessage.join(List.of(
                encoder.encode(activation, CodecSpecTest.valid("int8+zstd"), 5),
                encoder.encode(mask, CodecSpecTest.valid("none+zstd"), 5)));
        List<DecodedFrame> frames = FrameMessage.decode(decoder, message);
        assertEquals(2, frames.size());
        assertArrayEquals(activation.shape(), frames.get(0).activation().shape());
        assertEquals(mask, frames.get(1).activation());
        assertEquals(
                FrameMessage.firstFrameBytes(message),
                encoder.encode(activation, CodecSpecTest.valid("int8+zstd"), 5).frameBytes());
    }

    @Test
    void aTruncatedOrMixedMessageIsAFormatError() throws Exception {
        byte[] a = encoder.encode(ids(1, 3, 1), CodecSpecTest.valid("none"), 1).bytes();
        byte[] b = encoder.encode(ids(1, 3, 2), CodecSpecTest.valid("none"), 2).bytes();
        byte[] mixed = new byte[a.length + b.length];
        System.arraycopy(a, 0, mixed, 0, a.length);
        System.arraycopy(b, 0, mixed, a.length, b.length);
        FrameFormatException e = assertThrows(FrameFormatException.class, () -> FrameMessage.decode(decoder, mixed));
        assertTrue(e.getMessage().contains("belongs to micro-batch 2"), e.getMessage());
        byte[] truncated = java.util.Arrays.copyOf(mixed, mixed.length - 3);
        assertInstanceOf(
                FrameFormatException.class,
                assertThrows(FrameFormatException.class, () -> FrameMessage.decode(decoder, truncated)));
        assertThrows(FrameFormatException.class, () -> FrameMessage.decode(decoder, new byte[0]));
    }
}
