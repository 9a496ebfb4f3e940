package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.Ident;
import io.satc.compiler.syntax.ast.Mission;
import io.satc.compiler.syntax.ast.SymbolValue;
import java.util.Optional;

/**
 * The mission's {@code source} (the satellite that captures the batch) and {@code sink} (the
 * ground station results must reach): each must be given and name a declared node of its kind.
 */
final class EndpointChecker {

    private final CheckContext ctx;
    private final NodeNames names;

    EndpointChecker(CheckContext ctx, NodeNames names) {
        this.ctx = ctx;
        this.names = names;
    }

    Optional<String> source(Mission mission, Optional<Assignment> given) {
        return endpoint(mission, given, "source");
    }

    Optional<String> sink(Mission mission, Optional<Assignment> given) {
        return endpoint(mission, given, "sink");
    }

    private Optional<String> endpoint(Mission mission, Optional<Assignment> given, String key) {
        boolean source = key.equals("source");
        if (given.isEmpty()) {
            ctx.diags()
                    .report(
                            DiagnosticCode.MISSING_ENDPOINT,
                            mission.name().span(),
                            "Mission `" + mission.name().text() + "` has no `" + key + "`.",
                            source
                                    ? "Add `source = <satellite>`: where the batch is captured."
                                    : "Add `sink = <ground station>`: where results must arrive.");
            return Optional.empty();
        }
        Assignment a = given.get();
        Optional<String> name = ctx.values().name(key, a.value());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Ident ref = a.value() instanceof SymbolValue s
                ? s.name()
                : new Ident(a.value().span(), name.get(), true);
        if (!names.resolve(ref)) {
            return Optional.empty();
        }
        String kind = names.kind(name.get());
        if (source && !kind.equals("satellite")) {
            ctx.diags()
                    .report(
                            DiagnosticCode.SOURCE_NOT_SATELLITE,
                            a.value().span(),
                            "The source `" + name.get() + "` is a ground station, not a satellite.",
                            "The source is the satellite that captures the data; results go to the `sink`.");
            return Optional.empty();
        }
        if (!source && !kind.equals("ground")) {
            ctx.diags()
                    .report(
                            DiagnosticCode.SINK_NOT_GROUND,
                            a.value().span(),
                            "The sink `" + name.get() + "` is a satellite, not a ground station.",
                            "Results must arrive at a ground station; declare one with `ground NAME { ... }`.");
            return Optional.empty();
        }
        return name;
    }
}
