package io.satc.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Bad bytes are a {@link FrameFormatException} with a clear message, never another exception. */
class MalformedFrameTest {

    private static final FrameDecoder DECODER = new FrameDecoder();
    private static final List<byte[]> VALID = validFrames();

    private static List<byte[]> validFrames() {
        List<byte[]> frames = new ArrayList<>();
        FrameEncoder encoder = new FrameEncoder();
        String[] specs = {"none", "fp16", "int8", "int4", "topk(10%)", "int8+zstd", "topk(30%)+zstd", "fp16+zstd"};
        try {
            for (int i = 0; i < specs.length; i++) {
                Tensor t = ActivationSamples.sample(new int[] {2, 3, 1 + 13 * i}, i);
                frames.add(encoder.encode(t, CodecSpecTest.valid(specs[i]), i).bytes());
            }
        } catch (UnencodableTensorException e) {
            throw new AssertionError(e);
        }
        return frames;
    }

    /** Decodes, requiring success or a FrameFormatException with a sentence for a message. */
    static void decodeSafely(byte[] bytes) {
        try {
            DECODER.decode(bytes);
        } catch (FrameFormatException e) {
            assertTrue(e.getMessage() != null && e.getMessage().endsWith("."), e.getMessage());
        } catch (Throwable t) {
            fail("decoding " + bytes.length + " bytes threw " + t, t);
        }
    }

    static FrameFormatException rejected(byte[] bytes) {
        return assertThrows(FrameFormatException.class, () -> DECODER.decode(bytes));
    }

    static void rejectedWith(byte[] bytes, String fragment) {
        String message = rejected(bytes).getMessage();
        assertTrue(message.contains(fragment), message);
    }

    /** Rewrites the CRC so a mutation reaches the checks behind it. */
    static byte[] withValidCrc(byte[] frame) {
        CRC32C crc = new CRC32C();
        crc.update(frame, 0, frame.length - 4);
        LittleEndian.putInt(frame, frame.length - 4, (int) crc.getValue());
        return frame;
    }

    @Property(tries = 500)
    void randomBytesAreRejected(@ForAll @Size(max = 300) byte[] bytes) {
        rejected(bytes);
    }

    @Property(tries = 500)
    void randomBytesAfterAValidPrefixAreRejected(
            @ForAll @Size(max = 300) byte[] tail, @ForAll @IntRange(min = 0, max = 40) int prefix) {
        byte[] frame = VALID.get(2);
        byte[] bytes = Arrays.copyOf(frame, Math.min(prefix, frame.length) + tail.length);
        System.arraycopy(tail, 0, bytes, Math.min(prefix, frame.length), tail.length);
        decodeSafely(bytes);
        rejected(bytes);
    }

    @Test
    void everyTruncationIsRejected() {
        for (byte[] frame : VALID) {
            for (int length = 0; length < frame.length; length++) {
                FrameFormatException e = rejected(Arrays.copyOf(frame, length));
                if (length >= 5) {
                    assertTrue(e.getMessage().contains("truncated"), length + ": " + e.getMessage());
                }
            }
        }
    }

    @Test
    void everySingleBitFlipIsRejected() {
        for (byte[] frame : VALID) {
            for (int bit = 0; bit < 8 * frame.length; bit++) {
                byte[] copy = frame.clone();
                copy[bit >>> 3] ^= (byte) (1 << (bit & 7));
                rejected(copy);
            }
        }
    }

    @Property(tries = 3000)
    void mutationsWithRepairedCrcNeverEscapeAsOtherExceptions(@ForAll("mutations") Mutation mutation) {
        decodeSafely(withValidCrc(mutation.apply()));
    }

    @Property(tries = 1000)
    void mutationsWithoutRepairAreRejected(@ForAll("mutations") Mutation mutation) {
        byte[] bytes = mutation.apply();
        if (!Arrays.equals(bytes, VALID.get(mutation.frame()))) {
            rejected(bytes);
        }
    }

    /** Overwrite 1 to 4 random bytes of a valid frame, biased towards the header. */
    record Mutation(int frame, long seed) {
        byte[] apply() {
            byte[] bytes = VALID.get(frame).clone();
            Random random = new Random(seed);
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                int at = random.nextBoolean()
                        ? random.nextInt(Math.min(48, bytes.length - 4))
                        : random.nextInt(bytes.length - 4);
                bytes[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : bytes[at] ^ (1 << random.nextInt(8)));
            }
            return bytes;
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return net.jqwik.api.Combinators.combine(
                        Arbitraries.integers().between(0, VALID.size() - 1), Arbitraries.longs())
                .as(Mutation::new);
    }

    @Test
    void wrongMagic() {
        byte[] frame = VALID.get(0).clone();
        frame[0] = 'X';
        rejectedWith(frame, "Not an activation frame: it starts with 58 41 54 46");
    }

    @Test
    void newerAndZeroVersions() {
        byte[] frame = VALID.get(0).clone();
        frame[FrameFormat.OFFSET_VERSION] = 3;
        rejectedWith(frame, "Frame format version 3 is newer than this reader, which supports version 2.");
        frame[FrameFormat.OFFSET_VERSION] = 0;
        rejectedWith(withValidCrc(frame), "version 0 is invalid");
    }

    @Test
    void badCrc() {
        byte[] frame = VALID.get(3).clone();
        frame[frame.length - 10] ^= 0x40;
        rejectedWith(frame, "Frame CRC32C mismatch");
    }

    @Test
    void hugePayloadClaimIsRejectedBeforeAllocation() {
        byte[] frame = VALID.get(2).clone();
        int rank = frame[FrameFormat.OFFSET_RANK];
        LittleEndian.putInt(frame, FrameFormat.headerBytes(rank) - 4, 0xFFFF_FFF0);
        rejectedWith(frame, "its header claims a payload of 4294967280 bytes");
    }

    @Test
    void hugeShapeClaimsAreRejected() {
        byte[] frame = VALID.get(5).clone(); // int8+zstd: the payload cannot bound the shape
        LittleEndian.putInt(frame, FrameFormat.FIXED_HEADER_BYTES, 0x7FFF_FFFF);
        rejectedWith(withValidCrc(frame), "more elements than this decoder's limit of 67108864");
        byte[] raw = VALID.get(2).clone();
        LittleEndian.putInt(raw, FrameFormat.FIXED_HEADER_BYTES, 0x7FFF_FFFF);
        rejectedWith(withValidCrc(raw), "more elements than this decoder's limit");
        LittleEndian.putInt(raw, FrameFormat.FIXED_HEADER_BYTES, 5);
        rejectedWith(withValidCrc(raw), "needs exactly");
        LittleEndian.putInt(raw, FrameFormat.FIXED_HEADER_BYTES, 0);
        rejectedWith(withValidCrc(raw), "Dimension 0 is 0");
    }

    @Test
    void zstdContentSizeMustMatchTheShape() throws Exception {
        Tensor zeros = new Tensor(new int[] {64, 64}, new float[64 * 64]);
        byte[] frame = new FrameEncoder()
                .encode(zeros, CodecSpecTest.valid("int8+zstd"), 0)
                .bytes();
        LittleEndian.putInt(frame, FrameFormat.FIXED_HEADER_BYTES, 32);
        rejectedWith(withValidCrc(frame), "The zstd payload declares");
    }

    @Test
    void headerFieldsAreValidated() {
        byte[] frame = VALID.get(0).clone();
        frame[FrameFormat.OFFSET_CODEC] = 9;
        rejectedWith(withValidCrc(frame.clone()), "Unknown codec id 9");
        frame = VALID.get(0).clone();
        frame[FrameFormat.OFFSET_FLAGS] = 2;
        rejectedWith(withValidCrc(frame), "unknown bits");
        frame = VALID.get(0).clone();
        frame[FrameFormat.OFFSET_DTYPE] = 2;
        rejectedWith(withValidCrc(frame), "dtype 2 is not supported");
        frame = VALID.get(0).clone();
        frame[FrameFormat.OFFSET_RANK + 1] = 1;
        rejectedWith(withValidCrc(frame), "Reserved header byte 21");
        frame = VALID.get(0).clone();
        frame[FrameFormat.OFFSET_RANK] = 9;
        rejectedWith(frame, "Frame rank 9 is outside 1..8");
        frame = VALID.get(4).clone();
        LittleEndian.putInt(frame, FrameFormat.OFFSET_PARAMETER, 0);
        rejectedWith(withValidCrc(frame), "Top-k parameter 0");
        frame = VALID.get(2).clone();
        LittleEndian.putInt(frame, FrameFormat.OFFSET_PARAMETER, 5);
        rejectedWith(withValidCrc(frame), "Codec `int8` takes no parameter");
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] frame = Arrays.copyOf(VALID.get(1), VALID.get(1).length + 3);
        rejectedWith(frame, "3 unexpected bytes after its CRC");
    }

    @Test
    void payloadContentsAreValidated() throws Exception {
        FrameEncoder encoder = new FrameEncoder();
        byte[] int8 = encoder.encode(Tensor.of(new float[] {1, 2, 3}, 3), CodecSpec.INT8, 0)
                .bytes();
        LittleEndian.putInt(int8, FrameFormat.headerBytes(1), Float.floatToRawIntBits(Float.NaN));
        rejectedWith(withValidCrc(int8), "Row 0 of the `int8` payload has scale NaN");
        byte[] int4 = encoder.encode(Tensor.of(new float[] {1, 2, 3}, 3), CodecSpec.INT4, 0)
                .bytes();
        LittleEndian.putShort(int4, FrameFormat.headerBytes(1), (short) 0x8001);
        rejectedWith(withValidCrc(int4), "Group 0 of row 0 of the `int4` payload has scale");
        byte[] topk = encoder.encode(Tensor.of(new float[] {1, 2, 3, 4}, 4), CodecSpec.topK(500_000), 0)
                .bytes();
        int bitmap = FrameFormat.headerBytes(1) + 4;
        topk[bitmap] = 0b0111;
        rejectedWith(withValidCrc(topk.clone()), "marks more than the 2 kept entries");
        topk[bitmap] = 0b0001;
        rejectedWith(withValidCrc(topk), "marks only 1 of the 2 kept entries");
    }

    @Test
    void decoderLimitIsEnforced() throws Exception {
        byte[] frame = new FrameEncoder()
                .encode(ActivationSamples.gaussian(1, 10, 10), CodecSpec.FP16, 0)
                .bytes();
        FrameFormatException e = assertThrows(FrameFormatException.class, () -> new FrameDecoder(99).decode(frame));
        assertTrue(e.getMessage().contains("limit of 99"), e.getMessage());
        new FrameDecoder(100).decode(frame);
    }

    @Test
    void framesInsideALargerBufferDecode() throws Exception {
        byte[] frame = VALID.get(2);
        byte[] buffer = new byte[frame.length + 20];
        System.arraycopy(frame, 0, buffer, 7, frame.length);
        DECODER.decode(buffer, 7, frame.length);
        assertThrows(FrameFormatException.class, () -> DECODER.decode(buffer, 7, frame.length + 1));
    }
}
