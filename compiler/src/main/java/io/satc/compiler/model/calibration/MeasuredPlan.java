package io.satc.compiler.model.calibration;

import io.satc.runtime.codec.CodecSpec;
import java.util.List;

/**
 * The end-to-end loss of a plan measured on the calibration set with every cut compressed at
 * once ({@link Calibrator#measure}): the cuts (ascending), one codec per cut, and the loss.
 */
public record MeasuredPlan(List<Integer> cutsAfterUnit, List<CodecSpec> codecs, double loss) {
    public MeasuredPlan {
        cutsAfterUnit = List.copyOf(cutsAfterUnit);
        codecs = List.copyOf(codecs);
        if (cutsAfterUnit.size() != codecs.size()) {
            throw new IllegalArgumentException(cutsAfterUnit.size() + " cuts but " + codecs.size() + " codecs");
        }
    }

    /** Whether this is the measurement of these cuts with these codecs. */
    public boolean of(List<Integer> cuts, List<CodecSpec> codecsAtCuts) {
        return cutsAfterUnit.equals(cuts) && codecs.equals(codecsAtCuts);
    }
}
