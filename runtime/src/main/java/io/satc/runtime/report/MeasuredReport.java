package io.satc.runtime.report;

import io.satc.runtime.bundle.BundleHop;
import io.satc.runtime.bundle.BundleManifest;
import io.satc.runtime.bundle.BundleStage;
import io.satc.runtime.pipeline.ResourceReport;
import io.satc.runtime.pipeline.RunReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A bundle's report.html with a run's measurements: the measured section between the markers is
 * replaced, the rest of the report is as compiled. The bundle is only read; where the result goes
 * is the caller's choice ({@code run --report FILE}), never the bundle itself.
 */
public final class MeasuredReport {

    /** Where the measured section of report.html goes; the compiler writes both markers, a run fills what is between. */
    public static final String BEGIN = "<!-- satc:measured:begin -->";

    public static final String END = "<!-- satc:measured:end -->";

    private MeasuredReport() {}

    /**
     * The compiled {@code report.html} of {@code bundleDir} with {@code run}'s measured section;
     * empty when the bundle has no report (or it has no markers).
     */
    public static Optional<String> render(Path bundleDir, BundleManifest manifest, RunReport run) throws IOException {
        Path file = bundleDir.resolve("report.html");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String html = Files.readString(file, StandardCharsets.UTF_8);
        int begin = html.indexOf(BEGIN);
        int end = html.indexOf(END);
        if (begin < 0 || end < begin) {
            return Optional.empty();
        }
        return Optional.of(html.substring(0, begin + BEGIN.length()) + "\n" + fragment(manifest, run) + "\n"
                + html.substring(end));
    }

    /** The measured section: a heading, a note and the Gantt chart rebuilt from the measured service times. */
    static String fragment(BundleManifest manifest, RunReport run) {
        // Resources in pipeline order: the hops of transfer 0, stage 1, the hops of transfer 1, ...
        List<Schedule.Step> steps = new ArrayList<>();
        int k = manifest.stages().size();
        for (int t = 0; t <= k; t++) {
            for (BundleHop h : manifest.hopsOf(t)) {
                steps.add(new Schedule.Step(
                        h.resourceName(), measured(run, h.resourceName()), h.delayS() * run.timeScale()));
            }
            if (t < k) {
                BundleStage s = manifest.stages().get(t);
                steps.add(new Schedule.Step(s.resourceName(), measured(run, s.resourceName()), 0));
            }
        }
        String mode = run.mode().name().toLowerCase(Locale.ROOT)
                + (run.timeScale() != 1 ? ", time scale " + run.timeScale() : "");
        String note =
                "Lanes rebuilt from each resource's measured mean service time per micro-batch; measured makespan "
                        + Figures.seconds(run.makespanMeasured()) + " against "
                        + Figures.seconds(run.makespanPredicted()) + " predicted"
                        + (run.timeScale() != 1 ? " at this time scale" : "") + ".";
        Svg gantt = GanttChart.of(Schedule.of(steps, manifest.microBatches()));
        return "<h2>Pipeline: measured (" + Svg.escape(mode) + ")</h2>\n<p class=\"note\">" + Svg.escape(note)
                + "</p>\n" + gantt.markup("Measured Gantt chart");
    }

    private static double measured(RunReport run, String name) {
        for (ResourceReport r : run.resources()) {
            if (r.name().equals(name)) {
                return r.measuredSeconds();
            }
        }
        return 0;
    }
}
