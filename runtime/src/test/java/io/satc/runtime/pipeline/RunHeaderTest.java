package io.satc.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.runtime.codec.FrameFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** The run header a distributed run's first node sends ahead of micro-batch 0 (docs/frame-format.md). */
class RunHeaderTest {

    private static final RunHeader SAMPLE = new RunHeader(40, List.of("In the beginning God", "", "Ça va ⟨ok⟩"));

    @Test
    void readsBackWhatWasWritten() throws Exception {
        assertEquals(SAMPLE, RunHeader.parse(SAMPLE.toBytes()));
        assertEquals(RunHeader.tensors(), RunHeader.parse(RunHeader.tensors().toBytes()));
    }

    @Test
    void theLayoutIsTheDocumentedOne() {
        byte[] b = new RunHeader(3, List.of("ab"), 7).toBytes();
        ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(30, b.length);
        assertEquals("SATH", new String(b, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(2, b[4]);
        assertEquals(3, in.getInt(8));
        assertEquals(1, in.getInt(12));
        assertEquals(2, in.getInt(16));
        assertEquals('a', b[20]);
        assertEquals(7, in.getInt(22));
        CRC32C crc = new CRC32C();
        crc.update(b, 0, 26);
        assertEquals((int) crc.getValue(), in.getInt(26));
    }

    /** Version 1, without the first micro-batch, is still read: a stream from micro-batch 0. */
    @Test
    void aVersionOneHeaderIsStillRead() throws Exception {
        byte[] v2 = new RunHeader(3, List.of("ab")).toBytes();
        byte[] v1 = new byte[v2.length - 4];
        System.arraycopy(v2, 0, v1, 0, 22);
        v1[4] = 1;
        assertEquals(new RunHeader(3, List.of("ab")), RunHeader.parse(withCrc(v1, -1, 0)));
        assertEquals(new RunHeader(3, List.of("ab"), 5), RunHeader.parse(new RunHeader(3, List.of("ab"), 5).toBytes()));
    }

    @Test
    void everyTruncationAndEveryFlippedBitIsRejected() {
        byte[] good = SAMPLE.toBytes();
        for (int n = 0; n < good.length; n++) {
            byte[] cut = Arrays.copyOf(good, n);
            assertThrows(FrameFormatException.class, () -> RunHeader.parse(cut), "truncated to " + n);
        }
        for (int bit = 0; bit < 8 * good.length; bit++) {
            byte[] bad = good.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThrows(FrameFormatException.class, () -> RunHeader.parse(bad), "bit " + bit);
        }
    }

    @Test
    void lengthsAndTextAreCheckedEvenUnderAValidCrc() {
        byte[] longer = withCrc(new RunHeader(1, List.of("abc")).toBytes(), 16, 99);
        assertTrue(assertThrows(FrameFormatException.class, () -> RunHeader.parse(longer))
                .getMessage()
                .contains("claims 99 bytes, but only 3 remain"));
        byte[] noSteps = withCrc(new RunHeader(1, List.of()).toBytes(), 8, 0);
        assertTrue(assertThrows(FrameFormatException.class, () -> RunHeader.parse(noSteps))
                .getMessage()
                .contains("0 passes"));
        byte[] text = new RunHeader(1, List.of("ab")).toBytes();
        text[20] = (byte) 0xC3; // a lead byte followed by an ASCII letter: not UTF-8
        byte[] notUtf8 = withCrc(text, -1, 0);
        assertEquals(
                "Sample 0 of the run header is not UTF-8.",
                assertThrows(FrameFormatException.class, () -> RunHeader.parse(notUtf8))
                        .getMessage());
    }

    /** {@code header} with the u32 at {@code offset} set to {@code value} (none when negative) and its CRC redone. */
    private static byte[] withCrc(byte[] header, int offset, int value) {
        byte[] b = header.clone();
        ByteBuffer out = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (offset >= 0) {
            out.putInt(offset, value);
        }
        CRC32C crc = new CRC32C();
        crc.update(b, 0, b.length - 4);
        out.putInt(b.length - 4, (int) crc.getValue());
        return b;
    }
}
