package io.satc.compiler.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model read once serves every split: cut types inferred for one split are reused, with identical parts. */
class OnnxModelTest {

    @Test
    void aSplitAfterAnotherGivesTheBytesOfAFreshSplit() {
        for (Path file : List.of(TestModels.kjv(), TestModels.miniLmQuantized())) {
            OnnxModel model = OnnxModel.read(file, SplitOptions.defaults()).orElseThrow();
            int units = model.units().orElseThrow().size();
            List<Integer> every =
                    java.util.stream.IntStream.range(0, units - 1).boxed().toList();
            ModelSplitter.split(model, every).orElseThrow();
            ModelSplit reused = ModelSplitter.split(model, List.of(1, 3)).orElseThrow();
            ModelSplit fresh = ModelSplitter.split(
                            OnnxModel.read(file, SplitOptions.defaults()).orElseThrow(), List.of(1, 3))
                    .orElseThrow();
            assertEquals(fresh.parts().size(), reused.parts().size());
            for (int k = 0; k < fresh.parts().size(); k++) {
                assertArrayEquals(
                        fresh.parts().get(k).onnx(), reused.parts().get(k).onnx(), file + " part " + k);
                assertEquals(
                        fresh.parts().get(k).inputs(), reused.parts().get(k).inputs());
            }
        }
    }

    @Test
    void theHashIsTheFilesHash() throws Exception {
        OnnxModel model =
                OnnxModel.read(TestModels.kjv(), SplitOptions.defaults()).orElseThrow();
        byte[] bytes = Files.readAllBytes(TestModels.kjv());
        assertEquals(bytes.length, model.size());
        assertEquals(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), model.sha256());
    }

    @Test
    void aMissingOrForeignFileIsAValue(@TempDir Path dir) throws Exception {
        ModelResult<OnnxModel> missing = OnnxModel.read(dir.resolve("absent.onnx"), SplitOptions.defaults());
        assertEquals(ModelErrorKind.UNREADABLE, missing.failure().orElseThrow().kind());
        Path text = Files.writeString(dir.resolve("text.onnx"), "not a model");
        assertEquals(
                ModelErrorKind.NOT_ONNX,
                OnnxModel.read(text, SplitOptions.defaults())
                        .failure()
                        .orElseThrow()
                        .kind());
    }
}
