package io.satc.compiler.model.calibration;

import io.satc.compiler.model.OnnxModel;
import io.satc.runtime.codec.CodecSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything a calibration depends on: the model (as loaded, with how its blocks are found), the
 * calibration text and its tokenizer, the sequence length, how many samples to use (the first
 * ones), the metric, the codecs and the cuts (every cut when empty), and the run options. Its
 * content is the cache key.
 */
public record CalibrationRequest(
        OnnxModel model,
        Path text,
        Path tokenizer,
        int sequenceLength,
        int maxSamples,
        CalibrationMetric metric,
        List<CodecSpec> codecs,
        List<Integer> cuts,
        CalibrationOptions options) {
    public CalibrationRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(options, "options");
        codecs = List.copyOf(codecs);
        cuts = List.copyOf(cuts);
    }
}
