package io.satc.compiler.model;

import java.nio.file.Path;

/** Locations of the real models the model tests use. */
final class TestModels {
    private TestModels() {}

    static Path repoRoot() {
        return io.satc.compiler.testing.RepoPaths.root();
    }

    static Path kjv() {
        return repoRoot().resolve("models/kjv-char-gpt/model.onnx");
    }

    static Path miniLm() {
        return repoRoot().resolve("examples/models/all-minilm-l6-v2/all-minilm-l6-v2.onnx");
    }

    static Path miniLmQuantized() {
        return repoRoot().resolve("examples/models/all-minilm-l6-v2-q/all-minilm-l6-v2-q.onnx");
    }
}
