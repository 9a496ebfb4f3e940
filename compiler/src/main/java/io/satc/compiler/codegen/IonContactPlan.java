package io.satc.compiler.codegen;

import io.satc.compiler.orbit.Contact;
import io.satc.compiler.orbit.ContactKind;
import io.satc.compiler.orbit.ContactPlan;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The contact plan as ION's {@code ionadmin} commands (ionrc(5)): {@code a contact} and
 * {@code a range} lines, times relative to an {@code @} reference set to the horizon start.
 *
 * <p>ION numbers its nodes: satellites get 1 .. N in the plan's order, ground stations N+1 ..
 * N+M, printed as comments. ION contacts are one-way: an ISL gives one line each way, a ground
 * contact the downlink (satellite to station) only, rates in bytes per second (bit/s / 8, rounded
 * down). Times are whole seconds, rounded inwards (start up, end down) so a contact never claims a
 * second the link is down; a contact shorter than that disappears. ION ranges are whole
 * light-seconds: the one-way light time at the contact's largest range, rounded up, so every LEO
 * link gets 1. Each range names the lower node first, which ION takes for both directions.
 */
public final class IonContactPlan {

    private static final DateTimeFormatter ION_TIME =
            DateTimeFormatter.ofPattern("uuuu/MM/dd-HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private IonContactPlan() {}

    public static String render(ContactPlan plan) {
        Map<String, Integer> node = new HashMap<>();
        StringBuilder sb = new StringBuilder();
        sb.append("# satc contact plan for ION's ionadmin: horizon ")
                .append(plan.horizon().start())
                .append(" for ")
                .append(ContactPlanJson.fixed(plan.horizon().durationSeconds()).toPlainString())
                .append(" s\n");
        sb.append("# times: seconds after the @ reference (the horizon start), rounded inwards to whole seconds\n");
        sb.append("# rates: bytes/s; ranges: one-way light time in whole light-seconds, rounded up\n");
        sb.append("# ION node numbers:\n");
        int n = 0;
        for (String s : plan.satellites()) {
            node.put(s, ++n);
            sb.append("#   ").append(n).append(' ').append(s).append('\n');
        }
        for (String g : plan.stations()) {
            node.put(g, ++n);
            sb.append("#   ").append(n).append(' ').append(g).append('\n');
        }
        sb.append("@ ").append(ION_TIME.format(plan.horizon().start())).append('\n');
        for (Contact c : plan.contacts()) {
            long start = (long) Math.ceil(c.startSeconds());
            long end = (long) Math.floor(c.endSeconds());
            if (start >= end) {
                continue;
            }
            int a = node.get(c.a());
            int b = node.get(c.b());
            long rate = (long) Math.floor(c.rateBitsPerSecond() / 8);
            contact(sb, start, end, a, b, rate);
            if (c.kind() == ContactKind.ISL) {
                contact(sb, start, end, b, a, rate);
            }
            long owlt = Math.max(1, (long) Math.ceil(c.maxLightTimeSeconds()));
            sb.append(String.format(
                    Locale.ROOT, "a range +%d +%d %d %d %d\n", start, end, Math.min(a, b), Math.max(a, b), owlt));
        }
        return sb.toString();
    }

    private static void contact(StringBuilder sb, long start, long end, int from, int to, long rate) {
        sb.append(String.format(Locale.ROOT, "a contact +%d +%d %d %d %d\n", start, end, from, to, rate));
    }
}
