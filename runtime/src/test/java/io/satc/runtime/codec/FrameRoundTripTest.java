package io.satc.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameRoundTripTest {

    private static final List<String> SPECS = List.of(
            "none",
            "fp16",
            "int8",
            "int4",
            "topk(10%)",
            "topk(0.5)",
            "topk(100%)",
            "topk(0.0001%)",
            "none+zstd",
            "fp16+zstd",
            "int8+zstd",
            "int4+zstd",
            "topk(25%)+zstd");

    private final FrameEncoder encoder = new FrameEncoder();
    private final FrameDecoder decoder = new FrameDecoder();

    @Provide
    Arbitrary<CodecSpec> specs() {
        return Arbitraries.of(SPECS).map(CodecSpecTest::valid);
    }

    @Property(tries = 600)
    void decodedTensorHasShapeAndIsWithinTheCodecsBound(
            @ForAll("specs") CodecSpec spec, @ForAll("tensors") Tensor tensor, @ForAll long microBatch)
            throws Exception {
        EncodedFrame frame = encoder.encode(tensor, spec, microBatch);
        DecodedFrame decoded = decoder.decode(frame.bytes());
        assertEquals(microBatch, decoded.microBatchId());
        assertEquals(spec, decoded.spec());
        assertArrayEquals(tensor.shape(), decoded.tensor().shape());
        ErrorBounds.check(spec.codec(), tensor, decoded.tensor());
        if (!spec.zstd()) {
            assertEquals(spec.uncompressedFrameBytes(tensor.shape()), frame.frameBytes(), "size formula");
        }
    }

    @Provide
    Arbitrary<Tensor> tensors() {
        return ActivationSamples.finiteTensors();
    }

    @Property(tries = 200)
    void encodingIsDeterministic(@ForAll("specs") CodecSpec spec, @ForAll("tensors") Tensor tensor) throws Exception {
        byte[] first = encoder.encode(tensor, spec, 7).bytes();
        Tensor copy = new Tensor(tensor.shape(), tensor.data().clone());
        assertArrayEquals(first, new FrameEncoder().encode(copy, spec, 7).bytes());
    }

    @Property(tries = 200)
    void reencodingADecodedLossyFrameIsStable(@ForAll("specs") CodecSpec spec, @ForAll("tensors") Tensor tensor)
            throws Exception {
        // fp16 and none are idempotent, so a relay that decodes and re-encodes changes nothing.
        if (spec.codec() instanceof Codec.Fp16 || spec.codec() instanceof Codec.None) {
            byte[] once = encoder.encode(tensor, spec, 1).bytes();
            Tensor decoded = decoder.decode(once).tensor();
            assertArrayEquals(once, encoder.encode(decoded, spec, 1).bytes());
        }
    }

    @Test
    void outlierChannelsOnlyCostTheirOwnRowsPrecisionInInt8() throws Exception {
        Tensor t = ActivationSamples.gaussian(3, 4, 16, 384);
        for (int row = 0; row < t.rowCount(); row++) {
            t.data()[row * 384 + 17] *= 100;
            t.data()[row * 384 + 200] *= -100;
        }
        Tensor back =
                decoder.decode(encoder.encode(t, CodecSpec.INT8, 0).bytes()).tensor();
        ErrorBounds.check(new Codec.Int8(), t, back);
        Tensor back4 =
                decoder.decode(encoder.encode(t, CodecSpec.INT4, 0).bytes()).tensor();
        ErrorBounds.check(new Codec.Int4(), t, back4);
        // int4's groups of 32 confine an outlier's coarse scale to its own group.
        double maxErrorOutsideOutlierGroups = 0;
        for (int i = 0; i < t.elementCount(); i++) {
            int column = i % 384;
            if (column / 32 != 17 / 32 && column / 32 != 200 / 32) {
                maxErrorOutsideOutlierGroups =
                        Math.max(maxErrorOutsideOutlierGroups, Math.abs(t.data()[i] - back4.data()[i]));
            }
        }
        assertTrue(maxErrorOutsideOutlierGroups < 0.5, "error " + maxErrorOutsideOutlierGroups);
    }

    @Test
    void nonFiniteValues() throws Exception {
        float[] data = {1f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, -0f, 0f, 70000f, -1e-9f};
        Tensor t = Tensor.of(data, 2, 4);
        for (String lossless : new String[] {"none", "none+zstd"}) {
            Tensor back = decoder.decode(
                            encoder.encode(t, CodecSpecTest.valid(lossless), 0).bytes())
                    .tensor();
            assertEquals(t, back, "bit-exact, NaN and -0 included");
        }
        Tensor half =
                decoder.decode(encoder.encode(t, CodecSpec.FP16, 0).bytes()).tensor();
        assertArrayEquals(
                new float[] {
                    1f,
                    Float.POSITIVE_INFINITY,
                    Float.NEGATIVE_INFINITY,
                    Float.NaN,
                    -0f,
                    0f,
                    Float.POSITIVE_INFINITY,
                    -0f
                },
                half.data());
        for (String quantizing : new String[] {"int8", "int4", "topk(50%)", "int8+zstd"}) {
            UnencodableTensorException e = assertThrows(
                    UnencodableTensorException.class, () -> encoder.encode(t, CodecSpecTest.valid(quantizing), 0));
            assertTrue(
                    e.getMessage().contains("cannot encode Infinity at element 1 (row 0, column 1)"), e.getMessage());
        }
        Tensor nan = Tensor.of(new float[] {0f, 1f, 2f, Float.NaN}, 4);
        assertTrue(assertThrows(UnencodableTensorException.class, () -> encoder.encode(nan, CodecSpec.INT8, 0))
                .getMessage()
                .contains("cannot encode NaN at element 3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"int8", "int4", "topk(50%)"})
    void quantizersDecodeZerosAsPositiveZero(String text) throws Exception {
        Tensor t = Tensor.of(new float[] {-0f, 0f, -0f, 0f}, 4);
        Tensor back = decoder.decode(
                        encoder.encode(t, CodecSpecTest.valid(text), 0).bytes())
                .tensor();
        assertArrayEquals(new float[] {0f, 0f, 0f, 0f}, back.data());
    }

    @Test
    void int4RejectsGroupsBeyondItsFp16ScaleRange() throws Exception {
        Tensor ok = Tensor.of(new float[] {Int4Coder.MAX_ABS, -1f}, 2);
        ErrorBounds.check(
                new Codec.Int4(),
                ok,
                decoder.decode(encoder.encode(ok, CodecSpec.INT4, 0).bytes()).tensor());
        Tensor big = Tensor.of(new float[] {1f, Math.nextUp(Int4Coder.MAX_ABS)}, 2);
        UnencodableTensorException e =
                assertThrows(UnencodableTensorException.class, () -> encoder.encode(big, CodecSpec.INT4, 0));
        assertTrue(e.getMessage().contains("row 0 (columns 0..1)"), e.getMessage());
    }

    @Test
    void extremeMagnitudesStayWithinBounds() throws Exception {
        float[] data = {
            Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, 1f, Float.MIN_VALUE, -Float.MIN_VALUE, 0x1p-140f, 0f
        };
        Tensor t = Tensor.of(data, 2, 4);
        for (String text : new String[] {"int8", "topk(50%)", "topk(1)"}) {
            CodecSpec spec = CodecSpecTest.valid(text);
            ErrorBounds.check(
                    spec.codec(),
                    t,
                    decoder.decode(encoder.encode(t, spec, 0).bytes()).tensor());
        }
        Tensor small = Tensor.of(new float[] {Float.MIN_VALUE, 0x1p-140f, -0x1p-30f, 0f}, 4);
        ErrorBounds.check(
                new Codec.Int4(),
                small,
                decoder.decode(encoder.encode(small, CodecSpec.INT4, 0).bytes()).tensor());
    }

    @Test
    void topKBreaksTiesTowardsLowerColumns() throws Exception {
        Tensor t = Tensor.of(new float[] {1f, -2f, 2f, 1f, -1f, 2f, 0.5f, 1f}, 8);
        Tensor back = decoder.decode(
                        encoder.encode(t, CodecSpecTest.valid("topk(50%)"), 0).bytes())
                .tensor();
        assertArrayEquals(new float[] {1f, -2f, 2f, 0f, 0f, 2f, 0f, 0f}, back.data(), 2f / 127 / 2);
    }
}
