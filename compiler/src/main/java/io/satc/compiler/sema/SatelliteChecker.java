package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.sema.AnalyzedMission.CircularOrbit;
import io.satc.compiler.sema.AnalyzedMission.SatelliteFacts;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.Ident;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The attributes of one declared {@code satellite}: its compute and memory (a satellite that
 * computes needs both), power, and either its orbit, {@code orbit = elements(...)} (mission
 * language 2, which needs a {@code horizon}), or the informative altitude and inclination.
 */
final class SatelliteChecker {

    static final List<String> KEYS = List.of("compute", "memory", "power", "orbit", "altitude", "inclination");

    private final CheckContext ctx;
    private final boolean moving;
    private final OrbitReader orbits;

    /** {@code moving}: the mission has a {@code horizon}, so an orbit means something. */
    SatelliteChecker(CheckContext ctx, boolean moving) {
        this.ctx = ctx;
        this.moving = moving;
        this.orbits = new OrbitReader(ctx);
    }

    SatelliteFacts check(Ident name, BlockDecl b) {
        Attributes attrs = ctx.blocks().attributes(b.body(), "satellite `" + name.text() + "`", KEYS);
        ValueReader values = ctx.values();
        OptionalDouble compute = values.positive(attrs, "compute", Dimension.COMPUTE);
        OptionalDouble memory = values.positive(attrs, "memory", Dimension.DATA);
        values.positive(attrs, "power", Dimension.POWER);
        attrs.value("altitude").ifPresent(v -> values.nonNegative("altitude", v, Dimension.LENGTH));
        attrs.value("inclination").ifPresent(v -> values.quantity("inclination", v, Dimension.ANGLE));
        Optional<CircularOrbit> orbit = attrs.value("orbit").flatMap(orbits::elements);
        if (attrs.containsKey("orbit")) {
            for (String informative : List.of("altitude", "inclination")) {
                if (attrs.containsKey(informative)) {
                    ctx.diags()
                            .report(
                                    DiagnosticCode.CONFLICTING_ATTRIBUTES,
                                    attrs.get(informative).key().span(),
                                    "Satellite `" + name.text() + "` gives `" + informative + "` beside its `orbit`.",
                                    "Give the " + informative + " inside `orbit = elements(...)` only.");
                }
            }
            if (!moving) {
                ctx.diags()
                        .report(
                                DiagnosticCode.ORBIT_WITHOUT_HORIZON,
                                attrs.get("orbit").key().span(),
                                "The `orbit` of satellite `" + name.text()
                                        + "` has no effect: the mission has no `horizon`.",
                                "Without a horizon the mission is a snapshot planned over its declared links; add"
                                        + " `horizon { start = \"...\"; duration = ... }` to plan over the orbits.");
            }
        }
        if (attrs.containsKey("compute") && !attrs.intended("memory")) {
            ctx.diags()
                    .report(
                            DiagnosticCode.MISSING_ATTRIBUTE,
                            name.span(),
                            "Satellite `" + name.text() + "` has `compute` but no `memory`.",
                            "Add e.g. `memory = 8 GB`; the planner needs it to place model units.");
        }
        return new SatelliteFacts(name.text(), compute, memory, moving ? orbit.map(o -> o) : Optional.empty());
    }
}
