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

    /**
     * {@link SyntheticCompute} for simulation stages and an {@link OnnxStageCompute} (one ONNX
     * Runtime session, one intra-op thread, no spinning) for stages with a model.
     */
    static StageComputeFactory standard() {
        return (bundle, stage) -> stage.simulated() ? SyntheticCompute.of(stage) : OnnxStageCompute.open(bundle, stage);
    }
}
