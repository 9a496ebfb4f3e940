package io.satc.runtime.pipeline;

/** The outcome of {@link PipelineRunner#run}: a complete report, or the failure that stopped the run. */
public sealed interface RunResult permits RunResult.Completed, RunResult.Failed {

    /** Every micro-batch reached the sink. */
    record Completed(RunReport report) implements RunResult {
    }

    /**
     * The run stopped; no outputs are reported because at least one micro-batch is missing.
     *
     * @param failure           the first failure, naming the resource
     * @param completedOutputs  micro-batches that had reached the sink before the stop
     */
    record Failed(PipelineFailure failure, int completedOutputs) implements RunResult {
    }
}
