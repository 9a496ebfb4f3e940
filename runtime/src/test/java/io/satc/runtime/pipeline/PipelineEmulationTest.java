package io.satc.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.TestBundles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PipelineEmulationTest {

    private final PipelineRunner runner = new PipelineRunner();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "M = {0}")
    @ValueSource(ints = {1, 4, 16})
    void measuredMakespanMatchesTheCostModel(int microBatches) throws Exception {
        Bundle bundle = TestBundles.write(dir, TestBundles.emulation(microBatches));
        RunReport report = assertInstanceOf(RunResult.Completed.class,
                runner.run(bundle, RunOptions.emulate(1.0).withTimeout(Duration.ofSeconds(30)))).report();
        PredictedPipeline predicted = PredictedPipeline.of(bundle.manifest());
        double ideal = microBatches * predicted.maxServiceS() / predicted.makespanS();
        System.out.printf(Locale.ROOT, "emulate M=%2d: makespan predicted %.4f s, measured %.4f s (%+.1f %%); "
                        + "efficiency %.3f (cost model %.3f); bottleneck %s%n", microBatches,
                report.makespanPredicted(), report.makespanMeasured(),
                100 * (report.makespanMeasured() / report.makespanPredicted() - 1), report.efficiency(), ideal,
                report.bottleneckMeasured());
        assertEquals(bundle.manifest().predicted().makespanS(), report.makespanPredicted(), 1e-12);
        assertEquals(report.makespanPredicted(), report.makespanMeasured(), 0.10 * report.makespanPredicted());
        assertEquals("link leo-2 -> leo-3", report.bottleneckPredicted());
        assertEquals(report.bottleneckPredicted(), report.bottleneckMeasured());
        for (ResourceReport r : report.resources()) {
            assertEquals(r.predictedSeconds(), r.measuredSeconds(), 0.1 * r.predictedSeconds() + 0.001, r.name());
        }
        assertEquals(microBatches, report.outputs().size());
        if (microBatches == 16) {
            assertTrue(report.efficiency() >= 0.9, "pipelining efficiency " + report.efficiency());
        }
    }

    @Test
    void timeScaleStretchesEveryPredictedTime() throws Exception {
        Bundle bundle = TestBundles.write(dir, TestBundles.emulation(4));
        RunReport report = assertInstanceOf(RunResult.Completed.class,
                runner.run(bundle, RunOptions.emulate(0.5).withTimeout(Duration.ofSeconds(30)))).report();
        assertEquals(0.5, report.timeScale());
        assertEquals(bundle.manifest().predicted().makespanS(), report.makespanPredictedUnscaled(), 1e-12);
        assertEquals(0.5 * report.makespanPredictedUnscaled(), report.makespanPredicted(), 1e-12);
        assertEquals(report.makespanPredicted(), report.makespanMeasured(), 0.15 * report.makespanPredicted());
        assertTrue(report.toJson().contains("\"time_scale\" : 0.5"));
    }

    @Test
    void aStageSlowerThanItsBudgetIsReported() throws Exception {
        Bundle bundle = TestBundles.write(dir, TestBundles.emulation(2));
        StageComputeFactory slowStageOne = (b, stage) -> {
            SyntheticCompute synthetic = SyntheticCompute.of(stage);
            return (input, id) -> {
                if (stage.index() == 1 && id >= 0) {
                    Thread.sleep(12);
                }
                return synthetic.apply(input, id);
            };
        };
        RunReport report = assertInstanceOf(RunResult.Completed.class, runner.run(bundle,
                RunOptions.emulate(1.0).withComputes(slowStageOne).withTimeout(Duration.ofSeconds(30)))).report();
        assertEquals(1, report.warnings().size(), report.warnings().toString());
        String warning = report.warnings().get(0);
        assertTrue(warning.startsWith("This machine is slower than the emulated hardware for stage 1 on leo-1 at "
                + "time scale 1:"), warning);
        assertTrue(warning.contains("on 2 of 2 micro-batches"), warning);
        assertTrue(report.resource("stage 1 on leo-1").workSeconds() > 0.012);
    }
}
