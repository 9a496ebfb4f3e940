package io.satc.runtime.pipeline;

/** The outcome of {@link PipelineRunner#run}: a complete report, or the failure that stopped the run. */
public sealed interface RunResult permits RunResult.Completed, RunResult.Failed {

    /**
     * Every micro-batch reached the sink.
     *
     * @param report   measured against predicted
     * @param received what the sink decoded, one per micro-batch in order
     */
    record Completed(RunReport report, java.util.List<SinkOutput> received) implements RunResult {

        public Completed {
            received = java.util.List.copyOf(received);
        }
    }

    /**
     * The run stopped; no outputs are reported because at least one micro-batch is missing.
     *
     * @param failure           the first failure, naming the resource
     * @param completedOutputs  micro-batches that had reached the sink before the stop
     */
    record Failed(PipelineFailure failure, int completedOutputs) implements RunResult {}
}
