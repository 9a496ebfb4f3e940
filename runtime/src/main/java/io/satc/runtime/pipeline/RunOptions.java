package io.satc.runtime.pipeline;

import java.time.Duration;
import java.util.List;

/**
 * How {@link PipelineRunner} runs a bundle: timing mode and scale, where stage computes come
 * from, and the limits that keep a broken run from hanging.
 *
 * @param mode           native speed or emulated hardware
 * @param timeScale      emulated seconds per predicted second (1 = real time; 0.1 = ten times faster);
 *                       1 and unused in native mode
 * @param computes       creates each stage's compute
 * @param timeout        the whole run, warm-up included, fails after this long
 * @param stallTimeout   a resource waiting this long for a frame, or for room to put one, fails the run
 * @param warmUp         run each stage once on a synthetic input before the clock starts, so JIT
 *                       compilation and first-call setup are not measured as service time
 * @param inputs         what the source sends, one per micro-batch (the first stage's input and every
 *                       side input of {@code io.inputs}); null for synthetic inputs of the right shapes
 */
public record RunOptions(
        TimingMode mode,
        double timeScale,
        StageComputeFactory computes,
        Duration timeout,
        Duration stallTimeout,
        boolean warmUp,
        List<StageInput> inputs) {

    public RunOptions {
        if (!(timeScale > 0) || !Double.isFinite(timeScale)) {
            throw new IllegalArgumentException("time scale must be positive and finite, was " + timeScale);
        }
        if (timeout.isNegative() || timeout.isZero() || stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        inputs = inputs == null ? null : List.copyOf(inputs);
    }

    /**
     * Native speed, synthetic computes for simulation stages and ONNX Runtime for model stages, a
     * 10-minute run limit and a 1-minute stall limit.
     */
    public static RunOptions nativeSpeed() {
        return new RunOptions(
                TimingMode.NATIVE,
                1.0,
                StageComputeFactory.standard(),
                Duration.ofMinutes(10),
                Duration.ofMinutes(1),
                true,
                null);
    }

    /** Emulated hardware with predicted times multiplied by {@code timeScale}. */
    public static RunOptions emulate(double timeScale) {
        return new RunOptions(
                TimingMode.EMULATE,
                timeScale,
                StageComputeFactory.standard(),
                Duration.ofMinutes(10),
                Duration.ofMinutes(1),
                true,
                null);
    }

    public RunOptions withInputs(List<StageInput> sourceInputs) {
        return new RunOptions(mode, timeScale, computes, timeout, stallTimeout, warmUp, sourceInputs);
    }

    public RunOptions withComputes(StageComputeFactory factory) {
        return new RunOptions(mode, timeScale, factory, timeout, stallTimeout, warmUp, inputs);
    }

    public RunOptions withTimeout(Duration runTimeout) {
        return new RunOptions(mode, timeScale, computes, runTimeout, stallTimeout, warmUp, inputs);
    }

    public RunOptions withStallTimeout(Duration stall) {
        return new RunOptions(mode, timeScale, computes, timeout, stall, warmUp, inputs);
    }

    public RunOptions withWarmUp(boolean warm) {
        return new RunOptions(mode, timeScale, computes, timeout, stallTimeout, warm, inputs);
    }

    /** The factor applied to predicted times: {@link #timeScale} when emulating, 1 natively. */
    public double effectiveScale() {
        return mode == TimingMode.EMULATE ? timeScale : 1.0;
    }
}
