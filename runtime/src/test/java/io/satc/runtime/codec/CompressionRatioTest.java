package io.satc.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Frame sizes follow the documented formula exactly, and ρ = 4 · elements / frame bytes. */
class CompressionRatioTest {

    private static final int[] SHAPE = {8, 128, 384};
    private static final int ELEMENTS = 8 * 128 * 384;

    /** Sizes for [8, 128, 384] worked out by hand from docs/frame-format.md (header 32 + 4·3 = 44). */
    @ParameterizedTest
    @CsvSource({
        "none,      1572908", // 44 + 4·393216
        "fp16,      786476", // 44 + 2·393216
        "int8,      397356", // 44 + 4·1024 scales + 393216
        "int4,      221228", // 44 + 2·1024·12 scales + 393216/2
        "topk(10%), 93228", // 44 + 4·1024 + 393216/8 bitmap + 1024·39
    })
    void frameSizeAndRatioFor8x128x384(String text, long expectedBytes) throws Exception {
        CodecSpec spec = CodecSpecTest.valid(text);
        Tensor t = ActivationSamples.gaussian(11, SHAPE);
        EncodedFrame frame = new FrameEncoder().encode(t, spec, 0);
        assertEquals(expectedBytes, frame.frameBytes());
        assertEquals(expectedBytes, spec.uncompressedFrameBytes(SHAPE));
        assertEquals(4.0 * ELEMENTS / expectedBytes, frame.compressionRatio(), 0.0);
    }

    @org.junit.jupiter.api.Test
    void int8IsJustUnderFourTimes() throws Exception {
        double ratio = new FrameEncoder()
                .encode(ActivationSamples.gaussian(1, SHAPE), CodecSpec.INT8, 0)
                .compressionRatio();
        assertEquals(1572864.0 / 397356, ratio, 0.0);
        assertTrue(ratio > 3.95 && ratio < 4, "ratio " + ratio);
    }

    @org.junit.jupiter.api.Test
    void zstdShrinksRedundantPayloadsAndReportsTheRealSize() throws Exception {
        Tensor sparse = new Tensor(SHAPE, new float[ELEMENTS]);
        EncodedFrame frame = new FrameEncoder().encode(sparse, CodecSpecTest.valid("int8+zstd"), 0);
        assertTrue(frame.compressionRatio() > 100, "ratio " + frame.compressionRatio());
        assertEquals(4.0 * ELEMENTS / frame.bytes().length, frame.compressionRatio(), 0.0);
    }

    @Property(tries = 300)
    void payloadLengthInTheHeaderMatchesTheFormula(@ForAll("tensors") Tensor t, @ForAll("specs") CodecSpec spec)
            throws Exception {
        byte[] frame = new FrameEncoder().encode(t, spec, 0).bytes();
        int rank = t.rank();
        long payload = Integer.toUnsignedLong(LittleEndian.getInt(frame, FrameFormat.headerBytes(rank) - 4));
        assertEquals(FrameFormat.frameBytes(rank, payload), frame.length);
        assertEquals(32 + 4L * rank + payload, frame.length);
        if (!spec.zstd()) {
            assertEquals(spec.codec().payloadBytes(t.rowCount(), t.rowLength()), payload);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Tensor> tensors() {
        return ActivationSamples.finiteTensors();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<CodecSpec> specs() {
        return new FrameRoundTripTest().specs();
    }
}
