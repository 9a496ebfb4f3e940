package io.satc.compiler.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.cli.CheckCommand;
import io.satc.compiler.codegen.BundleCompiler;
import io.satc.compiler.codegen.MissionPlanning;
import io.satc.compiler.codegen.PlanOutcome;
import io.satc.compiler.sema.AnalysisResult;
import io.satc.compiler.sema.AnalyzedMission;
import io.satc.compiler.testing.RepoPaths;
import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleRead;
import io.satc.runtime.bundle.BundleReader;
import io.satc.runtime.pipeline.PipelineRunner;
import io.satc.runtime.pipeline.RunOptions;
import io.satc.runtime.pipeline.RunReport;
import io.satc.runtime.pipeline.RunResult;
import io.satc.runtime.report.MeasuredReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/link-bound.sat}, whose links are slower than its compute, compiled and run
 * with {@code --emulate}: the measured makespan is within ±10 % of the cost model's and the
 * bottleneck is the predicted link; the measured report (satc run --report) gets the chart.
 */
class RunEmulationTest {

    @Test
    void emulatedMakespanMatchesTheCostModel(@TempDir Path tmp) throws Exception {
        Path mission = RepoPaths.examples().resolve("link-bound.sat");
        AnalysisResult analysis = CheckCommand.check(mission, "link-bound.sat").analysis();
        AnalyzedMission m = analysis.mission().orElseThrow();
        MissionPlanning.Planned planned = (MissionPlanning.Planned) MissionPlanning.plan(m);
        PlanOutcome outcome = planned.outcome();
        Path dir = tmp.resolve("bundle");
        assertTrue(
                BundleCompiler.compile(
                                analysis.parse().source(),
                                m,
                                planned,
                                dir,
                                "test",
                                io.satc.compiler.testing.TestSigning.signing())
                        instanceof BundleCompiler.Written);
        Bundle bundle = ((BundleRead.Loaded) new BundleReader().read(dir)).bundle();
        // Time scale 4: about 0.85 s, long enough that this busy 2-core machine keeps up with the emulated hardware.
        RunOptions options = RunOptions.emulate(4).withWarmUp(true);
        RunReport report = null;
        double error = Double.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && Math.abs(error) > 0.10; attempt++) {
            RunResult r = new PipelineRunner().run(bundle, options);
            assertTrue(r instanceof RunResult.Completed, () -> "run failed: " + r);
            report = ((RunResult.Completed) r).report();
            error = report.makespanMeasured() / report.makespanPredicted() - 1;
        }
        double finalError = error;
        RunReport last = report;
        assertTrue(Math.abs(finalError) <= 0.10, () -> "makespan off by " + 100 * finalError + " %: " + last.toJson());
        assertEquals("link cam -> worker", report.bottleneckPredicted());
        assertEquals(report.bottleneckPredicted(), report.bottleneckMeasured());
        assertEquals(16, report.outputs().size());
        String html = MeasuredReport.render(dir, bundle.manifest(), report).orElseThrow();
        assertTrue(html.contains("Pipeline: measured (emulate, time scale 4.0)"), html);
    }
}
