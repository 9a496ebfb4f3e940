package io.satc.compiler.model.calibration;

import io.satc.compiler.model.OnnxModel;
import io.satc.compiler.model.SplitOptions;
import io.satc.runtime.codec.CodecSpec;
import java.nio.file.Path;
import java.util.List;

/** Locations of the real models and calibration data the calibration tests use. */
final class CalibrationFiles {
    private CalibrationFiles() {}

    static final List<CodecSpec> CODECS = List.of(
            CodecSpec.NONE,
            CodecSpec.FP16,
            CodecSpec.INT8,
            CodecSpec.INT4,
            CodecSpec.topK(500_000),
            CodecSpec.topK(250_000),
            CodecSpec.topK(100_000));

    static Path repoRoot() {
        return io.satc.compiler.testing.RepoPaths.root();
    }

    /** A model read the way lowering reads it (default block patterns). */
    static OnnxModel model(Path file) {
        return OnnxModel.read(file, SplitOptions.defaults()).orElseThrow();
    }

    static Path kjv() {
        return repoRoot().resolve("models/kjv-char-gpt/model.onnx");
    }

    static Path kjvVocab() {
        return repoRoot().resolve("models/kjv-char-gpt/vocab.json");
    }

    static Path kjvText() {
        return repoRoot().resolve("models/kjv-char-gpt/calibration.txt");
    }

    static Path miniLm() {
        return repoRoot().resolve("examples/models/all-minilm-l6-v2/all-minilm-l6-v2.onnx");
    }

    static Path miniLmQuantized() {
        return repoRoot().resolve("examples/models/all-minilm-l6-v2-q/all-minilm-l6-v2-q.onnx");
    }

    static Path miniLmTokenizer() {
        return repoRoot().resolve("examples/models/all-minilm-l6-v2/all-minilm-l6-v2-tokenizer.json");
    }

    static Path miniLmSentences() {
        return repoRoot().resolve("data/calibration/minilm-sentences.txt");
    }
}
