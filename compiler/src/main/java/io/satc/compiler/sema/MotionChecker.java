package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.sema.AnalyzedMission.GroundFacts;
import io.satc.compiler.sema.AnalyzedMission.LinkFacts;
import io.satc.compiler.sema.AnalyzedMission.SatelliteFacts;
import io.satc.compiler.source.Span;
import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.LinkDecl;
import io.satc.compiler.syntax.ast.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of a mission that moves (it has a {@code horizon}) that no single block can check: a
 * declared link between two orbiting satellites takes its delay from their orbits, so it gives no
 * {@code distance} or {@code latency}; and the sink must be reachable at all, by a {@code downlink}
 * contact or a declared link. Reachability over time is the planner's: it reports dark windows.
 */
final class MotionChecker {

    private final CheckContext ctx;

    MotionChecker(CheckContext ctx) {
        this.ctx = ctx;
    }

    void check(
            List<LinkDecl> decls,
            List<SatelliteFacts> satellites,
            List<GroundFacts> grounds,
            List<LinkFacts> links,
            String sink,
            Span sinkAt) {
        Set<String> orbiting = new HashSet<>();
        satellites.stream().filter(s -> s.orbit().isPresent()).forEach(s -> orbiting.add(s.name()));
        for (LinkDecl l : decls) {
            if (!orbiting.contains(l.from().text())
                    || !orbiting.contains(l.to().text())
                    || l.body().isEmpty()) {
                continue;
            }
            for (Statement s : l.body().get().statements()) {
                if (s instanceof Assignment a
                        && (a.key().text().equals("distance") || a.key().text().equals("latency"))) {
                    ctx.diags()
                            .report(
                                    DiagnosticCode.ORBIT_LINK_DELAY,
                                    a.key().span(),
                                    "The link `" + l.from().text() + (l.bidirectional() ? " <-> " : " -> ")
                                            + l.to().text() + "` joins two orbiting satellites, so its `"
                                            + a.key().text() + "` is not fixed.",
                                    "Remove it: the delay follows from the range between their orbits, which the"
                                            + " planner takes at its worst in each window.");
                }
            }
        }
        boolean downlink = grounds.stream()
                .anyMatch(
                        g -> g.name().equals(sink) && g.downlinkBitsPerSecond().isPresent());
        boolean linked = links.stream().anyMatch(l -> l.to().equals(sink));
        if (!downlink && !linked) {
            ctx.diags()
                    .report(
                            DiagnosticCode.NO_ROUTE,
                            sinkAt,
                            "Nothing can reach the sink `" + sink + "`: it has no `downlink` and no link leads to it.",
                            "Give the station `downlink = 0.5 Gbps` (with its `latitude` and `longitude`) so that"
                                    + " satellites passing over it can send to it.");
        }
    }
}
