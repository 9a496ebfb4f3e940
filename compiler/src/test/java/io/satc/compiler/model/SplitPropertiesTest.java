package io.satc.compiler.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parts keep only what they use, preserve the model's metadata and come out the same every time. */
class SplitPropertiesTest {
    private static final List<Integer> KJV_ALL = List.of(0, 1, 2, 3, 4);
    private static final List<Integer> MINILM_ALL = List.of(0, 1, 2, 3, 4, 5, 6);

    @Test
    void kjvPartLayout() {
        ModelSplit split =
                ModelSplitter.split(TestModels.kjv(), KJV_ALL, Optional.empty()).orElseThrow();
        print("kjv-char-gpt", split);
        assertEquals(
                List.of("embedding", "block.0", "block.1", "block.2", "block.3", "head"),
                split.units().stream().map(ModelUnit::name).toList());
        List<ModelPart> parts = split.parts();
        assertEquals(List.of("input_ids"), parts.get(0).inputNames());
        assertEquals(List.of("/Add_output_0"), parts.get(0).outputNames());
        for (int k = 1; k <= 4; k++) {
            assertEquals(
                    List.of("/blocks." + (k - 1) + "/Add_1_output_0"),
                    parts.get(k).outputNames());
            assertEquals(parts.get(k - 1).outputNames(), parts.get(k).inputNames());
            assertEquals(List.of(), parts.get(k).forwardedInputs());
        }
        assertEquals(List.of("logits"), parts.get(5).outputNames());
        assertEquals(
                "/Add_output_0: FLOAT[batch, seq, 128]",
                parts.get(0).outputs().get(0).toString());
        assertEquals(
                "/blocks.3/Add_1_output_0: FLOAT[batch, seq, 128]",
                parts.get(5).inputs().get(0).toString());
    }

    @Test
    void unitsOfTheKjvDecoderFollowItsReadme() {
        List<ModelUnit> units =
                ModelSplitter.units(TestModels.kjv(), SplitOptions.defaults()).orElseThrow();
        // The README lists 11 embedding nodes, 82 per block and ln_f + head.
        assertEquals(
                List.of(11, 82, 82, 82, 82, 2),
                units.stream().map(ModelUnit::nodeCount).toList());
    }

    @Test
    void miniLmPartLayoutForwardsTheAttentionMask() {
        ModelSplit split = ModelSplitter.split(TestModels.miniLmQuantized(), MINILM_ALL, Optional.empty())
                .orElseThrow();
        print("all-minilm-l6-v2-q", split);
        List<ModelPart> parts = split.parts();
        assertEquals(8, parts.size());
        // The embeddings do not read the mask, so the first part does not take it.
        assertEquals(List.of("input_ids", "token_type_ids"), parts.get(0).inputNames());
        assertEquals(
                List.of("/embeddings/LayerNorm/Add_1_output_0"), parts.get(0).outputNames());
        for (int k = 1; k <= 6; k++) {
            assertEquals(
                    List.of(parts.get(k - 1).outputNames().get(0), "attention_mask"),
                    parts.get(k).inputNames());
            assertEquals(List.of("attention_mask"), parts.get(k).forwardedInputs());
        }
        assertEquals(
                "last_hidden_state: FLOAT[batch_size, sequence_length, 384]",
                parts.get(6).outputs().get(0).toString());
        // The head of this encoder is empty: the last part passes the hidden state through.
        assertEquals(List.of("last_hidden_state"), parts.get(7).inputNames());
        assertEquals(List.of("last_hidden_state"), parts.get(7).outputNames());
    }

    @Test
    void partsKeepOnlyUsedInitializersAndTheModelsMetadata() throws Exception {
        for (Path model : List.of(TestModels.kjv(), TestModels.miniLm())) {
            ModelProto original = ModelProto.parseFrom(Files.readAllBytes(model));
            List<Integer> cuts = model.equals(TestModels.kjv()) ? KJV_ALL : MINILM_ALL;
            ModelSplit split =
                    ModelSplitter.split(model, cuts, Optional.empty()).orElseThrow();
            long total = 0;
            Set<String> seen = new HashSet<>();
            for (ModelPart part : split.parts()) {
                ModelProto p = ModelProto.parseFrom(part.onnx());
                assertEquals(original.getIrVersion(), p.getIrVersion());
                assertEquals(original.getOpsetImportList(), p.getOpsetImportList());
                assertEquals(original.getProducerName(), p.getProducerName());
                assertEquals(original.getProducerVersion(), p.getProducerVersion());
                Set<String> used = new HashSet<>();
                p.getGraph().getNodeList().forEach(n -> used.addAll(n.getInputList()));
                for (TensorProto t : p.getGraph().getInitializerList()) {
                    assertTrue(
                            used.contains(t.getName()),
                            model + " part " + part.index() + " keeps unused " + t.getName());
                    seen.add(t.getName());
                }
                total += part.onnx().length;
            }
            Set<String> all = new HashSet<>();
            original.getGraph().getInitializerList().forEach(t -> all.add(t.getName()));
            assertEquals(all, seen, "every initializer lands in some part");
            long size = Files.size(model);
            System.out.printf(
                    "%s: original %d bytes, parts %d bytes (%+.3f %%)%n",
                    model.getFileName(), size, total, 100.0 * (total - size) / size);
            assertTrue(Math.abs(total - size) <= 0.01 * size, "parts add up to the original size");
        }
    }

    @Test
    void splittingIsDeterministic(@TempDir Path dir) throws Exception {
        ModelSplit a = ModelSplitter.split(TestModels.kjv(), List.of(1, 3), Optional.empty())
                .orElseThrow();
        ModelSplit b = ModelSplitter.split(TestModels.kjv(), List.of(3, 1), Optional.empty())
                .orElseThrow();
        assertEquals(a.parts().size(), b.parts().size());
        for (int k = 0; k < a.parts().size(); k++) {
            assertArrayEquals(a.parts().get(k).onnx(), b.parts().get(k).onnx());
        }
        ModelSplit q1 = ModelSplitter.split(TestModels.miniLmQuantized(), List.of(0, 4), Optional.empty())
                .orElseThrow();
        ModelSplit q2 = ModelSplitter.split(TestModels.miniLmQuantized(), List.of(0, 4), Optional.empty())
                .orElseThrow();
        List<Path> first = PartWriter.write(q1, dir.resolve("one"), "minilm").orElseThrow();
        List<Path> second = PartWriter.write(q2, dir.resolve("two"), "minilm").orElseThrow();
        assertEquals(3, first.size());
        for (int k = 0; k < first.size(); k++) {
            assertEquals("minilm.part" + k + ".onnx", first.get(k).getFileName().toString());
            assertArrayEquals(Files.readAllBytes(first.get(k)), Files.readAllBytes(second.get(k)));
        }
    }

    private static void print(String model, ModelSplit split) {
        List<String> lines = new ArrayList<>();
        for (ModelPart part : split.parts()) {
            lines.add("  " + part);
        }
        System.out.println(model + " split " + split.cutsAfterUnit() + ":\n" + String.join("\n", lines));
    }
}
