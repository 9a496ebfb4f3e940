package io.satc.compiler.sema;

import io.satc.compiler.sema.AnalyzedMission.GroundFacts;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.Ident;
import java.util.List;
import java.util.OptionalDouble;

/** The attributes of one declared {@code ground} station: its compute and memory, and its coordinates. */
final class GroundChecker {

    static final List<String> KEYS = List.of("compute", "memory", "latitude", "longitude");

    private final CheckContext ctx;

    GroundChecker(CheckContext ctx) {
        this.ctx = ctx;
    }

    GroundFacts check(Ident name, BlockDecl b) {
        Attributes attrs = ctx.blocks().attributes(b.body(), "ground station `" + name.text() + "`", KEYS);
        ValueReader values = ctx.values();
        OptionalDouble compute = values.positive(attrs, "compute", Dimension.COMPUTE);
        OptionalDouble memory = values.positive(attrs, "memory", Dimension.DATA);
        attrs.value("latitude").ifPresent(v -> values.quantity("latitude", v, Dimension.ANGLE));
        attrs.value("longitude").ifPresent(v -> values.quantity("longitude", v, Dimension.ANGLE));
        return new GroundFacts(name.text(), compute, memory);
    }
}
