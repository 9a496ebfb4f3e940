package io.satc.compiler.lower;

import io.satc.compiler.model.ModelProfile;
import io.satc.compiler.model.ModelProfiler;
import io.satc.compiler.model.ModelResult;
import io.satc.compiler.model.SplitOptions;
import io.satc.compiler.model.UnitProfile;
import io.satc.compiler.model.calibration.CalibrationCache;
import io.satc.compiler.model.calibration.CalibrationEntry;
import io.satc.compiler.model.calibration.CalibrationMetric;
import io.satc.compiler.model.calibration.CalibrationOptions;
import io.satc.compiler.model.calibration.CalibrationRequest;
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
import io.satc.runtime.codec.CodecSpec;
import io.satc.runtime.codec.ParsedCodecSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
            // Cost model 2 (docs/orbits-language.md) plans over the horizon; a snapshot of cost
            // model 1 would ignore the constellation's motion, so no plan is better than that one.
            return new Lowering.Unsupported(List.of("Mission `" + m.name()
                    + "` has a `horizon`: planning over moving orbits (cost model 2) is not implemented yet;"
                    + " `satc check` and `satc fmt` accept it."));
        }
        Optional<CalibrationPlan> calibration = Optional.empty();
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
            ModelResult<ModelProfile> profiled =
                    ModelProfiler.profile(onnx.file(), sequence, m.model().blockPattern());
            if (profiled instanceof ModelResult.Failed<ModelProfile> failed) {
                return new Lowering.Unsupported(List.of("Cannot profile the ONNX model `"
                        + onnx.file().getFileName() + "`: " + failed.error().message()));
            }
            ModelProfile profile = profiled.orElseThrow();
            units = new ArrayList<>();
            for (UnitProfile u : profile.units()) {
                units.add(new UnitCost(u.name(), u.weightBytes(), u.flopsPerSample(), u.outBytesPerSample(), 0));
            }
            input = m.workload().inputBytes().orElse((double) profile.inputBytesPerSample());
            activationBytes = ONNX_ACTIVATION_BYTES;
            if (m.codecs().isEmpty()) {
                notes.add(
                        "No codecs declared: every cut travels uncompressed (`none`), with no accuracy loss to calibrate.");
            } else if (m.model().tokenizer().isPresent()
                    && m.accuracy().calibration().isPresent()) {
                ModelResult<CalibrationPlan> calibrated = calibrate(m, onnx, sequence, options);
                if (calibrated instanceof ModelResult.Failed<CalibrationPlan> failed) {
                    return new Lowering.Unsupported(List.of("Cannot calibrate the codecs on `"
                            + onnx.file().getFileName() + "`: " + failed.error().message()));
                }
                calibration = Optional.of(calibrated.orElseThrow());
                notes.add("Codec losses and ratios measured on "
                        + calibration.get().table().samples() + " calibration samples ("
                        + calibration.get().metric().label() + ").");
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
        for (CodecFacts c : m.codecs()) {
            CodecOption option = codec(c, cuts, activationBytes);
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
        return new Lowering.Lowered(problem, notes, calibration);
    }

    /** A built-in codec's measured ratio and loss at every cut the table covers. */
    private static CodecOption calibrated(CodecOption option, CalibrationTable table, int cuts) {
        List<Double> ratios = new ArrayList<>(option.ratioPerCut());
        List<Double> losses = new ArrayList<>(option.lossPerCut());
        for (int j = 0; j < cuts; j++) {
            Optional<CalibrationEntry> e = table.entry(j, option.name());
            if (e.isPresent()) {
                ratios.set(j, Math.max(1.0, e.get().ratio()));
                losses.set(j, e.get().loss());
            }
        }
        return new CodecOption(option.name(), ratios, losses, option.throughputBytesPerSecond());
    }

    private static ModelResult<CalibrationPlan> calibrate(
            AnalyzedMission m, OnnxSource onnx, int sequence, LoweringOptions options) {
        List<CodecSpec> specs = new ArrayList<>();
        for (CodecFacts c : m.codecs()) {
            if (CodecSpec.parse(c.name()) instanceof ParsedCodecSpec.Valid v) {
                specs.add(v.value());
            }
        }
        CalibrationMetric metric = m.accuracy().metric() == AnalyzedMission.Metric.COSINE
                ? CalibrationMetric.COSINE
                : CalibrationMetric.TOP1;
        CalibrationOptions calibrationOptions = new CalibrationOptions(
                CalibrationOptions.DEFAULT_BATCH_SIZE,
                Optional.empty(),
                SplitOptions.defaults().withBlockPattern(m.model().blockPattern()));
        CalibrationRequest request = new CalibrationRequest(
                onnx.file(),
                m.accuracy().calibration().orElseThrow(),
                m.model().tokenizer().orElseThrow(),
                sequence,
                m.accuracy().samples().orElse(DEFAULT_CALIBRATION_SAMPLES),
                metric,
                specs,
                List.of(),
                calibrationOptions);
        CalibrationCache cache = new CalibrationCache(options.cacheDirectory());
        return cache.calibrate(request, options.progress())
                .map(t -> new CalibrationPlan(request, t, options.cacheDirectory()));
    }

    private static CodecOption codec(CodecFacts c, int cuts, int activationBytes) {
        // A `+zstd` stage is lossless and its gain depends on the data: without calibration, count only the base codec.
        String base = c.topkFraction().isPresent() ? "topk" : c.name().replace("+zstd", "");
        double fraction = c.topkFraction().orElse(0);
        double ratio =
                c.ratio().isPresent() ? c.ratio().getAsDouble() : CodecDefaults.ratio(base, fraction, activationBytes);
        double loss =
                c.loss().isPresent() ? c.loss().getAsDouble() : CodecDefaults.loss(base, fraction, activationBytes);
        double throughput = c.throughputBytesPerSecond().orElse(Double.POSITIVE_INFINITY);
        return new CodecOption(c.name(), Collections.nCopies(cuts, ratio), Collections.nCopies(cuts, loss), throughput);
    }
}
