package io.satc.compiler.sema;

import io.satc.compiler.syntax.ast.Assignment;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** What the planner optimises: the mission's {@code objective} (only {@code latency} so far) and {@code max_stages}. */
final class ObjectiveChecker {

    static final List<String> OBJECTIVES = List.of("latency");

    private final CheckContext ctx;

    ObjectiveChecker(CheckContext ctx) {
        this.ctx = ctx;
    }

    String objective(Optional<Assignment> given) {
        return given.flatMap(a -> ctx.values().option("objective", a.value(), OBJECTIVES))
                .orElse("latency");
    }

    OptionalInt maxStages(Optional<Assignment> given) {
        return given.map(a -> ctx.values().count("max_stages", a.value())).orElse(OptionalInt.empty());
    }
}
