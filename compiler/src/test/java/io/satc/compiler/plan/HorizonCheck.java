package io.satc.compiler.plan;

import io.satc.compiler.examples.CostModelCheck;
import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.lower.TimeWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cost model 2 written for the tests from shared/spec/orbits.md §4 alone: every window is costed
 * by {@link CostModelCheck} (cost model 1 from its spec, sharing no code with the planner) over
 * the window's links, a window is dark where some transfer has no route, and the plan's latency,
 * mean latency, dark time and coverage follow from the windows. It re-checks a
 * {@link HorizonEvaluation}: per window the dark flag, the latency and every route, then the totals.
 */
final class HorizonCheck {

    private HorizonCheck() {}

    /** The differences between {@code e} and the spec's evaluation of its plan; empty when they agree. */
    static List<String> differences(PlacementProblem problem, HorizonEvaluation e) {
        List<String> out = new ArrayList<>();
        CostModelCheck.Decision decision =
                CostModelCheck.Decision.parse(e.plan().toString());
        List<TimeWindow> windows = problem.schedule().orElseThrow().windows();
        if (e.windows().size() != windows.size()) {
            out.add(e.windows().size() + " windows evaluated, the schedule has " + windows.size());
            return out;
        }
        double latency = Double.NEGATIVE_INFINITY;
        double weighted = 0.0;
        double covered = 0.0;
        double dark = 0.0;
        boolean placementOk = true;
        for (int w = 0; w < windows.size(); w++) {
            TimeWindow window = windows.get(w);
            List<Link> links = new ArrayList<>(problem.links());
            links.addAll(window.links());
            CostModelCheck.Costing costing = new CostModelCheck(staticProblem(problem, links)).cost(decision);
            boolean isDark = costing.violations().stream().anyMatch(v -> v.startsWith("no route"));
            placementOk &= costing.violations().stream().allMatch(v -> v.startsWith("no route"));
            WindowEvaluation got = e.windows().get(w);
            String at = "window " + w + " [" + window.startSeconds() + ", " + window.endSeconds() + ")";
            if (got.startSeconds() != window.startSeconds() || got.endSeconds() != window.endSeconds()) {
                out.add(at + ": bounds " + got.startSeconds() + ".." + got.endSeconds());
            }
            if (got.dark() != isDark) {
                out.add(at + ": dark " + got.dark() + ", spec " + isDark + " " + costing.violations());
                continue;
            }
            for (int t = 0; t < costing.transfers().size(); t++) {
                List<String> want = costing.transfers().get(t).route();
                if (!want.equals(got.routes().get(t))) {
                    out.add(at + ": transfer " + t + " route " + got.routes().get(t) + ", spec " + want);
                }
            }
            if (isDark) {
                dark += window.durationSeconds();
                continue;
            }
            if (!CostModelCheck.tied(got.latencySeconds(), costing.latency())) {
                out.add(at + ": latency " + got.latencySeconds() + ", spec " + costing.latency());
            }
            covered += window.durationSeconds();
            weighted += window.durationSeconds() * costing.latency();
            latency = Math.max(latency, costing.latency());
        }
        boolean lit = covered > 0;
        if (e.feasible() != (placementOk && lit)) {
            out.add("feasible " + e.feasible() + ", spec " + (placementOk && lit) + " " + e.violations());
        }
        if (!lit) {
            return out;
        }
        double duration = problem.schedule().get().durationSeconds();
        compare(out, "latency", e.latencySeconds(), latency);
        compare(out, "mean latency", e.meanLatencySeconds(), weighted / covered);
        if (e.windows().stream().filter(x -> !x.dark()).count() == 1 && e.meanLatencySeconds() != e.latencySeconds()) {
            out.add("one lit window, but the mean latency " + e.meanLatencySeconds() + " is not its latency");
        }
        compare(out, "coverage", e.coverage(), covered / duration);
        compare(out, "dark seconds", e.darkSeconds(), dark);
        WindowEvaluation worst = e.windows().get(e.worstWindow());
        if (worst.dark() || !CostModelCheck.tied(worst.latencySeconds(), latency)) {
            out.add("worst window " + e.worstWindow() + " has latency " + worst.latencySeconds() + ", spec " + latency);
        }
        return out;
    }

    private static void compare(List<String> out, String what, double got, double want) {
        if (!CostModelCheck.tied(got, want) && Math.abs(got - want) > 1e-12) {
            out.add(what + " " + got + ", spec " + want);
        }
    }

    /** The problem with {@code links} fixed and no schedule: one window as cost model 1 sees it. */
    static PlacementProblem staticProblem(PlacementProblem p, List<Link> links) {
        return new PlacementProblem(
                p.mission(),
                p.units(),
                p.inputBytesPerSample(),
                p.batch(),
                p.microBatches(),
                p.nodes(),
                links,
                p.codecs(),
                p.source(),
                p.sink(),
                p.maxLoss(),
                p.maxStages(),
                Optional.empty());
    }
}
