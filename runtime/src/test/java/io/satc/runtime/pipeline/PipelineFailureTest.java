package io.satc.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleManifest;
import io.satc.runtime.bundle.BundleWriter;
import io.satc.runtime.bundle.ModelFile;
import io.satc.runtime.bundle.TestBundles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PipelineFailureTest {

    private static final int M = 8;

    private final PipelineRunner runner = new PipelineRunner();

    @TempDir
    Path dir;

    /** Stage {@code failing} throws on micro-batch 3; every other call is the synthetic compute. */
    private static StageComputeFactory throwingOnMicroBatch3(int failing) {
        return (bundle, stage) -> {
            SyntheticCompute synthetic = SyntheticCompute.of(stage);
            return (input, id) -> {
                if (stage.index() == failing && id == 3) {
                    throw new IllegalStateException("Injected fault on micro-batch 3");
                }
                return synthetic.apply(input, id);
            };
        };
    }

    private RunOptions options(TimingMode mode) {
        return (mode == TimingMode.NATIVE ? RunOptions.nativeSpeed() : RunOptions.emulate(0.5))
                .withTimeout(Duration.ofSeconds(20))
                .withStallTimeout(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @EnumSource(TimingMode.class)
    void aThrowingStageStopsTheRunAndIsNamed(TimingMode mode) throws Exception {
        Bundle bundle = TestBundles.write(dir, TestBundles.relayed(M));
        RunResult result = assertTimeoutPreemptively(
                Duration.ofSeconds(15), () -> runner.run(bundle, options(mode).withComputes(throwingOnMicroBatch3(2))));
        RunResult.Failed failed = assertInstanceOf(RunResult.Failed.class, result);
        PipelineFailure failure = failed.failure();
        assertEquals("stage 2 on leo-2", failure.resource());
        assertEquals("stage", failure.kind());
        assertEquals(OptionalLong.of(3), failure.microBatch());
        assertEquals(
                "Stage 2 on leo-2 failed on micro-batch 3: IllegalStateException: Injected fault on "
                        + "micro-batch 3.",
                failure.message());
        assertTrue(failed.completedOutputs() <= 3, "only micro-batches before the fault can have arrived");
        assertNoPipelineThreadsLeft();
    }

    @Test
    void aStuckStageFailsOnTheStallTimeoutInsteadOfHanging() throws Exception {
        Bundle bundle = TestBundles.write(dir, TestBundles.relayed(M));
        StageComputeFactory stuck = (b, stage) -> {
            SyntheticCompute synthetic = SyntheticCompute.of(stage);
            return (input, id) -> {
                if (stage.index() == 3 && id == 1) {
                    Thread.sleep(60_000);
                }
                return synthetic.apply(input, id);
            };
        };
        RunResult result = assertTimeoutPreemptively(
                Duration.ofSeconds(15),
                () -> runner.run(
                        bundle,
                        RunOptions.nativeSpeed()
                                .withComputes(stuck)
                                .withStallTimeout(Duration.ofMillis(400))
                                .withTimeout(Duration.ofSeconds(10))));
        PipelineFailure failure =
                assertInstanceOf(RunResult.Failed.class, result).failure();
        assertEquals("stage 3 on leo-3", failure.resource(), failure.message());
        assertEquals(OptionalLong.of(1), failure.microBatch());
        assertTrue(failure.message().startsWith("Stage 3 on leo-3 made no progress for "), failure.message());
        assertTrue(failure.message().contains(" stalled: No "), failure.message());
        assertNoPipelineThreadsLeft();
    }

    @Test
    void theRunTimeoutBoundsEveryRun() throws Exception {
        Bundle bundle = TestBundles.write(dir, TestBundles.emulation(M));
        RunResult result = assertTimeoutPreemptively(
                Duration.ofSeconds(15),
                () -> runner.run(bundle, RunOptions.emulate(10).withTimeout(Duration.ofMillis(500))));
        PipelineFailure failure =
                assertInstanceOf(RunResult.Failed.class, result).failure();
        assertEquals("pipeline", failure.resource());
        assertTrue(failure.message().startsWith("The run exceeded its timeout of 0.5 s with "), failure.message());
        assertNoPipelineThreadsLeft();
    }

    @Test
    void aModelOnnxRuntimeCannotLoadFailsBeforeStarting() throws Exception {
        BundleManifest m = TestBundles.relayed(M);
        java.nio.file.Files.createDirectories(dir.resolve("stages/leo-3"));
        java.nio.file.Files.write(dir.resolve("stages/leo-3/model.onnx"), new byte[] {42});
        ModelFile model = new BundleWriter().modelFile(dir, "stages/leo-3/model.onnx");
        Bundle bundle = TestBundles.write(dir, m.withModel(3, model));
        PipelineFailure failure = assertInstanceOf(RunResult.Failed.class, runner.run(bundle, RunOptions.nativeSpeed()))
                .failure();
        assertEquals("stage 3 on leo-3", failure.resource());
        assertTrue(
                failure.message()
                        .startsWith("Stage 3 on leo-3 could not start: ONNX Runtime "
                                + "cannot load `stages/leo-3/model.onnx`: "),
                failure.message());
    }

    private static void assertNoPipelineThreadsLeft() {
        List<String> left = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("satc ") && t.isAlive()) {
                left.add(t.getName());
            }
        }
        assertEquals(List.of(), left);
    }
}
