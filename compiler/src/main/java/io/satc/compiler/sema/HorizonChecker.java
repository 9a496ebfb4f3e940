package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.sema.AnalyzedMission.HorizonFacts;
import io.satc.compiler.sema.AnalyzedMission.Propagation;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.Value;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code horizon { start; duration; propagation }} block of a mission that moves: the UTC
 * instant the plan starts at (ISO-8601, {@code "2026-12-04T00:00:00Z"}), how long it lasts (at
 * most 7 days), and how circular two-body orbits move ({@code two-body}, or {@code j2} for the
 * secular drift of Earth's oblateness; TLE satellites always move by SGP4).
 */
final class HorizonChecker {

    static final List<String> KEYS = List.of("start", "duration", "propagation");
    static final double MAX_DURATION_SECONDS = 7 * 86_400;

    private static final Pattern INSTANT = Pattern.compile(
            "([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:?[0-9]{2})?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final String EXAMPLE = "\"2026-12-04T00:00:00Z\"";

    private final CheckContext ctx;

    HorizonChecker(CheckContext ctx) {
        this.ctx = ctx;
    }

    Optional<HorizonFacts> check(List<BlockDecl> blocks) {
        Optional<BlockDecl> block = ctx.blocks().singleton(blocks, "horizon");
        if (block.isEmpty()) {
            return Optional.empty();
        }
        BlockDecl b = block.get();
        Attributes attrs = ctx.blocks().attributes(b.body(), "the horizon", KEYS);
        Optional<Instant> start = attrs.value("start").flatMap(this::start);
        OptionalDouble duration = attrs.value("duration").map(this::duration).orElse(OptionalDouble.empty());
        Propagation propagation = attrs.value("propagation")
                .flatMap(v -> ctx.values()
                        .option(
                                "propagation",
                                v,
                                Arrays.stream(Propagation.values())
                                        .map(Propagation::keyword)
                                        .toList()))
                .map(HorizonChecker::propagation)
                .orElse(Propagation.TWO_BODY);
        missing(b, attrs, "start", "`start = " + EXAMPLE + "`: the UTC instant the plan starts at.");
        missing(b, attrs, "duration", "`duration = 90 min`: how long the plan must hold (at most 7 days).");
        if (start.isEmpty() || duration.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HorizonFacts(start.get(), duration.getAsDouble(), propagation));
    }

    private void missing(BlockDecl b, Attributes attrs, String key, String example) {
        if (!attrs.intended(key)) {
            ctx.diags()
                    .report(
                            DiagnosticCode.MISSING_ATTRIBUTE,
                            b.kind().span(),
                            "The horizon has no `" + key + "`.",
                            "Add " + example);
        }
    }

    /** A UTC instant, {@code yyyy-mm-ddThh:mm[:ss[.fraction]]Z}. */
    private Optional<Instant> start(Value value) {
        Optional<String> text = ctx.values().string("start", value);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String s = text.get();
        Matcher m = INSTANT.matcher(s);
        if (!m.matches()) {
            return bad(
                    value,
                    s,
                    DATE.matcher(s).matches()
                            ? "Give the time of day too, in UTC: `\"" + s + "T00:00:00Z\"`."
                            : "Write the date and the UTC time of day, e.g. `" + EXAMPLE + "`.");
        }
        if (m.group(8) == null) {
            return bad(value, s, "End it with `Z` to say it is UTC: `\"" + s + "Z\"`.");
        }
        if (!m.group(8).equals("Z")) {
            return bad(value, s, "Convert it to UTC and end it with `Z`; satc takes no time-zone offsets.");
        }
        try {
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            int nanos =
                    m.group(7) == null ? 0 : Integer.parseInt((m.group(7).substring(1) + "00000000").substring(0, 9));
            LocalDateTime t = LocalDateTime.of(
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)),
                    second,
                    nanos);
            return Optional.of(t.toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return bad(value, s, "`" + s.substring(0, Math.min(s.length(), 19)) + "` is not a time on the calendar.");
        }
    }

    private Optional<Instant> bad(Value value, String s, String help) {
        ctx.diags()
                .report(
                        DiagnosticCode.BAD_TIMESTAMP,
                        value.span(),
                        "`start` must be a UTC instant in ISO-8601 form such as `" + EXAMPLE + "`, found `\""
                                + (s.length() > 40 ? s.substring(0, 37) + "..." : s) + "\"`.",
                        help);
        return Optional.empty();
    }

    private OptionalDouble duration(Value value) {
        OptionalDouble d = ctx.values().positive("duration", value, Dimension.TIME);
        if (d.isPresent() && d.getAsDouble() > MAX_DURATION_SECONDS * (1 + 1e-12)) {
            ctx.diags()
                    .report(
                            DiagnosticCode.HORIZON_TOO_LONG,
                            value.span(),
                            "The horizon lasts " + ctx.diags().source().slice(value.span()) + ", longer than 7 days.",
                            "Plan at most 7 days (`duration = 168 h`) at a time: one placement must hold for the"
                                    + " whole horizon, and element sets drift from the real orbits within days.");
            return OptionalDouble.empty();
        }
        return d;
    }

    private static Propagation propagation(String keyword) {
        return Arrays.stream(Propagation.values())
                .filter(p -> p.keyword().equals(keyword))
                .findFirst()
                .orElseThrow();
    }
}
