package io.satc.compiler.model;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locations of the real models the model tests use. */
final class TestModels {
  private TestModels() {}

  static Path repoRoot() {
    String configured = System.getProperty("satc.repoRoot", "");
    if (!configured.isEmpty() && Files.isDirectory(Path.of(configured, "models"))) {
      return Path.of(configured);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("models/kjv-char-gpt"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }
    return dir;
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
