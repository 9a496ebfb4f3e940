package io.satc.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Pins the bytes of docs/frame-format.md: a change here is a format change and needs a new version. */
class FrameLayoutTest {

    @Test
    void headerOfTheDocumentedExample() throws Exception {
        Tensor t = ActivationSamples.gaussian(5, 8, 128, 384);
        byte[] frame = new FrameEncoder().encode(t, CodecSpec.INT8, 5).bytes();
        byte[] expected = HexFormat.of()
                .parseHex("53415446" + "01" + "02" + "00" + "01"
                        + "00000000" + "0500000000000000" + "03" + "000000"
                        + "08000000" + "80000000" + "80010000" + "00100600");
        assertArrayEquals(expected, Arrays.copyOf(frame, expected.length));
        assertEquals(397_356, frame.length);
    }

    @Test
    void smallFramesByteForByte() throws Exception {
        Tensor t = Tensor.of(new float[] {1f, -0.25f, 0f, 2f}, 2, 2);
        // fp16 of 1, -0.25, 0, 2 is 3c00, b400, 0000, 4000.
        assertEquals(
                "5341544601010001" + "00000000" + "ffffffffffffffff" + "02000000" + "02000000" + "02000000" + "08000000"
                        + "003c00b400000040",
                hexWithoutCrc(new FrameEncoder().encode(t, CodecSpec.FP16, -1).bytes()));
        // int8: row scales max/127 (rounded down), then q = 127, rint(-31.75) = -32, 0, 127.
        assertEquals(
                "5341544601020001" + "00000000" + "0000000000000000" + "02000000" + "02000000" + "02000000"
                        + "0c000000" + hex(scale(1f)) + hex(scale(2f))
                        + "7fe0007f",
                hexWithoutCrc(new FrameEncoder().encode(t, CodecSpec.INT8, 0).bytes()));
        // topk(50%): k = 1 per row; bitmap 0b1001 keeps elements 0 and 3.
        assertEquals(
                "5341544601040001" + "20a10700" + "0000000000000000" + "02000000" + "02000000" + "02000000"
                        + "0b000000" + hex(scale(1f)) + hex(scale(2f))
                        + "09" + "7f7f",
                hexWithoutCrc(
                        new FrameEncoder().encode(t, CodecSpec.topK(500_000), 0).bytes()));
    }

    /** The documented row scale: max|x| / 127, one ulp lower if the quotient rounded up. */
    private static int scale(float max) {
        float s = max / 127f;
        return Float.floatToRawIntBits(127.0 * s > max ? Math.nextDown(s) : s);
    }

    private static String hexWithoutCrc(byte[] frame) {
        return HexFormat.of().formatHex(frame, 0, frame.length - 4);
    }

    private static String hex(int littleEndian) {
        return HexFormat.of().formatHex(new byte[] {
            (byte) littleEndian, (byte) (littleEndian >>> 8), (byte) (littleEndian >>> 16), (byte) (littleEndian >>> 24)
        });
    }
}
