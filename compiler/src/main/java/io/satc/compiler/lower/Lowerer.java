package io.satc.compiler.lower;

import io.satc.compiler.model.ModelProfile;
import io.satc.compiler.model.ModelProfiler;
import io.satc.compiler.model.ModelResult;
import io.satc.compiler.model.OnnxModel;
import io.satc.compiler.model.SplitOptions;
import io.satc.compiler.model.UnitProfile;
import io.satc.compiler.model.calibration.CalibrationCache;
import io.satc.compiler.model.calibration.CalibrationEntry;
import io.satc.compiler.model.calibration.CalibrationMetric;
import io.satc.compiler.model.calibration.CalibrationOptions;
import io.satc.compiler.model.calibration.CalibrationRequest;
import io.satc.compiler.model.calibration.CalibrationSession;
import io.satc.compiler.model.calibration.CalibrationTable;
import io.satc.compiler.sema.AnalyzedMission;
import io.satc.compiler.sema.AnalyzedMission.ArchSource;
import io.satc.compiler.sema.AnalyzedMission.CodecFacts;
import io.satc.compiler.sema.AnalyzedMission.GroundFacts;
import io.satc.compiler.sema.AnalyzedMission.LinkFacts;
import io.satc.compiler.sema.AnalyzedMission.OnnxSource;
import io.satc.compiler.sema.AnalyzedMission.ProfileRow;
import io.satc.compiler.sema.AnalyzedMission.ProfileSource;
import io.satc.compiler.sema.AnalyzedMission.SatelliteFacts;
import io.satc.runtime.codec.Codec;
import io.satc.runtime.codec.CodecSpec;
import io.satc.runtime.codec.ParsedCodecSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an analysed mission into the numeric {@link PlacementProblem} of cost model v1: unit
 * profiles from the architecture catalogue or a profile CSV, nodes, directed links, and each
 * candidate codec's ratio and loss per cut. Sees no syntax; keeps declaration order.
 */
public final class Lowerer {

    private Lowerer() {}

    /** Calibration samples used when the mission gives no `accuracy.samples`. */
    public static final int DEFAULT_CALIBRATION_SAMPLES = 200;
    /** Tokens per sample for an ONNX model when the workload gives no `sequence`. */
    public static final int DEFAULT_SEQUENCE = 128;
    /** ONNX models' activations are taken as they are: fp32 tensors between blocks. */
    private static final int ONNX_ACTIVATION_BYTES = 4;

    public static Lowering lower(AnalyzedMission m) {
        return lower(m, LoweringOptions.defaults());
    }

    public static Lowering lower(AnalyzedMission m, LoweringOptions options) {
        if (m.horizon().isPresent()) {
            // Cost model 2 (shared/spec/orbits.md) plans over the horizon; a snapshot of cost
            // model 1 would ignore the constellation's motion, so no plan is better than that one.
            return new Lowering.Unsupported(List.of("Mission `" + m.name()
                    + "` has a `horizon`: planning over moving orbits (cost model 2) is not implemented yet;"
                    + " `satc check` and `satc fmt` accept it."));
        }
        List<String> problems = new ArrayList<>();
        List<CodecKind> kinds = kinds(m.codecs(), problems);
        if (!problems.isEmpty()) {
            return new Lowering.Unsupported(problems);
        }
        Optional<CalibrationSession> calibration = Optional.empty();
        Optional<OnnxModel> onnxModel = Optional.empty();
        List<String> notes = new ArrayList<>();
        List<UnitCost> units;
        double input;
        int activationBytes = m.model().precision().bytes();
        if (m.model().source() instanceof ArchSource arch) {
            units = ArchitectureCatalogue.units(
                    arch.architecture(),
                    arch.parameters(),
                    m.model().precision().bytes());
            input = m.workload()
                    .inputBytes()
                    .orElse(ArchitectureCatalogue.defaultInputBytes(arch.architecture(), arch.parameters()));
        } else if (m.model().source() instanceof ProfileSource profile) {
            units = new ArrayList<>();
            for (ProfileRow r : profile.rows()) {
                units.add(new UnitCost(r.unit(), r.weightsBytes(), r.flops(), r.outBytes(), 0));
            }
            input = m.workload().inputBytes().orElseThrow();
        } else {
            OnnxSource onnx = (OnnxSource) m.model().source();
            int sequence =
                    (int) Math.min(Integer.MAX_VALUE, m.workload().sequence().orElse(DEFAULT_SEQUENCE));
            String shown = "`" + onnx.file().getFileName() + "`";
            ModelResult<OnnxModel> read = OnnxModel.read(
                    onnx.file(), SplitOptions.withBlockPattern(m.model().blockPattern()));
            if (read instanceof ModelResult.Failed<OnnxModel> failed) {
                return new Lowering.Unsupported(List.of("Cannot profile the ONNX model " + shown + ": "
                        + failed.error().message()));
            }
            onnxModel = Optional.of(read.orElseThrow());
            ModelProfile profile;
            boolean builtIn = kinds.stream().anyMatch(k -> k.spec().isPresent());
            if (builtIn
                    && m.model().tokenizer().isPresent()
                    && m.accuracy().calibration().isPresent()) {
                // The calibration record holds the profile too, so a cache hit runs nothing.
                ModelResult<CalibrationSession> session = calibrate(m, kinds, onnxModel.get(), sequence, options);
                if (session instanceof ModelResult.Failed<CalibrationSession> failed) {
                    return new Lowering.Unsupported(List.of("Cannot calibrate the codecs on " + shown + ": "
                            + failed.error().message()));
                }
                calibration = Optional.of(session.orElseThrow());
                profile = calibration.get().profile();
            } else {
                ModelResult<ModelProfile> profiled = ModelProfiler.profile(onnxModel.get(), sequence);
                if (profiled instanceof ModelResult.Failed<ModelProfile> failed) {
                    return new Lowering.Unsupported(List.of("Cannot profile the ONNX model " + shown + ": "
                            + failed.error().message()));
                }
                profile = profiled.orElseThrow();
            }
            units = new ArrayList<>();
            for (UnitProfile u : profile.units()) {
                units.add(new UnitCost(u.name(), u.weightBytes(), u.flopsPerSample(), u.outBytesPerSample(), 0));
            }
            input = m.workload().inputBytes().orElse((double) profile.inputBytesPerSample());
            activationBytes = ONNX_ACTIVATION_BYTES;
            if (m.codecs().isEmpty()) {
                notes.add(
                        "No codecs declared: every cut travels uncompressed (`none`), with no accuracy loss to calibrate.");
            } else if (calibration.isPresent()) {
                notes.add("Codec losses and ratios measured on "
                        + calibration.get().table().samples() + " calibration samples ("
                        + calibration.get().request().metric().label() + ").");
            } else if (!builtIn) {
                notes.add(
                        "Every codec is declared: their ratios and losses are as declared, with nothing to calibrate.");
            } else {
                notes.add("No `tokenizer` and `calibration` data: codec losses are satc's uncalibrated defaults.");
            }
        }
        if (m.workload().batch() > Integer.MAX_VALUE || m.workload().microBatches() > Integer.MAX_VALUE) {
            return new Lowering.Unsupported(
                    List.of("`batch` and `micro_batches` must stay below " + Integer.MAX_VALUE + "."));
        }
        List<ModelUnit> modelUnits = new ArrayList<>(units.size());
        for (UnitCost u : units) {
            modelUnits.add(new ModelUnit(u.name(), u.weightBytes(), u.flopsPerSample(), u.outBytesPerSample()));
        }
        int cuts = Math.max(0, units.size() - 1);
        List<CodecOption> codecs = new ArrayList<>();
        codecs.add(CodecOption.none(cuts));
        for (int i = 0; i < m.codecs().size(); i++) {
            CodecFacts c = m.codecs().get(i);
            CodecOption option = codec(c, kinds.get(i), cuts, activationBytes);
            if (calibration.isPresent() && !c.ratio().isPresent() && !c.loss().isPresent()) {
                option = calibrated(option, calibration.get().table(), cuts);
            }
            codecs.add(option);
        }
        List<ComputeNode> nodes = new ArrayList<>();
        for (SatelliteFacts s : m.satellites()) {
            nodes.add(new ComputeNode(
                    s.name(),
                    NodeKind.SATELLITE,
                    s.computeFlops().orElse(0),
                    s.memoryBytes().orElse(Double.POSITIVE_INFINITY)));
        }
        for (GroundFacts g : m.grounds()) {
            nodes.add(new ComputeNode(
                    g.name(),
                    NodeKind.GROUND,
                    g.computeFlops().orElse(0),
                    g.memoryBytes().orElse(Double.POSITIVE_INFINITY)));
        }
        List<Link> links = new ArrayList<>();
        for (LinkFacts l : m.links()) {
            links.add(new Link(l.from(), l.to(), l.rateBitsPerSecond(), l.propagationSeconds()));
        }
        PlacementProblem problem = new PlacementProblem(
                m.name(),
                modelUnits,
                input,
                (int) m.workload().batch(),
                (int) m.workload().microBatches(),
                nodes,
                links,
                codecs,
                m.source(),
                m.sink(),
                m.accuracy().maxLoss(),
                m.maxStages());
        return new Lowering.Lowered(problem, notes, calibration, onnxModel);
    }

    /** A built-in codec's measured ratio and loss at every cut the table covers. */
    private static CodecOption calibrated(CodecOption option, CalibrationTable table, int cuts) {
        List<Double> ratios = new ArrayList<>(option.ratioPerCut());
        List<Double> losses = new ArrayList<>(option.lossPerCut());
        for (int j = 0; j < cuts; j++) {
            Optional<CalibrationEntry> e = table.entry(j, option.kind().spec().orElseThrow());
            if (e.isPresent()) {
                ratios.set(j, Math.max(1.0, e.get().ratio()));
                losses.set(j, e.get().loss());
            }
        }
        return new CodecOption(option.kind(), ratios, losses, option.throughputBytesPerSecond());
    }

    private static ModelResult<CalibrationSession> calibrate(
            AnalyzedMission m, List<CodecKind> kinds, OnnxModel model, int sequence, LoweringOptions options) {
        List<CodecSpec> specs = new ArrayList<>();
        kinds.forEach(k -> k.spec().ifPresent(specs::add));
        CalibrationMetric metric = m.accuracy().metric() == AnalyzedMission.Metric.COSINE
                ? CalibrationMetric.COSINE
                : CalibrationMetric.TOP1;
        CalibrationRequest request = new CalibrationRequest(
                model,
                m.accuracy().calibration().orElseThrow(),
                m.model().tokenizer().orElseThrow(),
                sequence,
                m.accuracy().samples().orElse(DEFAULT_CALIBRATION_SAMPLES),
                metric,
                specs,
                List.of(),
                CalibrationOptions.defaults());
        return CalibrationSession.open(request, new CalibrationCache(options.cacheDirectory()), options.progress());
    }

    /**
     * Each candidate's kind, its built-in name parsed once into the runtime's spec. A top-k
     * fraction is taken from the number, so float noise in its spelling (7 % is 0.07000000000000001)
     * does not make it unparsable; one finer than the runtime's resolution cannot run.
     */
    private static List<CodecKind> kinds(List<CodecFacts> codecs, List<String> problems) {
        List<CodecKind> kinds = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (CodecFacts c : codecs) {
            Optional<CodecKind> kind = kind(c, problems);
            if (kind.isEmpty()) {
                continue;
            }
            String previous = seen.putIfAbsent(kind.get().name(), c.name());
            if (previous != null) {
                problems.add("Codecs `" + previous + "` and `" + c.name() + "` are the same codec `"
                        + kind.get().name() + "`; list it once.");
            }
            kinds.add(kind.get());
        }
        return kinds;
    }

    private static Optional<CodecKind> kind(CodecFacts c, List<String> problems) {
        if (!c.builtIn()) {
            return Optional.of(new CodecKind.Declared(c.name()));
        }
        if (c.topkFraction().isPresent()) {
            double perMillion = c.topkFraction().getAsDouble() * Codec.TopK.MILLION;
            long rounded = Math.round(perMillion);
            if (rounded < 1 || rounded > Codec.TopK.MILLION || Math.abs(perMillion - rounded) > 1e-6) {
                problems.add("Codec `" + c.name()
                        + "` keeps a fraction finer than the runtime's resolution of one part per million (0.0001 %).");
                return Optional.empty();
            }
            return Optional.of(new CodecKind.BuiltIn(CodecSpec.topK((int) rounded)));
        }
        ParsedCodecSpec parsed = CodecSpec.parse(c.name());
        if (parsed instanceof ParsedCodecSpec.Invalid invalid) {
            problems.add("Codec `" + c.name() + "`: " + invalid.message());
            return Optional.empty();
        }
        return Optional.of(new CodecKind.BuiltIn(((ParsedCodecSpec.Valid) parsed).value()));
    }

    private static CodecOption codec(CodecFacts c, CodecKind kind, int cuts, int activationBytes) {
        // A declared codec has both numbers (analysis requires them); a built-in one defaults each.
        Optional<Codec> builtIn = kind.spec().map(CodecSpec::codec);
        double ratio = c.ratio().isPresent()
                ? c.ratio().getAsDouble()
                : CodecDefaults.ratio(builtIn.orElseThrow(), activationBytes);
        double loss = c.loss().isPresent()
                ? c.loss().getAsDouble()
                : CodecDefaults.loss(builtIn.orElseThrow(), activationBytes);
        double throughput = c.throughputBytesPerSecond().orElse(Double.POSITIVE_INFINITY);
        return new CodecOption(kind, Collections.nCopies(cuts, ratio), Collections.nCopies(cuts, loss), throughput);
    }
}
