package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.sema.AnalyzedMission.CircularOrbit;
import io.satc.compiler.sema.AnalyzedMission.ConstellationFacts;
import io.satc.compiler.sema.AnalyzedMission.ConstellationOrbits;
import io.satc.compiler.sema.AnalyzedMission.ElementSet;
import io.satc.compiler.sema.AnalyzedMission.HorizonFacts;
import io.satc.compiler.sema.AnalyzedMission.IslFacts;
import io.satc.compiler.sema.AnalyzedMission.IslRule;
import io.satc.compiler.sema.AnalyzedMission.SatelliteFacts;
import io.satc.compiler.sema.AnalyzedMission.TleOrbit;
import io.satc.compiler.sema.AnalyzedMission.TleOrbits;
import io.satc.compiler.sema.AnalyzedMission.WalkerOrbits;
import io.satc.compiler.syntax.ast.Argument;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.CallValue;
import io.satc.compiler.syntax.ast.Ident;
import io.satc.compiler.syntax.ast.StringValue;
import io.satc.compiler.syntax.ast.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One {@code constellation NAME { orbits; compute; memory; isl }} block: its satellites, from a
 * Walker delta shell ({@code NAME-PP-SS}) or a TLE file ({@code NAME-<catalog number>}), declared
 * in {@link NodeNames} so that {@code source}, {@code sink} and links can name them; what each of
 * them computes and holds; and its ISL rule, {@code grid(...)} (Walker neighbours) or
 * {@code range(...)} (every pair). A constellation moves, so the mission needs a {@code horizon}.
 */
final class ConstellationChecker {

    static final List<String> KEYS = List.of("orbits", "compute", "memory", "isl");

    private static final CallReader.Form TLE =
            new CallReader.Form("tle", List.of(), List.of(), "tle(\"data/iridium.tle\")");
    private static final CallReader.Form GRID =
            new CallReader.Form("grid", List.of("rate", "max_range"), List.of(), "grid(rate = ..., max_range = ...)");
    private static final CallReader.Form RANGE =
            new CallReader.Form("range", List.of("rate", "max_range"), List.of(), "range(rate = ..., max_range = ...)");

    /** Element sets whose epoch lies further than this from the horizon start are warned about. */
    static final Duration EPOCH_TOLERANCE = Duration.ofDays(30);

    /** A constellation's satellites and facts; {@code satellites} is empty when its orbits were wrong. */
    record Constellation(Optional<ConstellationFacts> facts, List<SatelliteFacts> satellites) {
        Constellation {
            satellites = List.copyOf(satellites);
        }
    }

    private final CheckContext ctx;
    private final NodeNames names;
    private final boolean moving;
    private final Optional<HorizonFacts> horizon;
    private final OrbitReader orbits;
    private final CallReader calls;

    ConstellationChecker(CheckContext ctx, NodeNames names, boolean moving, Optional<HorizonFacts> horizon) {
        this.ctx = ctx;
        this.names = names;
        this.moving = moving;
        this.horizon = horizon;
        this.orbits = new OrbitReader(ctx);
        this.calls = new CallReader(ctx.diags());
    }

    Constellation check(BlockDecl b) {
        Optional<Ident> name = ctx.blocks().requireName(b);
        String where = name.map(n -> "constellation `" + n.text() + "`").orElse("the constellation");
        Attributes attrs = ctx.blocks().attributes(b.body(), where, KEYS);
        ValueReader values = ctx.values();
        OptionalDouble compute = values.positive(attrs, "compute", Dimension.COMPUTE);
        OptionalDouble memory = values.positive(attrs, "memory", Dimension.DATA);
        if (!moving) {
            ctx.diags()
                    .report(
                            DiagnosticCode.MISSING_HORIZON,
                            b.kind().span(),
                            "The " + where + " moves, but the mission has no `horizon`.",
                            "Add e.g. `horizon { start = \"2026-12-04T00:00:00Z\"; duration = 90 min }`: the time"
                                    + " its contacts and the plan are computed over.");
        }
        if (attrs.containsKey("compute") && !attrs.intended("memory")) {
            ctx.diags()
                    .report(
                            DiagnosticCode.MISSING_ATTRIBUTE,
                            name.map(Ident::span).orElse(b.kind().span()),
                            "The " + where + " has `compute` but no `memory`.",
                            "Add e.g. `memory = 8 GB`: what each of its satellites holds.");
        }
        Optional<ConstellationOrbits> shape = attrs.value("orbits").flatMap(this::orbits);
        if (!attrs.intended("orbits")) {
            ctx.diags()
                    .report(
                            DiagnosticCode.MISSING_ATTRIBUTE,
                            name.map(Ident::span).orElse(b.kind().span()),
                            "The " + where + " has no `orbits`.",
                            "Add `orbits = walker(planes = ..., per_plane = ..., altitude = ..., inclination = ...)`"
                                    + " or `orbits = tle(\"file.tle\")`.");
        }
        Optional<IslFacts> isl = attrs.value("isl").flatMap(v -> isl(v, shape));
        boolean islOk = attrs.value("isl").isEmpty() || isl.isPresent();
        if (name.isEmpty() || !names.declareConstellation(name.get())) {
            return new Constellation(Optional.empty(), List.of());
        }
        if (shape.isEmpty()) {
            names.brokenConstellation(name.get());
            return new Constellation(Optional.empty(), List.of());
        }
        List<SatelliteFacts> satellites = satellites(name.get().text(), shape.get(), compute, memory);
        List<String> generated = satellites.stream().map(SatelliteFacts::name).toList();
        if (!names.declareGenerated(name.get(), generated, family(name.get().text(), shape.get(), generated))) {
            return new Constellation(Optional.empty(), List.of());
        }
        if (shape.get() instanceof TleOrbits t) {
            epochs(t, generated);
        }
        if (!islOk) {
            return new Constellation(Optional.empty(), satellites);
        }
        return new Constellation(
                Optional.of(new ConstellationFacts(name.get().text(), shape.get(), generated, compute, memory, isl)),
                satellites);
    }

    private Optional<ConstellationOrbits> orbits(Value value) {
        Optional<CallReader.Chosen> call = calls.choose("orbits", value, List.of(OrbitReader.WALKER, TLE));
        if (call.isEmpty()) {
            return Optional.empty();
        }
        if (call.get().form() == OrbitReader.WALKER) {
            return orbits.walker(calls.arguments(call.get().call(), OrbitReader.WALKER))
                    .map(w -> w);
        }
        return tle(call.get().call());
    }

    /** {@code tle("file")}: one quoted path, beside the mission. */
    private Optional<ConstellationOrbits> tle(CallValue call) {
        List<Argument> args = call.arguments();
        if (args.size() != 1 || args.get(0).name().isPresent() || !(args.get(0).value() instanceof StringValue)) {
            ctx.diags()
                    .report(
                            DiagnosticCode.WRONG_VALUE_KIND,
                            args.isEmpty() ? call.span() : args.get(0).span(),
                            "`tle` takes one quoted file name.",
                            "Write `tle(\"data/iridium.tle\")`, the path relative to the mission file.");
            return Optional.empty();
        }
        Value file = args.get(0).value();
        String shown = ((StringValue) file).value();
        return ctx.values().file("tle", file).flatMap(p -> read(p, shown, file)).map(t -> t);
    }

    private Optional<TleOrbits> read(Path p, String shown, Value file) {
        return TleReader.read(p, shown, file.span(), OrbitReader.MAX_SATELLITES, ctx.diags())
                .map(sets -> new TleOrbits(p, shown, file.span(), sets));
    }

    private Optional<IslFacts> isl(Value value, Optional<ConstellationOrbits> shape) {
        Optional<CallReader.Arguments> call = calls.read("isl", value, List.of(GRID, RANGE));
        if (call.isEmpty()) {
            return Optional.empty();
        }
        CallReader.Arguments a = call.get();
        OptionalDouble rate = a.get("rate")
                .map(v -> ctx.values().positive("rate", v, Dimension.RATE))
                .orElse(OptionalDouble.empty());
        OptionalDouble maxRange = a.get("max_range")
                .map(v -> ctx.values().positive("max_range", v, Dimension.LENGTH))
                .orElse(OptionalDouble.empty());
        IslRule rule = a.form() == GRID ? IslRule.GRID : IslRule.RANGE;
        if (rule == IslRule.GRID && shape.isPresent() && shape.get() instanceof TleOrbits) {
            ctx.diags()
                    .report(
                            DiagnosticCode.GRID_NEEDS_WALKER,
                            ((CallValue) value).callee().span(),
                            "`grid` links join Walker neighbours, but this constellation's orbits come from a TLE file.",
                            "Use `range(rate = ..., max_range = ...)`: a link between every pair in line of sight"
                                    + " and within range.");
            return Optional.empty();
        }
        if (!a.complete() || rate.isEmpty() || maxRange.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IslFacts(rule, rate.getAsDouble(), maxRange.getAsDouble()));
    }

    /**
     * Every satellite of the constellation, in the order of its generated names. A Walker slot's
     * orbit is the contract's: RAAN {@code 360 deg * p / P}, argument of latitude at the start
     * {@code 360 deg * s / S + 360 deg * F * p / T}, computed from exact integers
     * ({@code (s * P + F * p) mod T} of {@code T} turns) so no rounding piles up over the shell.
     */
    private static List<SatelliteFacts> satellites(
            String constellation, ConstellationOrbits shape, OptionalDouble compute, OptionalDouble memory) {
        List<SatelliteFacts> out = new ArrayList<>();
        if (shape instanceof WalkerOrbits w) {
            List<String> generated = GeneratedNames.walkerNames(constellation, w.planes(), w.perPlane());
            long total = (long) w.planes() * w.perPlane();
            for (int p = 0; p < w.planes(); p++) {
                double raan = 2 * Math.PI * p / w.planes();
                for (int s = 0; s < w.perPlane(); s++) {
                    long turns = Math.floorMod((long) s * w.planes() + (long) w.phasing() * p, total);
                    double anomaly = 2 * Math.PI * turns / total;
                    out.add(new SatelliteFacts(
                            generated.get(p * w.perPlane() + s),
                            compute,
                            memory,
                            Optional.of(new CircularOrbit(w.altitudeMeters(), w.inclinationRadians(), raan, anomaly))));
                }
            }
        } else {
            for (ElementSet set : ((TleOrbits) shape).sets()) {
                out.add(new SatelliteFacts(
                        GeneratedNames.catalogName(constellation, set.catalogNumber()),
                        compute,
                        memory,
                        Optional.of(new TleOrbit(set))));
            }
        }
        return out;
    }

    private static GeneratedNames.Family family(String constellation, ConstellationOrbits shape, List<String> names) {
        if (shape instanceof WalkerOrbits w) {
            return new GeneratedNames.Walker(constellation, w.planes(), w.perPlane());
        }
        Set<Long> numbers = new HashSet<>();
        ((TleOrbits) shape).sets().forEach(s -> numbers.add(s.catalogNumber()));
        return new GeneratedNames.Catalog(constellation, numbers, names);
    }

    /** Warns once per file when element sets lie far from the horizon start, where SGP4 drifts from the real orbit. */
    private void epochs(TleOrbits t, List<String> generated) {
        if (horizon.isEmpty()) {
            return;
        }
        int far = 0;
        long worstDays = 0;
        String worst = "";
        for (int i = 0; i < t.sets().size(); i++) {
            Duration gap = Duration.between(
                            t.sets().get(i).epoch(), horizon.get().start())
                    .abs();
            if (gap.compareTo(EPOCH_TOLERANCE) > 0) {
                far++;
                if (gap.toDays() > worstDays) {
                    worstDays = gap.toDays();
                    worst = generated.get(i);
                }
            }
        }
        if (far > 0) {
            ctx.diags()
                    .report(
                            DiagnosticCode.TLE_EPOCH_FAR,
                            t.at(),
                            far + " of the " + t.sets().size() + " element sets in `" + t.shownPath()
                                    + "` lie more than " + EPOCH_TOLERANCE.toDays()
                                    + " days from the horizon start (`" + worst + "` by " + worstDays + " days).",
                            "SGP4 drifts from the real orbit by kilometres per day away from the epoch; take element"
                                    + " sets from near the horizon start, or move the horizon towards their epochs.");
        }
    }
}
