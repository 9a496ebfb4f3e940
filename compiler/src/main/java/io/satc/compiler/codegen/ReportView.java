package io.satc.compiler.codegen;

import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.plan.BaselineResult;
import io.satc.compiler.plan.Evaluation;
import io.satc.compiler.plan.Resource;
import io.satc.runtime.report.GanttChart;
import io.satc.runtime.report.Schedule;
import io.satc.runtime.report.Svg;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data of report.html, precomputed: the summary table and every drawing as plain shapes
 * (the template only prints). Deterministic: positions depend only on the plan.
 */
final class ReportView {

    private static final double WIDTH = GanttChart.WIDTH;

    private ReportView() {}

    /** The predicted schedule's steps: every resource of the plan, in order. */
    static List<Schedule.Step> predictedSteps(Evaluation e) {
        List<Schedule.Step> steps = new ArrayList<>();
        for (Resource r : e.resources()) {
            steps.add(new Schedule.Step(PlanFacts.describe(r), r.serviceSeconds(), r.delaySeconds()));
        }
        return steps;
    }

    static Map<String, Object> model(PlanOutcome outcome, Map<String, Object> header) {
        PlacementProblem p = outcome.problem();
        Evaluation e = outcome.evaluation().orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>(header);
        List<Map<String, String>> summary = new ArrayList<>();
        summary.add(row("plan", e.plan().toString()));
        summary.add(row("predicted latency", Quantities.seconds(e.latencySeconds())));
        summary.add(row("communication", Quantities.bytes(e.commBytes())));
        summary.add(row(
                "predicted accuracy loss",
                Quantities.percent(e.accuracyLoss()) + " of " + Quantities.percent(p.maxLoss())));
        summary.add(row("compression at the cuts", Quantities.ratio(e.compressionRatio())));
        summary.add(row(
                "bottleneck", PlanFacts.bottleneck(e).map(PlanFacts::describe).orElse("none")));
        m.put("summary", summary);
        m.put("microBatches", p.microBatches());
        m.put("ganttPredicted", GanttChart.of(Schedule.of(predictedSteps(e), p.microBatches())));
        m.put("constellation", constellation(p, e));
        m.put("latencyBars", bars(outcome, true));
        m.put("commBars", bars(outcome, false));
        return m;
    }

    static Map<String, String> row(String label, String value) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("label", label);
        r.put("value", value);
        return r;
    }

    private static Svg constellation(PlacementProblem p, Evaluation e) {
        List<ComputeNode> nodes = p.nodes();
        double cx = WIDTH / 2;
        double cy = 200;
        double radius = 160;
        Map<String, double[]> at = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            double a = 2 * Math.PI * i / nodes.size() - Math.PI / 2;
            at.put(nodes.get(i).name(), new double[] {cx + radius * Math.cos(a), cy + radius * Math.sin(a)});
        }
        Set<String> used = new HashSet<>();
        Set<String> stages = new HashSet<>();
        for (Resource r : e.resources()) {
            if (r instanceof Resource.Hop h) {
                used.add(h.from() + "\u0000" + h.to());
            } else {
                stages.add(((Resource.StageWork) r).node());
            }
        }
        Svg.Builder b = new Svg.Builder();
        // Only draw a bounded number of nodes legibly; huge constellations become a ring of dots.
        for (Link l : p.links()) {
            double[] a = at.get(l.from());
            double[] z = at.get(l.to());
            boolean onRoute = used.contains(l.from() + "\u0000" + l.to());
            if (!onRoute) {
                b.line(a[0], a[1], z[0], z[1], "#ccc");
            }
        }
        for (Link l : p.links()) {
            if (used.contains(l.from() + "\u0000" + l.to())) {
                double[] a = at.get(l.from());
                double[] z = at.get(l.to());
                b.line(a[0], a[1], z[0], z[1], "#d62728");
            }
        }
        boolean labels = nodes.size() <= 40;
        for (ComputeNode n : nodes) {
            double[] xy = at.get(n.name());
            String fill = n.name().equals(p.source())
                    ? "#2ca02c"
                    : n.name().equals(p.sink()) ? "#ff7f0e" : stages.contains(n.name()) ? "#1f77b4" : "#999";
            b.circle(
                    xy[0],
                    xy[1],
                    labels ? 7 : 3,
                    fill,
                    n.name() + (n.hasCompute() ? ", " + Quantities.flops(n.computeFlops()) + "/s" : ", relay"));
            if (labels) {
                double dx = xy[0] - cx;
                b.text(xy[0] + (dx >= 0 ? 10 : -10), xy[1] + 4, dx >= 0 ? "start" : "end", n.name());
            }
        }
        return b.build(WIDTH, 400);
    }

    private static Svg bars(PlanOutcome outcome, boolean latency) {
        Evaluation e = outcome.evaluation().orElseThrow();
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        names.add("plan");
        values.add(latency ? e.latencySeconds() : e.commBytes());
        for (BaselineResult b : outcome.baselines()) {
            names.add(b.name());
            values.add(b.feasible() ? (latency ? b.latencySeconds() : b.commBytes()) : Double.NaN);
        }
        double max = values.stream()
                .filter(v -> !v.isNaN())
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(1);
        double left = 150;
        double plot = WIDTH - left - 140;
        double bar = 18;
        Svg.Builder b = new Svg.Builder();
        for (int i = 0; i < names.size(); i++) {
            double y = 10 + i * (bar + 6);
            b.text(left - 6, y + 13, "end", names.get(i));
            Double v = values.get(i);
            if (v.isNaN()) {
                b.text(left + 4, y + 13, "start", "infeasible");
                continue;
            }
            double w = max > 0 ? plot * v / max : 0;
            b.rect(left, y, Math.max(0.5, w), bar, i == 0 ? "#1f77b4" : "#aaa", names.get(i));
            b.text(left + w + 6, y + 13, "start", latency ? Quantities.seconds(v) : Quantities.bytes(v));
        }
        return b.build(WIDTH, 20 + names.size() * (bar + 6));
    }
}
