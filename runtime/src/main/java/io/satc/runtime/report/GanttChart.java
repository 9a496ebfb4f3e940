package io.satc.runtime.report;

/**
 * A schedule drawn as a Gantt chart: one lane per resource, one bar per micro-batch, one colour
 * per micro-batch; the predicted chart of report.html and the measured one a run adds.
 */
public final class GanttChart {

    /** The width of every drawing in report.html, in CSS pixels. */
    public static final double WIDTH = 960;

    private static final String[] PALETTE = {
        "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7"
    };

    private GanttChart() {}

    public static Svg of(Schedule s) {
        double left = 190;
        double lane = 18;
        double top = 10;
        double plot = WIDTH - left - 20;
        double scale = s.makespan() > 0 ? plot / s.makespan() : 0;
        Svg.Builder b = new Svg.Builder();
        int lanes = s.resources().size();
        for (int r = 0; r < lanes; r++) {
            double y = top + r * lane;
            b.text(left - 6, y + 12, "end", s.resources().get(r));
            b.line(left, y + lane, left + plot, y + lane, "#eee");
            for (int i = 0; i < s.start().length; i++) {
                double w = (s.finish()[i][r] - s.start()[i][r]) * scale;
                b.rect(
                        left + s.start()[i][r] * scale,
                        y + 2,
                        Math.max(0.5, w),
                        lane - 4,
                        PALETTE[i % PALETTE.length],
                        "micro-batch " + (i + 1) + " on " + s.resources().get(r) + ": "
                                + Figures.seconds(s.start()[i][r]) + " to " + Figures.seconds(s.finish()[i][r]));
            }
        }
        double axisY = top + lanes * lane + 14;
        for (int t = 0; t <= 4; t++) {
            double x = left + plot * t / 4.0;
            b.line(x, top, x, axisY - 10, "#ccc");
            // The last label ends at its tick: centred, it would run past the drawing's right edge and be cut off.
            b.text(x, axisY, t == 4 ? "end" : "middle", Figures.seconds(s.makespan() * t / 4.0));
        }
        return b.build(WIDTH, axisY + 10);
    }
}
