package io.satc.runtime.pipeline;

import io.satc.runtime.bundle.BundleStage;
import io.satc.runtime.codec.Tensor;

/**
 * The compute of a simulation stage: a synthetic activation of the output shape, seeded by the
 * stage, the micro-batch and the input's checksum, so outputs are reproducible and any change
 * upstream (a corrupted frame, a different codec) changes every checksum after it.
 */
public final class SyntheticCompute implements StageCompute {

    private final int stageIndex;
    private final int[] outputShape;

    public SyntheticCompute(int stageIndex, int[] outputShape) {
        this.stageIndex = stageIndex;
        this.outputShape = outputShape.clone();
    }

    /** The synthetic compute for a bundle stage's index and output descriptor. */
    public static SyntheticCompute of(BundleStage stage) {
        return new SyntheticCompute(stage.index(), stage.output().dimensions());
    }

    @Override
    public Tensor apply(StageInput input, long microBatchId) {
        long seed = SyntheticActivation.seed(stageIndex, microBatchId, SyntheticActivation.checksum(input.main()));
        return SyntheticActivation.fill(outputShape, seed);
    }
}
