package io.satc.compiler.codegen;

import io.satc.compiler.orbit.Contact;
import io.satc.compiler.orbit.ContactKind;
import io.satc.compiler.orbit.ContactPlan;
import io.satc.compiler.orbit.PropagationFailure;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The text form of a contact plan ({@code satc contacts}): the horizon, satellites left out, a
 * summary per link kind, and one line per ground pass.
 */
public final class ContactPlanText {

    private ContactPlanText() {}

    public static String render(ContactPlan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "Contact plan: %s for %s s, %s, %s\n",
                plan.horizon().start(),
                num(plan.horizon().durationSeconds()),
                count(plan.satellites().size(), "satellite"),
                count(plan.stations().size(), "ground station")));
        for (PropagationFailure f : plan.failures()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "Left out: %s, SGP4 failed at %s s: %s.\n",
                    f.satellite(),
                    num(f.atSeconds()),
                    f.reason()));
        }
        sb.append('\n');
        TextTable summary = new TextTable()
                .row("link", "contacts", "pairs", "up at start", "mean", "shortest", "longest", "range km");
        for (ContactKind kind : ContactKind.values()) {
            List<Contact> cs = plan.contacts(kind);
            if (cs.isEmpty()) {
                summary.row(kind.label(), "0", "0", "0", "-", "-", "-", "-");
                continue;
            }
            Set<String> pairs = new HashSet<>();
            double total = 0;
            double shortest = Double.POSITIVE_INFINITY;
            double longest = 0;
            double minRange = Double.POSITIVE_INFINITY;
            double maxRange = 0;
            int atStart = 0;
            for (Contact c : cs) {
                pairs.add(c.a() + "\n" + c.b());
                total += c.durationSeconds();
                shortest = Math.min(shortest, c.durationSeconds());
                longest = Math.max(longest, c.durationSeconds());
                minRange = Math.min(minRange, c.minRangeKm());
                maxRange = Math.max(maxRange, c.maxRangeKm());
                atStart += c.startSeconds() == 0 ? 1 : 0;
            }
            summary.row(
                    kind.label(),
                    Integer.toString(cs.size()),
                    Integer.toString(pairs.size()),
                    Integer.toString(atStart),
                    num(total / cs.size()) + " s",
                    num(shortest) + " s",
                    num(longest) + " s",
                    num(minRange) + " - " + num(maxRange));
        }
        sb.append(summary.render(""));
        List<Contact> passes = plan.contacts(ContactKind.GROUND);
        sb.append('\n');
        if (passes.isEmpty()) {
            sb.append("No ground passes.\n");
            return sb.toString();
        }
        sb.append("Ground passes:\n");
        TextTable table = new TextTable()
                .row("satellite", "station", "start s", "end s", "duration s", "max elevation", "range km");
        for (Contact c : passes) {
            table.row(
                    c.a(),
                    c.b(),
                    num(c.startSeconds()),
                    num(c.endSeconds()),
                    num(c.durationSeconds()),
                    String.format(Locale.ROOT, "%.1f deg", c.maxElevationDeg().getAsDouble()),
                    num(c.minRangeKm()) + " - " + num(c.maxRangeKm()));
        }
        sb.append(table.render("  "));
        return sb.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String num(double v) {
        return ContactPlanJson.fixed(v).toPlainString();
    }
}
