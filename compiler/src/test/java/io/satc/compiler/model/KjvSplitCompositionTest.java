package io.satc.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KjvSplitCompositionTest {

    @Test
    void everyCutSetComposesToTheWholeModel() throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Random random = new Random(7);
        long[][] ids = new long[2][37];
        for (long[] row : ids) {
            for (int i = 0; i < row.length; i++) {
                row[i] = 1 + random.nextInt(63);
            }
        }
        try (OnnxTensor input = OnnxTensor.createTensor(env, ids)) {
            Map<String, OnnxTensor> feeds = Map.of("input_ids", input);
            float[] expected = PartChain.runWhole(Files.readAllBytes(TestModels.kjv()), feeds)
                    .get("logits");
            assertEquals(2 * 37 * 64, expected.length);
            for (int mask = 0; mask < 32; mask++) {
                List<Integer> cuts = new ArrayList<>();
                for (int j = 0; j < 5; j++) {
                    if ((mask & (1 << j)) != 0) {
                        cuts.add(j);
                    }
                }
                ModelSplit split = ModelSplitter.split(TestModels.kjv(), cuts, Optional.empty())
                        .orElseThrow();
                assertEquals(cuts.size() + 1, split.parts().size());
                float[] actual = PartChain.run(split, feeds).get("logits");
                double diff = maxAbsDiff(expected, actual);
                assertTrue(diff <= 1e-4, "cuts " + cuts + ": max abs diff " + diff);
            }
        }
    }

    static double maxAbsDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
