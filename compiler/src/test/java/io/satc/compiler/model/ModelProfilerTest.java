package io.satc.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Profiles derived from the real models match hand-computed figures. */
class ModelProfilerTest {

    @Test
    void miniLmBlocksMatchTheHandFormula() throws Exception {
        for (Path model : List.of(TestModels.miniLm(), TestModels.miniLmQuantized())) {
            for (int t : new int[] {16, 5}) {
                ModelProfile profile =
                        ModelProfiler.profile(model, t, Optional.empty()).orElseThrow();
                print(model, profile);
                long h = 384;
                long m = 1536;
                long expected = 2 * t * (4 * h * h + 2 * h * m) + 4L * t * t * h;
                List<UnitProfile> units = profile.units();
                assertEquals(8, units.size());
                assertEquals("embedding", units.get(0).name());
                assertEquals("head", units.get(7).name());
                for (int u = 1; u <= 6; u++) {
                    long f = units.get(u).flopsPerSample();
                    assertTrue(
                            Math.abs(f - expected) <= 0.01 * expected,
                            model.getFileName() + " T=" + t + " " + units.get(u).name() + ": " + f + " vs " + expected);
                }
                assertEquals(0, units.get(0).flopsPerSample());
                assertEquals(0, units.get(7).flopsPerSample());
                for (UnitProfile unit : units) {
                    assertEquals(t * h * 4, unit.outBytesPerSample(), unit.name());
                }
                assertEquals(3L * t * 8, profile.inputBytesPerSample());
                assertEquals(
                        weightBytes(model),
                        units.stream().mapToLong(UnitProfile::weightBytes).sum());
            }
        }
    }

    @Test
    void miniLmBlockWeightsAreTheLayerParameters() {
        ModelProfile profile =
                ModelProfiler.profile(TestModels.miniLm(), 8, Optional.empty()).orElseThrow();
        long h = 384;
        long m = 1536;
        long parameters = 4 * (h * h + h) + (h * m + m) + (m * h + h) + 2 * 2 * h;
        for (int u = 1; u <= 6; u++) {
            long w = profile.units().get(u).weightBytes();
            // Besides the parameters, a block holds a few scalar Constant nodes.
            assertTrue(w >= 4 * parameters && w <= 4 * parameters + 256, "block weight bytes " + w);
        }
        long embeddings = 4 * (30522 * h + 512 * h + 2 * h + 2 * h) + 8 * 512;
        long w0 = profile.units().get(0).weightBytes();
        assertTrue(w0 >= embeddings && w0 <= embeddings + 256, "embedding weight bytes " + w0);
    }

    @Test
    void kjvProfile() throws Exception {
        int t = 32;
        ModelProfile profile =
                ModelProfiler.profile(TestModels.kjv(), t, Optional.empty()).orElseThrow();
        print(TestModels.kjv(), profile);
        long h = 128;
        long expected = 2 * t * (12 * h * h) + 4L * t * t * h;
        List<UnitProfile> units = profile.units();
        assertEquals(6, units.size());
        for (int u = 1; u <= 4; u++) {
            assertEquals(expected, units.get(u).flopsPerSample(), units.get(u).name());
            assertEquals(t * h * 4, units.get(u).outBytesPerSample());
        }
        assertEquals(2L * t * h * 64, units.get(5).flopsPerSample());
        assertEquals(t * 64L * 4, units.get(5).outBytesPerSample());
        assertEquals(t * 8L, profile.inputBytesPerSample());
        assertEquals(
                weightBytes(TestModels.kjv()),
                units.stream().mapToLong(UnitProfile::weightBytes).sum());
    }

    /** Initializer bytes plus Constant-node bytes, computed straight from the file. */
    private static long weightBytes(Path model) throws Exception {
        ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(model));
        long sum = 0;
        for (TensorProto t : proto.getGraph().getInitializerList()) {
            long elements = t.getDimsList().stream().reduce(1L, (a, b) -> a * b);
            // Small tensors (per-channel scales, zero points) are stored in typed fields, not raw bytes.
            sum += t.getRawData().isEmpty()
                    ? elements * elementSize(t.getDataType())
                    : t.getRawData().size();
        }
        for (NodeProto n : proto.getGraph().getNodeList()) {
            if (n.getOpType().equals("Constant")) {
                sum += ModelProfiler.constantBytes(n);
            }
        }
        return sum;
    }

    private static long elementSize(int dataType) {
        switch (dataType) {
            case TensorProto.DataType.FLOAT_VALUE:
            case TensorProto.DataType.INT32_VALUE:
                return 4;
            case TensorProto.DataType.INT64_VALUE:
                return 8;
            case TensorProto.DataType.INT8_VALUE:
            case TensorProto.DataType.UINT8_VALUE:
                return 1;
            default:
                throw new IllegalArgumentException("element type " + dataType);
        }
    }

    private static void print(Path model, ModelProfile profile) {
        StringBuilder out = new StringBuilder();
        out.append(model.getFileName())
                .append(" profile at T=")
                .append(profile.sequenceLength())
                .append(", I=")
                .append(profile.inputBytesPerSample())
                .append(" B:\n");
        for (UnitProfile u : profile.units()) {
            out.append(String.format(
                    java.util.Locale.ROOT,
                    "  %-10s W=%,12d B  F=%,14d  A=%,9d B%n",
                    u.name(),
                    u.weightBytes(),
                    u.flopsPerSample(),
                    u.outBytesPerSample()));
        }
        System.out.print(out);
    }
}
