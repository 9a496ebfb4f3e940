package io.satc.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Splits of the BERT encoder all-MiniLM-L6-v2 compose to the whole model on padded batches. */
class MiniLmSplitCompositionTest {
    private static final int BATCH = 2;
    private static final int SEQ = 9;
    private static final int WIDTH = 384;
    private static final int PADDED = 3;

    private static OnnxTensor ids;
    private static OnnxTensor mask;
    private static OnnxTensor types;
    private static Map<String, OnnxTensor> feeds;

    @BeforeAll
    static void inputs() throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Random random = new Random(11);
        long[][] idValues = new long[BATCH][SEQ];
        long[][] maskValues = new long[BATCH][SEQ];
        for (int b = 0; b < BATCH; b++) {
            int length = b == 1 ? SEQ - PADDED : SEQ;
            idValues[b][0] = 101;
            for (int t = 1; t < length; t++) {
                idValues[b][t] = t == length - 1 ? 102 : 1000 + random.nextInt(28000);
                maskValues[b][t] = 1;
            }
            maskValues[b][0] = 1;
        }
        ids = OnnxTensor.createTensor(env, idValues);
        mask = OnnxTensor.createTensor(env, maskValues);
        types = OnnxTensor.createTensor(env, new long[BATCH][SEQ]);
        feeds = new LinkedHashMap<>();
        feeds.put("input_ids", ids);
        feeds.put("attention_mask", mask);
        feeds.put("token_type_ids", types);
    }

    @AfterAll
    static void close() {
        ids.close();
        mask.close();
        types.close();
    }

    @Test
    void quantizedEveryCutSet() throws Exception {
        Path model = TestModels.miniLmQuantized();
        float[] expected = PartChain.runWhole(Files.readAllBytes(model), feeds).get("last_hidden_state");
        // All 2^7 subsets of the seven cut positions: every single cut, all at once, and everything between.
        List<List<Integer>> cutSets = new ArrayList<>();
        for (int mask = 1; mask < 1 << 7; mask++) {
            List<Integer> cuts = new ArrayList<>();
            for (int j = 0; j <= 6; j++) {
                if ((mask & (1 << j)) != 0) {
                    cuts.add(j);
                }
            }
            cutSets.add(cuts);
        }
        for (List<Integer> cuts : cutSets) {
            ModelSplit split =
                    ModelSplitter.split(model, cuts, Optional.empty()).orElseThrow();
            assertComposes(expected, split, cuts);
        }
    }

    @Test
    void fp32AllCutsComposes() throws Exception {
        Path model = TestModels.miniLm();
        float[] expected = PartChain.runWhole(Files.readAllBytes(model), feeds).get("last_hidden_state");
        List<Integer> cuts = List.of(0, 1, 2, 3, 4, 5, 6);
        ModelSplit split = ModelSplitter.split(model, cuts, Optional.empty()).orElseThrow();
        assertEquals(8, split.parts().size());
        assertComposes(expected, split, cuts);
    }

    private static void assertComposes(float[] expected, ModelSplit split, List<Integer> cuts) throws Exception {
        float[] actual = PartChain.run(split, feeds).get("last_hidden_state");
        assertEquals(expected.length, actual.length);
        double max = 0;
        for (int b = 0; b < BATCH; b++) {
            int length = b == 1 ? SEQ - PADDED : SEQ;
            for (int t = 0; t < length; t++) {
                for (int c = 0; c < WIDTH; c++) {
                    int i = (b * SEQ + t) * WIDTH + c;
                    max = Math.max(max, Math.abs(expected[i] - actual[i]));
                }
            }
        }
        assertTrue(max <= 1e-4, "cuts " + cuts + ": max abs diff " + max);
    }
}
