package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.sema.AnalyzedMission.LinkFacts;
import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.LinkDecl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The {@code link a -> b { rate; distance | latency }} declarations: both ends must be declared
 * nodes (resolved in {@link NodeNames}) and differ, each direction is declared once, and the
 * propagation delay comes from the distance at the speed of light or from a measured latency.
 * A {@code <->} link gives one {@link LinkFacts} per direction.
 */
final class LinkChecker {

    static final List<String> KEYS = List.of("rate", "distance", "latency");

    private static final double SPEED_OF_LIGHT_M_PER_S = 299_792_458.0;

    private final CheckContext ctx;
    private final NodeNames names;

    LinkChecker(CheckContext ctx, NodeNames names) {
        this.ctx = ctx;
        this.names = names;
    }

    List<LinkFacts> check(List<LinkDecl> decls) {
        List<LinkFacts> out = new ArrayList<>();
        Map<String, LinkDecl> seen = new HashMap<>();
        for (LinkDecl l : decls) {
            String where = "link `" + l.from().text() + (l.bidirectional() ? " <-> " : " -> ") + l.to().text() + "`";
            Attributes attrs =
                    l.body().map(b -> ctx.blocks().attributes(b, where, KEYS)).orElse(Attributes.NONE);
            boolean endsOk = names.resolve(l.from()) & names.resolve(l.to());
            if (endsOk && l.from().text().equals(l.to().text())) {
                ctx.diags()
                        .report(
                                DiagnosticCode.SELF_LINK,
                                l.from().span().to(l.to().span()),
                                "A link from `" + l.from().text() + "` to itself.",
                                "A node needs no link to reach itself; remove it.");
                endsOk = false;
            }
            OptionalDouble rate = rate(l, where, attrs);
            double propagation = propagation(where, attrs);
            if (endsOk) {
                directions(l, rate, propagation, seen, out);
            }
        }
        return out;
    }

    private OptionalDouble rate(LinkDecl l, String where, Attributes attrs) {
        if (attrs.containsKey("rate")) {
            return ctx.values().positive("rate", attrs.get("rate").value(), Dimension.RATE);
        }
        if (!attrs.intended("rate")) {
            ctx.diags()
                    .report(
                            DiagnosticCode.MISSING_ATTRIBUTE,
                            l.from().span().to(l.to().span()),
                            "The " + where + " has no `rate`.",
                            "Add e.g. `{ rate = 0.5 Gbps; distance = 1200 km }`.");
        }
        return OptionalDouble.empty();
    }

    /** Seconds a bit takes to cross the link; 0 when neither distance nor latency is given (or valid). */
    private double propagation(String where, Attributes attrs) {
        if (attrs.containsKey("distance") && attrs.containsKey("latency")) {
            Assignment second = attrs.get("distance").span().start()
                            > attrs.get("latency").span().start()
                    ? attrs.get("distance")
                    : attrs.get("latency");
            ctx.diags()
                    .report(
                            DiagnosticCode.CONFLICTING_ATTRIBUTES,
                            second.key().span(),
                            "The " + where + " gives both `distance` and `latency`.",
                            "Give one: `distance` (propagation at the speed of light) or `latency` (measured).");
            return 0;
        }
        if (attrs.containsKey("distance")) {
            return ctx.values()
                            .nonNegative("distance", attrs.get("distance").value(), Dimension.LENGTH)
                            .orElse(0)
                    / SPEED_OF_LIGHT_M_PER_S;
        }
        if (attrs.containsKey("latency")) {
            return ctx.values()
                    .nonNegative("latency", attrs.get("latency").value(), Dimension.TIME)
                    .orElse(0);
        }
        return 0;
    }

    /** Adds a link's directions not declared before (a repeat is reported once per declaration). */
    private void directions(
            LinkDecl l, OptionalDouble rate, double propagation, Map<String, LinkDecl> seen, List<LinkFacts> out) {
        List<String[]> edges = new ArrayList<>();
        edges.add(new String[] {l.from().text(), l.to().text()});
        if (l.bidirectional()) {
            edges.add(new String[] {l.to().text(), l.from().text()});
        }
        boolean reported = false;
        for (String[] e : edges) {
            String key = e[0] + "\u0000" + e[1];
            LinkDecl first = seen.get(key);
            if (first != null) {
                if (!reported) {
                    ctx.diags()
                            .report(
                                    DiagnosticCode.DUPLICATE_LINK,
                                    l.from().span().to(l.to().span()),
                                    "The link `" + e[0] + " -> " + e[1] + "` is declared twice.",
                                    "The first is on line " + ctx.line(first.span())
                                            + "; keep one, or model parallel links as one of their summed rate.");
                    reported = true;
                }
                continue;
            }
            seen.put(key, l);
            if (rate.isPresent()) {
                out.add(new LinkFacts(e[0], e[1], rate.getAsDouble(), propagation));
            }
        }
    }
}
