package io.satc.runtime.pipeline;

import io.satc.runtime.codec.Activation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One micro-batch as the sink decoded it: the model's output and the side inputs the sink needs to
 * interpret it (the encoder's attention mask, for pooling).
 *
 * @param microBatch 0 … M−1
 * @param output     the last stage's output activation
 * @param side       the manifest's {@code io.sink_inputs}, by name
 */
public record SinkOutput(long microBatch, Activation output, Map<String, Activation> side) {

    public SinkOutput {
        side = Collections.unmodifiableMap(new LinkedHashMap<>(side));
    }
}
