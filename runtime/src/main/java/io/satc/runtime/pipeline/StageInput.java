package io.satc.runtime.pipeline;

import io.satc.runtime.codec.Activation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a stage computes on for one micro-batch: the activation of the incoming cut and the side
 * inputs its model reads (for example an attention mask), by their model input names.
 *
 * @param main the decoded first frame of the message, the stage's {@code input} descriptor
 * @param side the stage's {@code side_inputs}, in the manifest's order
 */
public record StageInput(Activation main, Map<String, Activation> side) {

    public StageInput {
        side = Collections.unmodifiableMap(new LinkedHashMap<>(side));
    }

    /** An input with no side inputs. */
    public static StageInput of(Activation main) {
        return new StageInput(main, Map.of());
    }
}
