package io.satc.runtime.pipeline;

import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleStage;

/**
 * Chooses and creates the {@link StageCompute} for each stage of a bundle before a run; the
 * seam where ONNX execution plugs in.
 */
@FunctionalInterface
public interface StageComputeFactory {

    /**
     * Creates the compute of one stage. An exception fails the run before the clock starts and
     * is reported against the stage.
     */
    StageCompute create(Bundle bundle, BundleStage stage) throws Exception;

    /** {@link SyntheticCompute} for simulation stages; a stage with a model cannot run yet. */
    static StageComputeFactory simulation() {
        return (bundle, stage) -> {
            if (!stage.simulated()) {
                throw new UnsupportedOperationException("Stage " + stage.index() + " has model `"
                        + stage.model().path() + "`, but this runtime has no ONNX execution yet; "
                        + "run a simulation bundle or pass a StageComputeFactory that executes models.");
            }
            return SyntheticCompute.of(stage);
        };
    }
}
