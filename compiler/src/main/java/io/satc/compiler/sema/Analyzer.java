package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.sema.AnalyzedMission.AccuracyFacts;
import io.satc.compiler.sema.AnalyzedMission.CodecFacts;
import io.satc.compiler.sema.AnalyzedMission.GroundFacts;
import io.satc.compiler.sema.AnalyzedMission.LinkFacts;
import io.satc.compiler.sema.AnalyzedMission.Metric;
import io.satc.compiler.sema.AnalyzedMission.ModelFacts;
import io.satc.compiler.sema.AnalyzedMission.Precision;
import io.satc.compiler.sema.AnalyzedMission.SatelliteFacts;
import io.satc.compiler.sema.AnalyzedMission.WorkloadFacts;
import io.satc.compiler.source.Span;
import io.satc.compiler.syntax.ParseResult;
import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.Block;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.CallValue;
import io.satc.compiler.syntax.ast.Ident;
import io.satc.compiler.syntax.ast.LinkDecl;
import io.satc.compiler.syntax.ast.ListValue;
import io.satc.compiler.syntax.ast.Mission;
import io.satc.compiler.syntax.ast.Statement;
import io.satc.compiler.syntax.ast.StringValue;
import io.satc.compiler.syntax.ast.SymbolValue;
import io.satc.compiler.syntax.ast.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Checks a parsed mission against the language's rules and turns it into an
 * {@link AnalyzedMission}: names, references, units and dimensions, ranges, the model, codecs and
 * topology. Reports every independent problem; never stops at the first. One instance per file.
 */
public final class Analyzer {

    static final List<String> MISSION_KEYS = List.of("codecs", "source", "sink", "objective", "max_stages");
    static final List<String> MISSION_BLOCKS =
            List.of("model", "workload", "accuracy", "codec", "satellite", "ground", "link");
    static final List<String> MODEL_KEYS = List.of("arch", "onnx", "profile", "precision", "blocks", "tokenizer");
    static final List<String> WORKLOAD_KEYS = List.of("batch", "micro_batches", "input", "sequence");
    static final List<String> ACCURACY_KEYS = List.of("max_loss", "metric", "calibration", "samples");
    static final List<String> CODEC_KEYS = List.of("ratio", "loss", "throughput");
    static final List<String> SATELLITE_KEYS = List.of("compute", "memory", "power", "altitude", "inclination");
    static final List<String> GROUND_KEYS = List.of("compute", "memory", "latitude", "longitude");
    static final List<String> LINK_KEYS = List.of("rate", "distance", "latency");
    static final List<String> BUILT_IN_CODECS = List.of("none", "fp16", "int8", "int4", "topk");
    /** Built-in codecs used when a mission lists none (their default losses are documented). */
    static final List<String> DEFAULT_CODECS = List.of("fp16", "int8", "int4");

    private static final double SPEED_OF_LIGHT_M_PER_S = 299_792_458.0;

    private final ParseResult parsed;
    private final Diagnostics diags;
    private final ValueReader values;
    private final Map<Ident, Ident> references = new IdentityHashMap<>();

    private Analyzer(ParseResult parsed) {
        this.parsed = parsed;
        this.diags = new Diagnostics(parsed.source());
        this.values = new ValueReader(diags);
    }

    public static AnalysisResult analyze(ParseResult parsed) {
        if (parsed.mission().isEmpty()) {
            return new AnalysisResult(parsed, Optional.empty(), SemanticTables.empty(), parsed.diagnostics());
        }
        return new Analyzer(parsed).run(parsed.mission().get());
    }

    private AnalysisResult run(Mission mission) {
        diags.addAll(parsed.diagnostics());
        List<BlockDecl> models = new ArrayList<>();
        List<BlockDecl> workloads = new ArrayList<>();
        List<BlockDecl> accuracies = new ArrayList<>();
        List<BlockDecl> codecBlocks = new ArrayList<>();
        List<BlockDecl> satelliteBlocks = new ArrayList<>();
        List<BlockDecl> groundBlocks = new ArrayList<>();
        List<LinkDecl> linkDecls = new ArrayList<>();
        Map<String, Assignment> attrs = new HashMap<>();
        for (Statement s : mission.body().statements()) {
            if (s instanceof LinkDecl l) {
                linkDecls.add(l);
            } else if (s instanceof Assignment a) {
                collectAttribute(a, attrs, "the mission", MISSION_KEYS, MISSION_BLOCKS);
            } else {
                BlockDecl b = (BlockDecl) s;
                switch (b.kind().text()) {
                    case "model" -> models.add(b);
                    case "workload" -> workloads.add(b);
                    case "accuracy" -> accuracies.add(b);
                    case "codec" -> codecBlocks.add(b);
                    case "satellite" -> satelliteBlocks.add(b);
                    case "ground" -> groundBlocks.add(b);
                    default -> unknownDeclaration(b.kind(), "the mission", MISSION_BLOCKS);
                }
            }
        }

        Optional<ModelFacts> model = model(mission, models);
        WorkloadFacts workload = singleton(workloads, "workload")
                .map(this::workload)
                .orElse(new WorkloadFacts(1, 1, OptionalDouble.empty(), OptionalLong.empty()));
        AccuracyFacts accuracy = singleton(accuracies, "accuracy")
                .map(this::accuracy)
                .orElse(new AccuracyFacts(0, Metric.TOP1, Optional.empty(), OptionalInt.empty()));
        if (model.isPresent()
                && model.get().source() instanceof AnalyzedMission.ProfileSource
                && workload.inputBytes().isEmpty()) {
            BlockDecl m = models.get(0);
            diags.report(
                    DiagnosticCode.PROFILE_NEEDS_INPUT,
                    m.name().map(Ident::span).orElse(m.kind().span()),
                    "Model `" + m.name().map(Ident::text).orElse("model")
                            + "` comes from a profile, so `workload` must give `input`.",
                    "Add `input = 150 kB` (raw bytes per sample) to the `workload` block.");
        }

        Map<String, BlockDecl> codecDecls = codecDeclarations(codecBlocks);
        Map<String, CodecFacts> declaredCodecs = new LinkedHashMap<>();
        codecDecls.forEach((name, block) -> codec(name, block).ifPresent(c -> declaredCodecs.put(name, c)));
        List<CodecFacts> candidates = candidates(attrs.get("codecs"), codecDecls, declaredCodecs);

        int errorsBeforeTopology = diags.errorCount();
        Map<String, Ident> nodeNames = new LinkedHashMap<>();
        Map<String, String> nodeKinds = new HashMap<>();
        List<SatelliteFacts> satellites = new ArrayList<>();
        List<GroundFacts> grounds = new ArrayList<>();
        for (BlockDecl b : satelliteAndGroundInOrder(satelliteBlocks, groundBlocks)) {
            Optional<Ident> name = requireName(b);
            if (name.isEmpty() || !declareNode(name.get(), nodeNames)) {
                attributes(
                        b.body(),
                        b.kind().text() + " block",
                        b.kind().text().equals("satellite") ? SATELLITE_KEYS : GROUND_KEYS);
                continue;
            }
            nodeKinds.put(name.get().text(), b.kind().text());
            if (b.kind().text().equals("satellite")) {
                satellites.add(satellite(name.get(), b));
            } else {
                grounds.add(ground(name.get(), b));
            }
        }
        List<LinkFacts> links = links(linkDecls, nodeNames);

        Optional<String> source = endpoint(mission, attrs, "source", nodeNames, nodeKinds);
        Optional<String> sink = endpoint(mission, attrs, "sink", nodeNames, nodeKinds);
        String objective = Optional.ofNullable(attrs.get("objective"))
                .flatMap(a -> values.option("objective", a.value(), List.of("latency")))
                .orElse("latency");
        OptionalInt maxStages = Optional.ofNullable(attrs.get("max_stages"))
                .map(a -> values.positiveInteger("max_stages", a.value()))
                .filter(OptionalLong::isPresent)
                .map(v -> OptionalInt.of((int) Math.min(Integer.MAX_VALUE, v.getAsLong())))
                .orElse(OptionalInt.empty());

        // Routes over links that already failed their own checks would only echo those errors.
        if (source.isPresent() && sink.isPresent() && diags.errorCount() == errorsBeforeTopology) {
            TopologyChecker.check(
                    source.get(), sink.get(), attrs.get("sink").value().span(), nodeNames, satellites, links, diags);
        }

        SemanticTables tables = new SemanticTables(values.quantities(), references);
        if (diags.hasErrors() || model.isEmpty() || source.isEmpty() || sink.isEmpty()) {
            return new AnalysisResult(parsed, Optional.empty(), tables, diags.sorted());
        }
        AnalyzedMission result = new AnalyzedMission(
                mission.name().text(),
                model.get(),
                workload,
                accuracy,
                candidates,
                satellites,
                grounds,
                links,
                source.get(),
                sink.get(),
                objective,
                maxStages);
        return new AnalysisResult(parsed, Optional.of(result), tables, diags.sorted());
    }

    // ------------------------------------------------------------------ blocks and attributes

    /**
     * A block's attributes by key, and the keys that misspelt attributes probably meant (so a
     * typo gets one did-you-mean, not also a "missing" error for the word it meant).
     */
    private record Attrs(Map<String, Assignment> values, java.util.Set<String> meant) {
        Assignment get(String key) {
            return values.get(key);
        }

        boolean containsKey(String key) {
            return values.containsKey(key);
        }

        /** Given, or misspelt: either way the user meant to give it. */
        boolean intended(String key) {
            return values.containsKey(key) || meant.contains(key);
        }
    }

    /** Collects a block's assignments by key; everything else in it is reported. */
    private Attrs attributes(Block body, String where, List<String> allowed) {
        Map<String, Assignment> out = new HashMap<>();
        java.util.Set<String> meant = new java.util.HashSet<>();
        for (Statement s : body.statements()) {
            if (s instanceof Assignment a) {
                if (!allowed.contains(a.key().text())) {
                    Suggestions.closest(a.key().text(), allowed).ifPresent(meant::add);
                }
                collectAttribute(a, out, where, allowed, List.of());
            } else if (s instanceof BlockDecl b) {
                diags.report(
                        DiagnosticCode.UNKNOWN_DECLARATION,
                        b.kind().span(),
                        "A `" + b.kind().text() + "` block cannot appear inside " + where + ".",
                        MISSION_BLOCKS.contains(b.kind().text())
                                ? "Declare it at the top level of the mission."
                                : "Only `key = value` attributes belong here.");
            } else {
                LinkDecl l = (LinkDecl) s;
                diags.report(
                        DiagnosticCode.UNKNOWN_DECLARATION,
                        l.span(),
                        "A `link` cannot appear inside " + where + ".",
                        "Declare links at the top level of the mission.");
            }
        }
        return new Attrs(out, meant);
    }

    private void collectAttribute(
            Assignment a, Map<String, Assignment> into, String where, List<String> allowed, List<String> blocks) {
        String key = a.key().text();
        if (!allowed.contains(key)) {
            String help = Suggestions.didYouMean(key, allowed)
                    .orElse(
                            blocks.contains(key)
                                    ? "`" + key + "` is a block: write `" + key + " NAME { ... }`."
                                    : "Attributes of " + where + ": " + ValueReader.quoteAll(allowed) + ".");
            diags.report(
                    DiagnosticCode.UNKNOWN_ATTRIBUTE,
                    a.key().span(),
                    "Unknown attribute `" + key + "` in " + where + ".",
                    help);
            return;
        }
        Assignment first = into.get(key);
        if (first != null) {
            diags.report(
                    DiagnosticCode.DUPLICATE_ATTRIBUTE,
                    a.key().span(),
                    "`" + key + "` is given twice in " + where + ".",
                    "The first is on line " + line(first.key().span()) + "; remove one.");
            return;
        }
        into.put(key, a);
    }

    private void unknownDeclaration(Ident kind, String where, List<String> allowed) {
        String help = Suggestions.didYouMean(kind.text(), allowed)
                .orElse("Declarations allowed here: " + ValueReader.quoteAll(allowed) + ".");
        String message = kind.text().equals("mission")
                ? "A `mission` cannot be nested inside " + where + "."
                : "Unknown declaration `" + kind.text() + "` in " + where + ".";
        diags.report(DiagnosticCode.UNKNOWN_DECLARATION, kind.span(), message, help);
    }

    private Optional<BlockDecl> singleton(List<BlockDecl> blocks, String kind) {
        for (int i = 1; i < blocks.size(); i++) {
            diags.report(
                    DiagnosticCode.DUPLICATE_BLOCK,
                    blocks.get(i).kind().span(),
                    "A mission has at most one `" + kind + "` block; this is a second one.",
                    "Merge it into the first, on line "
                            + line(blocks.get(0).kind().span()) + ".");
        }
        for (BlockDecl b : blocks) {
            b.name()
                    .ifPresent(n -> diags.report(
                            DiagnosticCode.UNEXPECTED_NAME,
                            n.span(),
                            "A `" + kind + "` block takes no name.",
                            "Write `" + kind + " { ... }`."));
        }
        return blocks.isEmpty() ? Optional.empty() : Optional.of(blocks.get(0));
    }

    private Optional<Ident> requireName(BlockDecl b) {
        if (b.name().isPresent() && b.name().get().text().isBlank()) {
            diags.report(
                    DiagnosticCode.MISSING_NAME,
                    b.name().get().span(),
                    "A `" + b.kind().text() + "` name cannot be empty.",
                    "Give it a name such as `" + (b.kind().text().equals("codec") ? "mask8" : "leo-1") + "`.");
            return Optional.empty();
        }
        if (b.name().isEmpty()) {
            diags.report(
                    DiagnosticCode.MISSING_NAME,
                    b.kind().span(),
                    "A `" + b.kind().text() + "` needs a name.",
                    "Write `" + b.kind().text() + " " + (b.kind().text().equals("codec") ? "mask8" : "leo-1")
                            + " { ... }`.");
        }
        return b.name();
    }

    private int line(Span span) {
        return diags.source().line(span.start());
    }

    // ------------------------------------------------------------------ model

    private Optional<ModelFacts> model(Mission mission, List<BlockDecl> models) {
        if (models.isEmpty()) {
            diags.report(
                    DiagnosticCode.MODEL_COUNT,
                    mission.name().span(),
                    "Mission `" + mission.name().text() + "` declares no `model`.",
                    "Add a block such as `model vit-b { arch = vit(layers = 12, hidden = 768, mlp = 3072, heads = 12, patch = 16, image = 224) }`.");
            return Optional.empty();
        }
        for (int i = 1; i < models.size(); i++) {
            diags.report(
                    DiagnosticCode.MODEL_COUNT,
                    models.get(i).kind().span(),
                    "A mission has exactly one `model`; this is a second one.",
                    "The first is on line " + line(models.get(0).kind().span())
                            + "; split the missions into two files.");
        }
        BlockDecl m = models.get(0);
        String name = m.name().map(Ident::text).orElse("model");
        Attrs attrs = attributes(m.body(), "model `" + name + "`", MODEL_KEYS);
        List<Assignment> sources = new ArrayList<>();
        for (String key : List.of("arch", "onnx", "profile")) {
            if (attrs.containsKey(key)) {
                sources.add(attrs.get(key));
            }
        }
        sources.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
        Precision precision = Optional.ofNullable(attrs.get("precision"))
                .flatMap(a -> values.option("precision", a.value(), List.of("fp32", "fp16", "bf16")))
                .map(p -> Precision.valueOf(p.toUpperCase(java.util.Locale.ROOT)))
                .orElse(Precision.FP32);
        Optional<String> blocks = Optional.ofNullable(attrs.get("blocks")).flatMap(a -> blockPattern(a.value()));
        if (sources.isEmpty()) {
            diags.report(
                    DiagnosticCode.MODEL_SOURCE_CONFLICT,
                    m.name().map(Ident::span).orElse(m.kind().span()),
                    "Model `" + name + "` needs one of `arch`, `onnx` or `profile`.",
                    "E.g. `arch = vit(...)`, `onnx = \"models/encoder.onnx\"` or `profile = \"profiles/model.csv\"`.");
            return Optional.empty();
        }
        if (sources.size() > 1) {
            for (int i = 1; i < sources.size(); i++) {
                diags.report(
                        DiagnosticCode.MODEL_SOURCE_CONFLICT,
                        sources.get(i).key().span(),
                        "Model `" + name + "` has both `" + sources.get(0).key().text() + "` and `"
                                + sources.get(i).key().text() + "`.",
                        "Give exactly one of `arch`, `onnx` or `profile`.");
            }
            return Optional.empty();
        }
        Assignment src = sources.get(0);
        Optional<AnalyzedMission.ModelSource> modelSource = switch (src.key().text()) {
            case "arch" -> ArchitectureReader.read(src.value(), values, diags).map(a -> a);
            case "onnx" -> file("onnx", src.value()).map(AnalyzedMission.OnnxSource::new);
            default ->
                file("profile", src.value())
                        .flatMap(p -> ProfileReader.read(
                                        p,
                                        ((StringValue) src.value()).value(),
                                        src.value().span(),
                                        diags)
                                .map(rows -> new AnalyzedMission.ProfileSource(p, rows)));
        };
        Optional<java.nio.file.Path> tokenizer =
                Optional.ofNullable(attrs.get("tokenizer")).flatMap(a -> file("tokenizer", a.value()));
        return modelSource.map(s -> new ModelFacts(name, s, precision, blocks, tokenizer));
    }

    private Optional<String> blockPattern(Value v) {
        Optional<String> s = values.string("blocks", v);
        if (s.isPresent()) {
            try {
                java.util.regex.Pattern.compile(s.get());
            } catch (java.util.regex.PatternSyntaxException e) {
                diags.report(
                        DiagnosticCode.WRONG_VALUE_KIND,
                        v.span(),
                        "`blocks` is not a valid regular expression: " + e.getDescription() + ".",
                        "It must match a block scope in node names, e.g. `\"/encoder/layer\\\\.(\\\\d+)/\"`.");
                return Optional.empty();
            }
        }
        return s;
    }

    private Optional<java.nio.file.Path> file(String what, Value v) {
        Optional<String> s = values.string(what, v);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        java.nio.file.Path p;
        try {
            p = diags.source().baseDirectory().resolve(s.get()).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            diags.report(DiagnosticCode.FILE_NOT_FOUND, v.span(), "`" + s.get() + "` is not a valid path.");
            return Optional.empty();
        }
        if (!java.nio.file.Files.isRegularFile(p)) {
            diags.report(
                    DiagnosticCode.FILE_NOT_FOUND,
                    v.span(),
                    describeFile(what) + " `" + s.get() + "` not found.",
                    "Paths are relative to the folder of the mission file.");
            return Optional.empty();
        }
        return Optional.of(p);
    }

    private static String describeFile(String what) {
        return switch (what) {
            case "onnx" -> "ONNX model";
            case "profile" -> "Profile";
            case "tokenizer" -> "Tokenizer";
            case "calibration" -> "Calibration data";
            default -> "File";
        };
    }

    // ------------------------------------------------------------------ workload and accuracy

    private WorkloadFacts workload(BlockDecl b) {
        Attrs attrs = attributes(b.body(), "`workload`", WORKLOAD_KEYS);
        OptionalLong batch = Optional.ofNullable(attrs.get("batch"))
                .map(a -> values.positiveInteger("batch", a.value()))
                .orElse(OptionalLong.of(1));
        OptionalLong micro = Optional.ofNullable(attrs.get("micro_batches"))
                .map(a -> values.positiveInteger("micro_batches", a.value()))
                .orElse(OptionalLong.of(1));
        OptionalDouble input = Optional.ofNullable(attrs.get("input"))
                .map(a -> values.positive("input", a.value(), Dimension.DATA))
                .orElse(OptionalDouble.empty());
        OptionalLong sequence = Optional.ofNullable(attrs.get("sequence"))
                .map(a -> values.positiveInteger("sequence", a.value()))
                .orElse(OptionalLong.empty());
        if (batch.isPresent() && micro.isPresent() && batch.getAsLong() % micro.getAsLong() != 0) {
            Assignment at = attrs.containsKey("micro_batches") ? attrs.get("micro_batches") : attrs.get("batch");
            long m = micro.getAsLong();
            diags.report(
                    DiagnosticCode.BATCH_NOT_DIVISIBLE,
                    at.value().span(),
                    "`batch` = " + batch.getAsLong() + " is not divisible by `micro_batches` = " + m + ".",
                    "Micro-batches must be equal: pick a divisor of " + batch.getAsLong()
                            + divisorsHint(batch.getAsLong(), m) + ".");
        }
        return new WorkloadFacts(batch.orElse(1), micro.orElse(1), input, sequence);
    }

    private static String divisorsHint(long batch, long near) {
        long below = 0;
        long above = 0;
        for (long d = Math.min(near, batch); d >= 1; d--) {
            if (batch % d == 0) {
                below = d;
                break;
            }
        }
        for (long d = near + 1; d <= batch && d <= near * 4 + 4; d++) {
            if (batch % d == 0) {
                above = d;
                break;
            }
        }
        if (below > 0 && above > 0) {
            return " such as " + below + " or " + above;
        }
        return below > 0 ? " such as " + below : "";
    }

    private AccuracyFacts accuracy(BlockDecl b) {
        Attrs attrs = attributes(b.body(), "`accuracy`", ACCURACY_KEYS);
        double maxLoss = Optional.ofNullable(attrs.get("max_loss"))
                .map(a -> values.loss("max_loss", a.value()))
                .orElse(OptionalDouble.of(0))
                .orElse(0);
        Metric metric = Optional.ofNullable(attrs.get("metric"))
                .flatMap(a -> values.option("metric", a.value(), List.of("top1", "cosine")))
                .map(m -> Metric.valueOf(m.toUpperCase(java.util.Locale.ROOT)))
                .orElse(Metric.TOP1);
        Optional<java.nio.file.Path> calibration =
                Optional.ofNullable(attrs.get("calibration")).flatMap(a -> file("calibration", a.value()));
        OptionalInt samples = Optional.ofNullable(attrs.get("samples"))
                .map(a -> values.positiveInteger("samples", a.value()))
                .filter(OptionalLong::isPresent)
                .map(v -> OptionalInt.of((int) Math.min(Integer.MAX_VALUE, v.getAsLong())))
                .orElse(OptionalInt.empty());
        return new AccuracyFacts(maxLoss, metric, calibration, samples);
    }

    // ------------------------------------------------------------------ codecs

    private Map<String, BlockDecl> codecDeclarations(List<BlockDecl> blocks) {
        Map<String, BlockDecl> out = new LinkedHashMap<>();
        for (BlockDecl b : blocks) {
            Optional<Ident> name = requireName(b);
            if (name.isEmpty()) {
                continue;
            }
            String n = name.get().text();
            if (n.equals("none") || n.equals("topk")) {
                diags.report(
                        DiagnosticCode.DUPLICATE_NAME,
                        name.get().span(),
                        "The built-in codec `" + n + "` cannot be redefined.",
                        n.equals("none")
                                ? "`none` always means no compression."
                                : "Use `topk(p)` in `codecs`, or give this codec another name.");
                continue;
            }
            BlockDecl first = out.get(n);
            if (first != null) {
                diags.report(
                        DiagnosticCode.DUPLICATE_NAME,
                        name.get().span(),
                        "Codec `" + n + "` is declared twice.",
                        "The first is on line " + line(first.name().get().span()) + ".");
                continue;
            }
            out.put(n, b);
        }
        return out;
    }

    private Optional<CodecFacts> codec(String name, BlockDecl b) {
        Attrs attrs = attributes(b.body(), "codec `" + name + "`", CODEC_KEYS);
        boolean builtIn = BUILT_IN_CODECS.contains(name);
        OptionalDouble ratio = Optional.ofNullable(attrs.get("ratio"))
                .map(a -> ratio(a.value()))
                .orElse(OptionalDouble.empty());
        OptionalDouble loss = Optional.ofNullable(attrs.get("loss"))
                .map(a -> values.loss("loss", a.value()))
                .orElse(OptionalDouble.empty());
        OptionalDouble throughput = Optional.ofNullable(attrs.get("throughput"))
                .map(a -> values.positive("throughput", a.value(), Dimension.RATE))
                .orElse(OptionalDouble.empty());
        if (!builtIn) {
            for (String key : List.of("ratio", "loss")) {
                if (!attrs.intended(key)) {
                    diags.report(
                            DiagnosticCode.MISSING_ATTRIBUTE,
                            b.name().get().span(),
                            "Codec `" + name + "` has no `" + key + "`.",
                            "A declared codec needs `ratio = 25.8x` and `loss = 0.3 %`.");
                }
            }
        }
        OptionalDouble bytesPerSecond =
                throughput.isPresent() ? OptionalDouble.of(throughput.getAsDouble() / 8) : OptionalDouble.empty();
        return Optional.of(new CodecFacts(name, builtIn, OptionalDouble.empty(), ratio, loss, bytesPerSecond));
    }

    private OptionalDouble ratio(Value v) {
        OptionalDouble r = values.quantity("ratio", v, Dimension.RATIO);
        if (r.isPresent() && r.getAsDouble() < 1) {
            diags.report(
                    DiagnosticCode.RATIO_BELOW_ONE,
                    v.span(),
                    "A compression ratio must be at least `1x`, found `"
                            + diags.source().slice(v.span()) + "`.",
                    "The ratio is uncompressed bytes over compressed bytes, e.g. `4x`.");
            return OptionalDouble.empty();
        }
        return r;
    }

    private List<CodecFacts> candidates(
            Assignment list, Map<String, BlockDecl> decls, Map<String, CodecFacts> declared) {
        List<CodecFacts> out = new ArrayList<>();
        if (list == null) {
            for (String name : DEFAULT_CODECS) {
                out.add(declared.getOrDefault(name, builtIn(name)));
            }
            declared.forEach((name, c) -> {
                if (!c.builtIn()) {
                    out.add(c);
                }
            });
            return out;
        }
        if (!(list.value() instanceof ListValue lv)) {
            diags.report(
                    DiagnosticCode.WRONG_VALUE_KIND,
                    list.value().span(),
                    "`codecs` expects a list, found " + ValueReader.describe(list.value()) + ".",
                    "Write a list: `codecs = ["
                            + diags.source().slice(list.value().span()) + "]`.");
            return out;
        }
        Map<String, Span> seen = new HashMap<>();
        for (Value element : lv.elements()) {
            Optional<CodecFacts> c = candidate(element, decls, declared);
            if (c.isEmpty()) {
                continue;
            }
            String name = c.get().name();
            if (seen.containsKey(name)) {
                diags.report(
                        DiagnosticCode.DUPLICATE_NAME,
                        element.span(),
                        "Codec `" + name + "` is listed twice.",
                        "Remove one.");
                continue;
            }
            seen.put(name, element.span());
            if (!name.equals("none")) {
                out.add(c.get());
            }
        }
        return out;
    }

    private Optional<CodecFacts> candidate(
            Value element, Map<String, BlockDecl> decls, Map<String, CodecFacts> declared) {
        if (element instanceof CallValue call) {
            if (!call.callee().text().equals("topk")) {
                unknownCodec(call.callee().text(), call.callee().span(), decls);
                return Optional.empty();
            }
            if (call.arguments().size() != 1 || call.arguments().get(0).name().isPresent()) {
                diags.report(
                        DiagnosticCode.WRONG_VALUE_KIND,
                        call.span(),
                        "`topk` takes one argument, the fraction of each row kept.",
                        "Write e.g. `topk(10 %)`.");
                return Optional.empty();
            }
            Value arg = call.arguments().get(0).value();
            OptionalDouble p = values.quantity("topk", arg, Dimension.RATIO);
            if (p.isEmpty()) {
                return Optional.empty();
            }
            if (!(p.getAsDouble() > 0 && p.getAsDouble() <= 1)) {
                diags.report(
                        DiagnosticCode.TOPK_OUT_OF_RANGE,
                        arg.span(),
                        "`topk` keeps a fraction of each row in (0 %, 100 %], found `"
                                + diags.source().slice(arg.span()) + "`.",
                        "E.g. `topk(10 %)` keeps the largest tenth.");
                return Optional.empty();
            }
            String name = "topk("
                    + new java.math.BigDecimal(Double.toString(p.getAsDouble() * 100))
                            .stripTrailingZeros()
                            .toPlainString()
                    + "%)";
            return Optional.of(new CodecFacts(
                    name,
                    true,
                    OptionalDouble.of(p.getAsDouble()),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty()));
        }
        if (!(element instanceof SymbolValue) && !(element instanceof StringValue)) {
            diags.report(
                    DiagnosticCode.WRONG_VALUE_KIND,
                    element.span(),
                    "A codec in `codecs` is a name such as `int8` or `topk(10 %)`, found "
                            + ValueReader.describe(element) + ".");
            return Optional.empty();
        }
        String name = element instanceof SymbolValue s ? s.name().text() : ((StringValue) element).value();
        if (name.equals("topk")) {
            diags.report(
                    DiagnosticCode.WRONG_VALUE_KIND,
                    element.span(),
                    "`topk` needs the fraction of each row it keeps.",
                    "Write e.g. `topk(10 %)`.");
            return Optional.empty();
        }
        if (declared.containsKey(name)) {
            return Optional.of(declared.get(name));
        }
        if (decls.containsKey(name)) {
            return Optional.empty(); // declared but invalid: already reported
        }
        if (BUILT_IN_CODECS.contains(name) || isZstdVariant(name)) {
            return Optional.of(builtIn(name));
        }
        unknownCodec(name, element.span(), decls);
        return Optional.empty();
    }

    /** `fp16+zstd`, `int8+zstd`, `int4+zstd`, `none+zstd`: a built-in codec followed by the lossless zstd stage. */
    static boolean isZstdVariant(String name) {
        return name.endsWith("+zstd")
                && List.of("none", "fp16", "int8", "int4").contains(name.substring(0, name.length() - 5));
    }

    private void unknownCodec(String name, Span at, Map<String, BlockDecl> decls) {
        List<String> known = new ArrayList<>(BUILT_IN_CODECS);
        known.addAll(decls.keySet());
        diags.report(
                DiagnosticCode.UNKNOWN_CODEC,
                at,
                "Unknown codec `" + name + "`.",
                Suggestions.didYouMean(name, known)
                        .orElse(
                                "Built-in codecs are `none`, `fp16`, `int8`, `int4` and `topk(p)`, and \"int8+zstd\" etc. (quoted) "
                                        + "for a lossless zstd stage after one; declare others with `codec NAME { ratio = ...; loss = ... }`."));
    }

    private static CodecFacts builtIn(String name) {
        return new CodecFacts(
                name,
                true,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty());
    }

    // ------------------------------------------------------------------ nodes and links

    private static List<BlockDecl> satelliteAndGroundInOrder(List<BlockDecl> sats, List<BlockDecl> grounds) {
        List<BlockDecl> all = new ArrayList<>(sats);
        all.addAll(grounds);
        all.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
        return all;
    }

    private boolean declareNode(Ident name, Map<String, Ident> nodes) {
        Ident first = nodes.get(name.text());
        if (first != null) {
            diags.report(
                    DiagnosticCode.DUPLICATE_NAME,
                    name.span(),
                    "The name `" + name.text() + "` is already declared.",
                    "The first declaration is on line " + line(first.span())
                            + "; satellites and ground stations share one namespace.");
            return false;
        }
        nodes.put(name.text(), name);
        return true;
    }

    private SatelliteFacts satellite(Ident name, BlockDecl b) {
        Attrs attrs = attributes(b.body(), "satellite `" + name.text() + "`", SATELLITE_KEYS);
        OptionalDouble compute = positiveAttr(attrs, "compute", Dimension.COMPUTE);
        OptionalDouble memory = positiveAttr(attrs, "memory", Dimension.DATA);
        positiveAttr(attrs, "power", Dimension.POWER);
        Optional.ofNullable(attrs.get("altitude"))
                .ifPresent(a -> values.nonNegative("altitude", a.value(), Dimension.LENGTH));
        Optional.ofNullable(attrs.get("inclination"))
                .ifPresent(a -> values.quantity("inclination", a.value(), Dimension.ANGLE));
        if (attrs.containsKey("compute") && !attrs.intended("memory")) {
            diags.report(
                    DiagnosticCode.MISSING_ATTRIBUTE,
                    name.span(),
                    "Satellite `" + name.text() + "` has `compute` but no `memory`.",
                    "Add e.g. `memory = 8 GB`; the planner needs it to place model units.");
        }
        return new SatelliteFacts(name.text(), compute, memory);
    }

    private GroundFacts ground(Ident name, BlockDecl b) {
        Attrs attrs = attributes(b.body(), "ground station `" + name.text() + "`", GROUND_KEYS);
        OptionalDouble compute = positiveAttr(attrs, "compute", Dimension.COMPUTE);
        OptionalDouble memory = positiveAttr(attrs, "memory", Dimension.DATA);
        Optional.ofNullable(attrs.get("latitude"))
                .ifPresent(a -> values.quantity("latitude", a.value(), Dimension.ANGLE));
        Optional.ofNullable(attrs.get("longitude"))
                .ifPresent(a -> values.quantity("longitude", a.value(), Dimension.ANGLE));
        return new GroundFacts(name.text(), compute, memory);
    }

    private OptionalDouble positiveAttr(Attrs attrs, String key, Dimension dim) {
        Assignment a = attrs.get(key);
        return a == null ? OptionalDouble.empty() : values.positive(key, a.value(), dim);
    }

    private List<LinkFacts> links(List<LinkDecl> decls, Map<String, Ident> nodes) {
        List<LinkFacts> out = new ArrayList<>();
        Map<String, LinkDecl> seen = new HashMap<>();
        for (LinkDecl l : decls) {
            String where = "link `" + l.from().text() + (l.bidirectional() ? " <-> " : " -> ") + l.to().text() + "`";
            Attrs attrs =
                    l.body().map(b -> attributes(b, where, LINK_KEYS)).orElse(new Attrs(Map.of(), java.util.Set.of()));
            boolean endsOk = resolveNode(l.from(), nodes) & resolveNode(l.to(), nodes);
            if (endsOk && l.from().text().equals(l.to().text())) {
                diags.report(
                        DiagnosticCode.SELF_LINK,
                        l.from().span().to(l.to().span()),
                        "A link from `" + l.from().text() + "` to itself.",
                        "A node needs no link to reach itself; remove it.");
                endsOk = false;
            }
            OptionalDouble rate = OptionalDouble.empty();
            if (attrs.containsKey("rate")) {
                rate = values.positive("rate", attrs.get("rate").value(), Dimension.RATE);
            } else if (!attrs.intended("rate")) {
                diags.report(
                        DiagnosticCode.MISSING_ATTRIBUTE,
                        l.from().span().to(l.to().span()),
                        "The " + where + " has no `rate`.",
                        "Add e.g. `{ rate = 0.5 Gbps; distance = 1200 km }`.");
            }
            double propagation = 0;
            if (attrs.containsKey("distance") && attrs.containsKey("latency")) {
                Assignment second = attrs.get("distance").span().start()
                                > attrs.get("latency").span().start()
                        ? attrs.get("distance")
                        : attrs.get("latency");
                diags.report(
                        DiagnosticCode.CONFLICTING_ATTRIBUTES,
                        second.key().span(),
                        "The " + where + " gives both `distance` and `latency`.",
                        "Give one: `distance` (propagation at the speed of light) or `latency` (measured).");
            } else if (attrs.containsKey("distance")) {
                propagation =
                        values.nonNegative("distance", attrs.get("distance").value(), Dimension.LENGTH)
                                        .orElse(0)
                                / SPEED_OF_LIGHT_M_PER_S;
            } else if (attrs.containsKey("latency")) {
                propagation = values.nonNegative("latency", attrs.get("latency").value(), Dimension.TIME)
                        .orElse(0);
            }
            if (!endsOk) {
                continue;
            }
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
                        diags.report(
                                DiagnosticCode.DUPLICATE_LINK,
                                l.from().span().to(l.to().span()),
                                "The link `" + e[0] + " -> " + e[1] + "` is declared twice.",
                                "The first is on line " + line(first.span())
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
        return out;
    }

    private boolean resolveNode(Ident ref, Map<String, Ident> nodes) {
        Ident decl = nodes.get(ref.text());
        if (decl == null) {
            diags.report(
                    DiagnosticCode.UNKNOWN_NODE,
                    ref.span(),
                    "Unknown satellite or ground station `" + ref.text() + "`.",
                    Suggestions.didYouMean(ref.text(), nodes.keySet())
                            .orElse("Declare it with `satellite " + ref.text() + " { ... }` or `ground " + ref.text()
                                    + " { ... }`."));
            return false;
        }
        references.put(ref, decl);
        return true;
    }

    private Optional<String> endpoint(
            Mission mission,
            Map<String, Assignment> attrs,
            String key,
            Map<String, Ident> nodes,
            Map<String, String> kinds) {
        Assignment a = attrs.get(key);
        boolean source = key.equals("source");
        if (a == null) {
            diags.report(
                    DiagnosticCode.MISSING_ENDPOINT,
                    mission.name().span(),
                    "Mission `" + mission.name().text() + "` has no `" + key + "`.",
                    source
                            ? "Add `source = <satellite>`: where the batch is captured."
                            : "Add `sink = <ground station>`: where results must arrive.");
            return Optional.empty();
        }
        Optional<String> name = values.name(key, a.value());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Ident ref = a.value() instanceof SymbolValue s
                ? s.name()
                : new Ident(a.value().span(), name.get(), true);
        if (!resolveNode(ref, nodes)) {
            return Optional.empty();
        }
        String kind = kinds.get(name.get());
        if (source && !kind.equals("satellite")) {
            diags.report(
                    DiagnosticCode.SOURCE_NOT_SATELLITE,
                    a.value().span(),
                    "The source `" + name.get() + "` is a ground station, not a satellite.",
                    "The source is the satellite that captures the data; results go to the `sink`.");
            return Optional.empty();
        }
        if (!source && !kind.equals("ground")) {
            diags.report(
                    DiagnosticCode.SINK_NOT_GROUND,
                    a.value().span(),
                    "The sink `" + name.get() + "` is a satellite, not a ground station.",
                    "Results must arrive at a ground station; declare one with `ground NAME { ... }`.");
            return Optional.empty();
        }
        return name;
    }
}
