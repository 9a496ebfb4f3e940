package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.sema.AnalyzedMission.SatelliteFacts;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.Ident;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The attributes of one declared {@code satellite}: its compute and memory (a satellite that
 * computes needs both), power, and orbit altitude and inclination.
 */
final class SatelliteChecker {

    static final List<String> KEYS = List.of("compute", "memory", "power", "altitude", "inclination");

    private final CheckContext ctx;

    SatelliteChecker(CheckContext ctx) {
        this.ctx = ctx;
    }

    SatelliteFacts check(Ident name, BlockDecl b) {
        Attributes attrs = ctx.blocks().attributes(b.body(), "satellite `" + name.text() + "`", KEYS);
        ValueReader values = ctx.values();
        OptionalDouble compute = values.positive(attrs, "compute", Dimension.COMPUTE);
        OptionalDouble memory = values.positive(attrs, "memory", Dimension.DATA);
        values.positive(attrs, "power", Dimension.POWER);
        attrs.value("altitude").ifPresent(v -> values.nonNegative("altitude", v, Dimension.LENGTH));
        attrs.value("inclination").ifPresent(v -> values.quantity("inclination", v, Dimension.ANGLE));
        if (attrs.containsKey("compute") && !attrs.intended("memory")) {
            ctx.diags()
                    .report(
                            DiagnosticCode.MISSING_ATTRIBUTE,
                            name.span(),
                            "Satellite `" + name.text() + "` has `compute` but no `memory`.",
                            "Add e.g. `memory = 8 GB`; the planner needs it to place model units.");
        }
        return new SatelliteFacts(name.text(), compute, memory);
    }
}
