package io.satc.compiler.codegen;

import io.satc.compiler.codegen.DeploymentDiff.Change;
import io.satc.compiler.codegen.DeploymentDiff.Cut;
import io.satc.compiler.codegen.DeploymentDiff.CutChange;
import io.satc.compiler.codegen.DeploymentDiff.Deployment;
import io.satc.compiler.codegen.DeploymentDiff.Result;
import io.satc.compiler.codegen.DeploymentDiff.Side;
import io.satc.compiler.codegen.DeploymentDiff.Stage;
import io.satc.compiler.codegen.DeploymentDiff.StageChange;
import io.satc.compiler.codegen.DeploymentDiff.Uplink;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * {@code satc diff} as text, in the manner of Terraform's plan: {@code +} added, {@code ~}
 * changed, {@code -} removed, then what must be uplinked and the predicted figures before and
 * after, and one closing line that counts the changes.
 */
public final class DiffText {

    private DiffText() {}

    public static String render(Result r) {
        StringBuilder out = new StringBuilder();
        out.append("satc diff ")
                .append(r.before().file())
                .append(" -> ")
                .append(r.after().file())
                .append('\n');
        out.append("  old: ").append(describe(r.before())).append('\n');
        out.append("  new: ").append(describe(r.after())).append('\n');

        out.append("\nStages (by the node that runs them):\n");
        if (r.stages().isEmpty()) {
            out.append("  (no feasible plan on either side)\n");
        }
        for (StageChange s : r.stages()) {
            out.append("  ").append(s.change().mark()).append(' ');
            switch (s.change()) {
                case ADD -> out.append(stage(s.after().get())).append('\n');
                case REMOVE -> out.append(stage(s.before().get())).append('\n');
                case SAME -> out.append(stage(s.after().get())).append('\n');
                case CHANGE -> {
                    Stage a = s.before().get();
                    Stage b = s.after().get();
                    out.append("stage ")
                            .append(b.index())
                            .append(" on ")
                            .append(b.node())
                            .append(": ");
                    if (a.index() != b.index()) {
                        out.append("stage ")
                                .append(a.index())
                                .append(" -> ")
                                .append(b.index())
                                .append(", ");
                    }
                    out.append("units ")
                            .append(units(a))
                            .append(" -> ")
                            .append(units(b))
                            .append('\n');
                }
            }
        }

        out.append("\nUplinks (a part to send to each node whose part changes):\n");
        if (r.uplinks().isEmpty()) {
            out.append("  nothing to uplink\n");
        }
        for (Uplink u : r.uplinks()) {
            Stage s = u.stage();
            out.append(String.format(
                    Locale.ROOT,
                    "  + %-12s units %-10s %10s  part %s  (%s)%n",
                    s.node(),
                    units(s),
                    Quantities.bytes(s.weightBytes()),
                    s.partSha256().substring(0, 12),
                    u.reason()));
        }
        for (Stage s : r.kept()) {
            out.append(String.format(
                    Locale.ROOT,
                    "    %-12s keeps its part %s (same units, same model)%n",
                    s.node(),
                    s.partSha256().substring(0, 12)));
        }

        out.append("\nCodecs per cut:\n");
        if (r.cuts().isEmpty()) {
            out.append("  no cuts on either side\n");
        }
        for (CutChange c : r.cuts()) {
            out.append("  ")
                    .append(c.change().mark())
                    .append(" cut after unit ")
                    .append(c.afterUnit());
            Cut named = c.after().orElseGet(() -> c.before().get());
            out.append(" (").append(named.afterUnitName()).append("): ");
            switch (c.change()) {
                case ADD -> out.append(codec(c.after().get())).append('\n');
                case REMOVE -> out.append(codec(c.before().get())).append('\n');
                case SAME -> out.append(codec(c.after().get())).append('\n');
                case CHANGE ->
                    out.append(codec(c.before().get()))
                            .append(" -> ")
                            .append(codec(c.after().get()))
                            .append('\n');
            }
        }

        out.append("\nPredicted:\n");
        figure(out, "latency", r, Deployment::latencySeconds, Quantities::seconds);
        figure(out, "communication", r, Deployment::commBytes, Quantities::bytes);
        figure(out, "accuracy loss", r, Deployment::accuracyLoss, Quantities::percent);
        if (r.before().deployment().map(d -> d.measuredLoss().isPresent()).orElse(false)
                || r.after().deployment().map(d -> d.measuredLoss().isPresent()).orElse(false)) {
            figure(out, "measured loss", r, d -> d.measuredLoss().orElse(Double.NaN), Quantities::percent);
        }

        out.append('\n').append(closing(r)).append('\n');
        return out.toString().replaceAll(" +\n", "\n");
    }

    private static String describe(Side s) {
        return "mission " + s.mission() + ", "
                + s.deployment()
                        .map(d -> "plan " + d.summary())
                        .orElse("no feasible plan"
                                + (s.reasons().isEmpty()
                                        ? ""
                                        : ": " + s.reasons().get(0)));
    }

    private static String stage(Stage s) {
        return "stage " + s.index() + " on " + s.node() + ": units " + units(s);
    }

    private static String units(Stage s) {
        return s.firstUnit() + ".." + s.lastUnit();
    }

    private static String codec(Cut c) {
        return c.codec() + " (" + Quantities.ratio(c.ratio()) + ", loss " + Quantities.percent(c.loss()) + ")";
    }

    private static void figure(
            StringBuilder out,
            String name,
            Result r,
            ToDoubleFunction<Deployment> value,
            java.util.function.DoubleFunction<String> format) {
        String before = r.before()
                .deployment()
                .map(d -> show(value.applyAsDouble(d), format))
                .orElse("no plan");
        String after = r.after()
                .deployment()
                .map(d -> show(value.applyAsDouble(d), format))
                .orElse("no plan");
        String delta = "";
        if (r.before().deployment().isPresent() && r.after().deployment().isPresent()) {
            double a = value.applyAsDouble(r.before().deployment().get());
            double b = value.applyAsDouble(r.after().deployment().get());
            if (a > 0 && Double.isFinite(a) && Double.isFinite(b)) {
                delta = a == b ? "  (same)" : String.format(Locale.ROOT, "  (%+.1f %%)", 100 * (b - a) / a);
            } else if (a == b) {
                delta = "  (same)";
            }
        }
        out.append(String.format(Locale.ROOT, "  %-14s %12s -> %-12s%s%n", name, before, after, delta));
    }

    private static String show(double v, java.util.function.DoubleFunction<String> format) {
        return Double.isNaN(v) ? "not measured" : format.apply(v);
    }

    private static String closing(Result r) {
        if (!r.changed()) {
            return "No changes: the deployment is the same (stages, parts and codecs).";
        }
        return String.format(
                Locale.ROOT,
                "Deployment changes: %d stage(s) to add, %d to change, %d to remove; %d part(s) to uplink (%s); %d codec"
                        + " change(s).",
                r.count(Change.ADD),
                r.count(Change.CHANGE),
                r.count(Change.REMOVE),
                r.uplinks().size(),
                Quantities.bytes(r.uplinkBytes()),
                r.codecChanges());
    }
}
