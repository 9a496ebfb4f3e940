package io.satc.runtime.pipeline;

import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * Prints pipelining efficiency (measured throughput over the bottleneck-bound throughput) and
 * the makespan error for M = 1, 4 and 16 on the emulation test bundle; not a unit test.
 *
 * <pre>
 * mvn -B -q -o -pl runtime test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp runtime/target/test-classes:runtime/target/classes:$(cat runtime/target/cp.txt) \
 *     io.satc.runtime.pipeline.PipelineBench [timeScale] [repeats]
 * </pre>
 */
public final class PipelineBench {

    private PipelineBench() {}

    public static void main(String[] args) throws Exception {
        double timeScale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        PipelineRunner runner = new PipelineRunner();
        Path root = Files.createTempDirectory("satc-bench");
        // JIT-compile the pipeline and codecs first: the first runs in a JVM also pay for compilation
        // threads competing for the cores, which is not what this benchmark measures.
        Bundle warm = TestBundles.write(root.resolve("warm"), TestBundles.emulation(16));
        for (int i = 0; i < 20; i++) {
            runner.run(warm, RunOptions.nativeSpeed());
        }
        System.out.printf(
                Locale.ROOT, "emulate, time scale %s, %d runs per M (median run shown)%n", timeScale, repeats);
        System.out.printf(
                Locale.ROOT,
                "%4s %12s %12s %8s %11s %11s  %s%n",
                "M",
                "predicted_s",
                "measured_s",
                "error",
                "efficiency",
                "cost_model",
                "measured bottleneck");
        for (int m : new int[] {1, 4, 16}) {
            Bundle bundle = TestBundles.write(root.resolve("m" + m), TestBundles.emulation(m));
            RunReport[] reports = new RunReport[repeats];
            for (int r = 0; r < repeats; r++) {
                System.gc();
                RunResult result = runner.run(bundle, RunOptions.emulate(timeScale));
                if (!(result instanceof RunResult.Completed completed)) {
                    throw new IllegalStateException("run failed: " + ((RunResult.Failed) result).failure());
                }
                reports[r] = completed.report();
            }
            Arrays.sort(reports, Comparator.comparingDouble(RunReport::efficiency));
            RunReport median = reports[repeats / 2];
            PredictedPipeline predicted = PredictedPipeline.of(bundle.manifest());
            double ideal = m * predicted.maxServiceS() / predicted.makespanS();
            System.out.printf(
                    Locale.ROOT,
                    "%4d %12.4f %12.4f %+7.2f%% %11.3f %11.3f  %s%n",
                    m,
                    median.makespanPredicted(),
                    median.makespanMeasured(),
                    100 * (median.makespanMeasured() / median.makespanPredicted() - 1),
                    median.efficiency(),
                    ideal,
                    median.bottleneckMeasured());
            median.warnings().forEach(w -> System.out.println("     warning: " + w));
        }
    }
}
