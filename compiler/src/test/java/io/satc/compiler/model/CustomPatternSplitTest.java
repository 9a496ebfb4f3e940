package io.satc.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-made residual network with the caller's block pattern and a side input read by every
 * block: all 16 cut sets compose, and the side input is forwarded to each part that reads it.
 */
class CustomPatternSplitTest {
    private static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;
    private static final Optional<String> PATTERN = Optional.of("/layers_(\\d+)/");

    @Test
    void everyCutSetComposesAndForwardsTheSideInput(@TempDir Path dir) throws Exception {
        TinyGraph g = new TinyGraph()
                .input("x", FLOAT, "n", 4)
                .input("s", FLOAT, 1)
                .weight("w_stem", 4, 4, 0.5f)
                .node("MatMul", "/stem/MatMul", List.of("x", "w_stem"), List.of("h0"));
        for (int i = 0; i < 3; i++) {
            String p = "/layers_" + i + "/";
            g.weight("w" + i, 4, 4, 0.3f)
                    .node("MatMul", p + "MatMul", List.of("h" + i, "w" + i), List.of("m" + i))
                    .node("Mul", p + "Mul", List.of("m" + i, "s"), List.of("k" + i))
                    .node("Add", p + "Add", List.of("k" + i, "h" + i), List.of("h" + (i + 1)));
        }
        Path model = g.weight("w_out", 4, 2, 1f)
                .node("MatMul", "/out/MatMul", List.of("h3", "w_out"), List.of("y"))
                .output("y", FLOAT, "n", 2)
                .write(dir, "residual.onnx");

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor x = OnnxTensor.createTensor(env, new float[][] {{1, 2, 3, 4}, {-1, 0.5f, 2, 0}, {0, 0, 1, 1}});
                OnnxTensor s = OnnxTensor.createTensor(env, new float[] {0.75f})) {
            Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
            feeds.put("x", x);
            feeds.put("s", s);
            float[] expected =
                    PartChain.runWhole(Files.readAllBytes(model), feeds).get("y");
            for (int mask = 0; mask < 16; mask++) {
                List<Integer> cuts = new ArrayList<>();
                for (int j = 0; j < 4; j++) {
                    if ((mask & (1 << j)) != 0) {
                        cuts.add(j);
                    }
                }
                ModelSplit split = ModelSplitter.split(model, cuts, PATTERN).orElseThrow();
                assertEquals(
                        List.of("embedding", "block.0", "block.1", "block.2", "head"),
                        split.units().stream().map(ModelUnit::name).toList());
                for (ModelPart part : split.parts()) {
                    boolean hasBlock = part.firstUnit() <= 3 && part.lastUnit() >= 1;
                    List<String> forwarded = new ArrayList<>();
                    if (part.index() == 0) {
                        forwarded.add("x");
                    }
                    if (hasBlock) {
                        forwarded.add("s");
                    }
                    assertEquals(forwarded, part.forwardedInputs(), part.toString());
                    for (TensorSpec out : part.outputs()) {
                        assertEquals("n", out.shape().get(0).toString(), part.toString());
                    }
                }
                float[] actual = PartChain.run(split, feeds).get("y");
                double diff = KjvSplitCompositionTest.maxAbsDiff(expected, actual);
                assertTrue(diff <= 1e-6, "cuts " + cuts + ": " + diff);
            }
        }
        ModelProfile profile = ModelProfiler.profile(model, 3, PATTERN).orElseThrow();
        assertEquals(
                List.of(2L * 4 * 4, 2L * 4 * 4, 2L * 4 * 4, 2L * 4 * 4, 2L * 4 * 2),
                profile.units().stream().map(UnitProfile::flopsPerSample).toList());
        assertEquals(4L * 4 + 4, profile.inputBytesPerSample());
    }
}
