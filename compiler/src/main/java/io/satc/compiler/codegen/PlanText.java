package io.satc.compiler.codegen;

import static io.satc.compiler.codegen.Quantities.bytes;
import static io.satc.compiler.codegen.Quantities.percent;
import static io.satc.compiler.codegen.Quantities.ratio;
import static io.satc.compiler.codegen.Quantities.reduction;
import static io.satc.compiler.codegen.Quantities.seconds;

import io.satc.compiler.lower.CodecOption;
import io.satc.compiler.lower.LinkSchedule;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.plan.BaselineResult;
import io.satc.compiler.plan.Evaluation;
import io.satc.compiler.plan.HorizonEvaluation;
import io.satc.compiler.plan.Plan;
import io.satc.compiler.plan.Resource;
import io.satc.compiler.plan.SearchResult;
import io.satc.compiler.plan.SearchStats;
import io.satc.compiler.plan.StageMemory;
import io.satc.compiler.plan.WindowEvaluation;
import java.util.List;
import java.util.Locale;

/** The one-screen human summary of {@code satc plan}; with {@code explain}, why it is what it is. */
public final class PlanText {

    private PlanText() {}

    public static String render(PlanOutcome outcome, boolean explain) {
        PlacementProblem p = outcome.problem();
        StringBuilder sb = new StringBuilder();
        if (outcome.evaluation().isEmpty()) {
            sb.append("Mission \"").append(p.mission()).append("\" has no feasible plan.\n\n");
            for (String r : ((SearchResult.Infeasible) outcome.result()).reasons()) {
                sb.append("  - ").append(r).append('\n');
            }
            sb.append('\n');
            baselines(sb, outcome);
            search(sb, outcome.problem(), outcome.result().stats());
            return sb.toString();
        }
        Evaluation e = outcome.evaluation().get();
        Plan plan = e.plan();
        sb.append(String.format(
                Locale.ROOT,
                "Mission \"%s\": %d stage%s, latency %s for %d samples in %d micro-batches of %d (cost model %d)%n%n",
                p.mission(),
                plan.stageCount(),
                plan.stageCount() == 1 ? "" : "s",
                seconds(e.latencySeconds()),
                p.batch(),
                p.microBatches(),
                p.microBatchSize(),
                p.costModel()));

        TextTable stages = new TextTable().row("#", "node", "units", "memory used / free", "compute per micro-batch");
        List<Resource.StageWork> works = PlanFacts.stageWorks(e);
        for (int k = 0; k < plan.stageCount(); k++) {
            Resource.StageWork w = works.get(k);
            StageMemory m = e.memory().get(k);
            String free =
                    Double.isInfinite(m.availableBytes()) ? "unbounded" : bytes(m.availableBytes() - m.requiredBytes());
            String units = w.firstUnit() + "-" + w.lastUnit() + " ("
                    + p.units().get(w.firstUnit()).name()
                    + (w.firstUnit() == w.lastUnit()
                            ? ""
                            : " .. " + p.units().get(w.lastUnit()).name()) + ")";
            String compute = seconds(w.computeSeconds())
                    + (w.codingSeconds() > 0 ? " + " + seconds(w.codingSeconds()) + " coding" : "");
            stages.row(
                    Integer.toString(k + 1),
                    w.node() + " (" + PlanFacts.kind(p, w.node()) + ")",
                    units,
                    bytes(m.requiredBytes()) + " / " + free,
                    compute);
        }
        sb.append("Stages\n").append(stages.render("  ")).append('\n');

        if (plan.stageCount() > 1) {
            TextTable cuts = new TextTable()
                    .row("after unit", "codec", "ratio", "loss", "route", "per micro-batch", "link time");
            for (int k = 1; k < plan.stageCount(); k++) {
                int after = plan.stages().get(k - 1).lastUnit();
                CodecOption c = p.codec(plan.cutCodecs().get(k - 1)).orElseThrow();
                List<Resource.Hop> hops = PlanFacts.hops(e, k);
                cuts.row(
                        after + " (" + p.units().get(after).name() + ")",
                        c.name(),
                        ratio(c.ratioPerCut().get(after)),
                        percent(c.lossPerCut().get(after)),
                        route(hops, plan.stages().get(k - 1).node()),
                        bytes(PlanFacts.bytesPerMicrobatch(
                                p, after, c.ratioPerCut().get(after))),
                        linkTime(hops));
            }
            sb.append("Cuts\n").append(cuts.render("  ")).append('\n');
        }
        List<Resource.Hop> in = PlanFacts.hops(e, 0);
        List<Resource.Hop> out = PlanFacts.hops(e, plan.stageCount());
        TextTable io = new TextTable()
                .row(
                        "input",
                        route(in, p.source()),
                        bytes(p.microBatchSize() * p.inputBytesPerSample()) + " per micro-batch",
                        linkTime(in))
                .row(
                        "output",
                        route(out, plan.stages().get(plan.stageCount() - 1).node()),
                        bytes(p.microBatchSize()
                                        * p.units().get(p.units().size() - 1).outBytesPerSample()) + " per micro-batch",
                        linkTime(out));
        sb.append("Transfers\n").append(io.render("  ")).append('\n');

        TextTable totals = new TextTable()
                .row(
                        "latency",
                        seconds(e.latencySeconds()),
                        "bottleneck "
                                + PlanFacts.bottleneck(e)
                                        .map(r -> PlanFacts.describe(r) + ", " + seconds(r.serviceSeconds())
                                                + " per micro-batch")
                                        .orElse("none"))
                .row("communication", bytes(e.commBytes()), "crossing links, per batch")
                .row(
                        "accuracy loss",
                        percent(e.accuracyLoss()),
                        "of a " + percent(p.maxLoss()) + " budget (predicted, additive over cuts)"
                                + outcome.measuredLoss().stream()
                                        .mapToObj(l -> "; measured with all cuts together: " + percent(l))
                                        .findFirst()
                                        .orElse(""))
                .row("compression", ratio(e.compressionRatio()), "total over the cuts");
        sb.append("Totals\n").append(totals.render("  ")).append('\n');
        outcome.horizon().ifPresent(h -> horizon(sb, p, h));
        if (explain) {
            explain(sb, p, e);
        }
        baselines(sb, outcome);
        for (String note : outcome.notes()) {
            sb.append("Note: ").append(note).append('\n');
        }
        search(sb, outcome.problem(), outcome.result().stats());
        return sb.toString();
    }

    /**
     * Cost model 2: the horizon, coverage and dark spans, the worst and mean latency, and the
     * windows as a compact table (consecutive windows with the same downlink satellite in one row).
     */
    private static void horizon(StringBuilder sb, PlacementProblem p, HorizonEvaluation h) {
        LinkSchedule s = p.schedule().orElseThrow();
        List<HorizonRows.Row> dark = HorizonRows.darkSpans(h, p.sink());
        WindowEvaluation worst = h.windows().get(h.worstWindow());
        sb.append(String.format(
                Locale.ROOT,
                "Horizon: one placement for %s from %s, in %d windows%n",
                span(s.durationSeconds()),
                s.start(),
                h.windows().size()));
        sb.append(String.format(
                Locale.ROOT,
                "  coverage %s; %s%n",
                percent(h.coverage()),
                dark.isEmpty()
                        ? "no dark window"
                        : "dark " + span(h.darkSeconds()) + " in " + dark.size() + " span"
                                + (dark.size() == 1 ? "" : "s") + ": "
                                + String.join(
                                        ", ",
                                        dark.stream()
                                                .map(r -> interval(r.startSeconds(), r.endSeconds()))
                                                .toList())));
        sb.append(String.format(
                Locale.ROOT,
                "  latency %s in the worst window (%s), %s on average over the lit time; the figures above"
                        + " describe the worst window%n",
                seconds(h.latencySeconds()),
                interval(worst.startSeconds(), worst.endSeconds()),
                seconds(h.meanLatencySeconds())));
        TextTable t = new TextTable().row("from", "to", "windows", "worst latency", "downlink");
        for (HorizonRows.Row r : HorizonRows.rows(h, p.sink())) {
            t.row(
                    seconds1(r.startSeconds()),
                    seconds1(r.endSeconds()),
                    Integer.toString(r.windows()),
                    r.dark() ? "dark" : seconds(r.latency()),
                    r.downlink());
        }
        sb.append(t.render("  ")).append('\n');
    }

    private static String seconds1(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    private static String interval(double from, double to) {
        return String.format(Locale.ROOT, "%.1f-%.1f s", from, to);
    }

    /** A duration in the largest unit that keeps it readable: 90 min, 162.0 s. */
    private static String span(double seconds) {
        if (seconds >= 3600 && seconds % 3600 == 0) {
            return String.format(Locale.ROOT, "%.0f h", seconds / 3600);
        }
        if (seconds >= 60 && seconds % 60 == 0) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    private static void explain(StringBuilder sb, PlacementProblem p, Evaluation e) {
        sb.append("Why this plan\n");
        PlanFacts.bottleneck(e)
                .ifPresent(r -> sb.append("  - The bottleneck is ")
                        .append(PlanFacts.describe(r))
                        .append(": ")
                        .append(seconds(r.serviceSeconds()))
                        .append(" per micro-batch, paid ")
                        .append(p.microBatches() - 1)
                        .append(" more times after the first micro-batch passes (")
                        .append(seconds((p.microBatches() - 1) * r.serviceSeconds()))
                        .append(").\n"));
        sb.append("  - The first micro-batch crosses every resource: ")
                .append(seconds(e.serviceAndDelaySeconds()))
                .append(".\n");
        for (StageMemory m : e.memory()) {
            if (!Double.isInfinite(m.availableBytes()) && m.requiredBytes() >= 0.9 * m.availableBytes()) {
                sb.append("  - Memory binds on ")
                        .append(m.node())
                        .append(": ")
                        .append(bytes(m.requiredBytes()))
                        .append(" of ")
                        .append(bytes(m.availableBytes()))
                        .append(" used.\n");
            }
        }
        if (p.maxLoss() > 0 && e.accuracyLoss() >= 0.9 * p.maxLoss()) {
            sb.append("  - The accuracy budget binds: ")
                    .append(percent(e.accuracyLoss()))
                    .append(" of ")
                    .append(percent(p.maxLoss()))
                    .append(" used; stronger codecs would exceed it.\n");
        } else if (e.plan().stageCount() > 1) {
            sb.append("  - The accuracy budget does not bind: ")
                    .append(percent(e.accuracyLoss()))
                    .append(" of ")
                    .append(percent(p.maxLoss()))
                    .append(" used.\n");
        }
        if (p.maxStages().isPresent() && e.plan().stageCount() == p.maxStages().getAsInt()) {
            sb.append("  - `max_stages` = ").append(p.maxStages().getAsInt()).append(" binds.\n");
        }
        sb.append('\n');
    }

    private static void baselines(StringBuilder sb, PlanOutcome outcome) {
        TextTable t =
                new TextTable().row("baseline", "latency", "communication", "plan saves (latency, communication)");
        for (BaselineResult b : outcome.baselines()) {
            if (!b.feasible()) {
                t.row(b.name(), "infeasible", "", String.join(" ", b.reasons()));
                continue;
            }
            String saves = outcome.evaluation()
                    .map(e -> reduction(e.latencySeconds(), b.latencySeconds()) + ", "
                            + reduction(e.commBytes(), b.commBytes()))
                    .orElse("");
            t.row(b.name(), seconds(b.latencySeconds()), bytes(b.commBytes()), saves);
        }
        sb.append("Baselines\n").append(t.render("  ")).append('\n');
    }

    private static void search(StringBuilder sb, PlacementProblem p, SearchStats s) {
        sb.append(String.format(
                Locale.ROOT,
                "Search: %d labels expanded, %d generated%s%s.%n",
                s.expanded(),
                s.generated(),
                s.gap() > 0
                        ? String.format(Locale.ROOT, ", optimality gap at most %.2f %%", s.gap() * 100)
                        : ", proven optimal",
                p.schedule().isPresent()
                        ? String.format(
                                Locale.ROOT,
                                "; the node filter left out %d of %d nodes with compute",
                                s.prunedNodes(),
                                p.nodes().stream().filter(n -> n.hasCompute()).count())
                        : ""));
    }

    private static String route(List<Resource.Hop> hops, String from) {
        if (hops.isEmpty()) {
            return from + " (no hop)";
        }
        StringBuilder sb = new StringBuilder(hops.get(0).from());
        hops.forEach(h -> sb.append(" -> ").append(h.to()));
        return sb.toString();
    }

    private static String linkTime(List<Resource.Hop> hops) {
        return seconds(hops.stream()
                .mapToDouble(h -> h.serviceSeconds() + h.delaySeconds())
                .sum());
    }
}
