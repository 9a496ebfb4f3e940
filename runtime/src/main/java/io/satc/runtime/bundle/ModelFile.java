package io.satc.runtime.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The ONNX model a real (non-simulated) stage executes, with the SHA-256 the reader verifies.
 *
 * @param path   relative to the bundle folder, with {@code /} separators, e.g. {@code stages/leo-1/model.onnx}
 * @param sha256 lowercase hex digest of the file's bytes
 */
public record ModelFile(
        @JsonProperty("path") String path,
        @JsonProperty("sha256") String sha256) {}
