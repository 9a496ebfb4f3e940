package io.satc.compiler.codegen;

import io.satc.compiler.lower.Lowerer;
import io.satc.compiler.model.Dimension;
import io.satc.compiler.model.ModelPart;
import io.satc.compiler.model.ModelResult;
import io.satc.compiler.model.ModelSplit;
import io.satc.compiler.model.ModelSplitter;
import io.satc.compiler.model.OnnxModel;
import io.satc.compiler.model.TensorSpec;
import io.satc.compiler.plan.Evaluation;
import io.satc.compiler.plan.Resource;
import io.satc.compiler.sema.AnalyzedMission;
import io.satc.compiler.source.SourceFile;
import io.satc.runtime.bundle.BundleManifest;
import io.satc.runtime.bundle.BundleWriter;
import io.satc.runtime.bundle.ModelFile;
import io.satc.runtime.bundle.ModelIo;
import io.satc.runtime.bundle.TensorDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes a deployment bundle (docs/bundle-format.md): the manifest, the split sub-models of a
 * real model, README.md, PLAN.md, report.html and bin/run-local.sh. Writes into a staging folder
 * and renames it into place, so a failed compile never leaves a half-written bundle behind.
 * Same inputs, same bytes.
 */
public final class BundleCompiler {

    /** Where the measured section of report.html goes; {@code satc run} replaces what is between. */
    public static final String MEASURED_BEGIN = "<!-- satc:measured:begin -->";

    public static final String MEASURED_END = "<!-- satc:measured:end -->";

    /** The outcome of a compile. */
    public sealed interface Result permits Written, Failed {}

    /** The bundle's folder and its files, relative and sorted. */
    public record Written(Path directory, List<String> files) implements Result {}

    /** Nothing was written; each reason is a sentence. */
    public record Failed(List<String> reasons) implements Result {}

    private BundleCompiler() {}

    /**
     * Writes the bundle of {@code planned} into {@code outDir}. The manifest's mission hash is of
     * the analysed source text (its UTF-8 bytes are the file's); a real model is split from the
     * model the planning loaded, not read again.
     */
    public static Result compile(
            SourceFile source, AnalyzedMission mission, MissionPlanning.Planned planned, Path outDir, String version) {
        PlanOutcome outcome = planned.outcome();
        if (outcome.evaluation().isEmpty()) {
            return new Failed(List.of("The mission has no feasible plan; `satc plan` explains why."));
        }
        Path target = outDir.toAbsolutePath().normalize();
        if (Files.exists(target) && !replaceable(target)) {
            return new Failed(List.of("`" + outDir + "` exists and is not a satc bundle; refusing to overwrite it."));
        }
        Path staging = target.resolveSibling("." + target.getFileName() + ".satc-staging");
        try {
            deleteTree(staging);
            Files.createDirectories(staging);
            Optional<Failed> failed = write(source, mission, planned, staging, version);
            if (failed.isPresent()) {
                deleteTree(staging);
                return failed.get();
            }
            deleteTree(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return new Written(target, listing(target));
        } catch (IOException | UncheckedIOException e) {
            try {
                deleteTree(staging);
            } catch (IOException ignored) {
                // The original failure is the one to report.
            }
            return new Failed(List.of("Cannot write the bundle to `" + outDir + "`: " + e.getMessage()));
        }
    }

    private static Optional<Failed> write(
            SourceFile source, AnalyzedMission mission, MissionPlanning.Planned planned, Path dir, String version)
            throws IOException {
        PlanOutcome outcome = planned.outcome();
        String shownPath = source.displayPath();
        String sha = BundleFiles.sha256(source.text().getBytes(StandardCharsets.UTF_8));
        Evaluation e = outcome.evaluation().orElseThrow();
        BundleWriter writer = new BundleWriter();
        List<Optional<ManifestBuilder.PartFiles>> parts = new ArrayList<>();
        int activationBytes = mission.model().precision().bytes();
        String kind = "simulation";
        String kindNote =
                "the model is a catalogue architecture or a profile, so stages compute synthetic activations of "
                        + "the planned sizes (no weights) and every hop carries real codec frames of the planned sizes.";
        List<Map<String, String>> stageFiles = new ArrayList<>();
        ModelIo io = null;
        if (mission.model().source() instanceof AnalyzedMission.OnnxSource onnx) {
            kind = "real-model";
            kindNote = "each stage runs its part of `" + onnx.file().getFileName()
                    + "` (split at the planned cuts; the parts "
                    + "compose to the original model) and hops carry the activations encoded with the planned codecs.";
            activationBytes = 4;
            List<Integer> cuts = new ArrayList<>();
            for (int k = 0; k < e.plan().stageCount() - 1; k++) {
                cuts.add(e.plan().stages().get(k).lastUnit());
                String codec = e.plan().cutCodecs().get(k);
                if (outcome.problem().codec(codec).orElseThrow().kind().spec().isEmpty()) {
                    return Optional.of(new Failed(List.of("The plan sends the cut after unit "
                            + cuts.get(k) + " with the declared codec `" + codec
                            + "`, which the runtime cannot execute; a real-model bundle needs built-in codecs.")));
                }
            }
            OnnxModel model = planned.model()
                    .orElseThrow(() -> new IllegalStateException("planning a real model keeps the model it loaded"));
            ModelResult<ModelSplit> split = ModelSplitter.split(model, cuts);
            if (split instanceof ModelResult.Failed<ModelSplit> f) {
                return Optional.of(new Failed(List.of("Cannot split `"
                        + onnx.file().getFileName() + "`: " + f.error().message())));
            }
            ModelSplit s = split.orElseThrow();
            int b = outcome.problem().microBatchSize();
            int seq = (int) mission.workload().sequence().orElse(Lowerer.DEFAULT_SEQUENCE);
            // The model's graph inputs in message order: the first stage's input, then the others as stages first read
            // them.
            Map<String, TensorDescriptor> graphInputs = new LinkedHashMap<>();
            for (int k = 0; k < s.parts().size(); k++) {
                ModelPart part = s.parts().get(k);
                String node = e.plan().stages().get(k).node();
                String rel = "stages/" + node + "/model.onnx";
                ModelFile modelFile = BundleFiles.write(dir, rel, part.onnx());
                List<TensorDescriptor> side = new ArrayList<>();
                for (TensorSpec spec : part.inputs().subList(1, part.inputs().size())) {
                    side.add(descriptor(spec, b, seq));
                }
                if (k == 0) {
                    graphInputs.put(
                            part.inputs().get(0).name(),
                            descriptor(part.inputs().get(0), b, seq));
                }
                side.forEach(d -> graphInputs.putIfAbsent(d.name(), d));
                parts.add(Optional.of(new ManifestBuilder.PartFiles(
                        modelFile,
                        descriptor(part.inputs().get(0), b, seq),
                        descriptor(part.outputs().get(0), b, seq),
                        side)));
                stageFiles.add(file(
                        rel,
                        "ONNX part " + (k + 1) + " (units " + part.firstUnit() + "–" + part.lastUnit() + "), inputs "
                                + String.join(", ", part.inputNames())));
            }
            BundleInputsWriter.Written written =
                    BundleInputsWriter.write(mission, dir, outcome.problem().batch());
            if (written.failure().isPresent()) {
                return Optional.of(new Failed(List.of(written.failure().get())));
            }
            List<String> sinkInputs =
                    ModelIo.ENCODER.equals(written.kind()) && graphInputs.containsKey("attention_mask")
                            ? List.of("attention_mask")
                            : List.of();
            io = new ModelIo(
                    written.kind(),
                    new ArrayList<>(graphInputs.values()),
                    sinkInputs,
                    seq,
                    written.tokenizer(),
                    written.samples());
            if (written.samples() != null) {
                stageFiles.add(file(written.samples().path(), written.samplesNote()));
            }
            if (written.tokenizer() != null) {
                stageFiles.add(
                        file(written.tokenizer().path(), "the tokenizer, which turns text into the model's inputs"));
            }
        }
        BundleManifest manifest = ManifestBuilder.build(outcome, sha, activationBytes, parts, io);
        writer.write(dir, manifest);

        Map<String, Object> header = new LinkedHashMap<>();
        header.put("mission", outcome.problem().mission());
        header.put("missionFile", shownPath);
        header.put("missionSha256", sha);
        header.put("version", version);
        Map<String, Object> readme = new LinkedHashMap<>(header);
        readme.put("kind", kind);
        readme.put("kindNote", kindNote);
        readme.put("stageFiles", stageFiles);
        readme.put("microBatches", outcome.problem().microBatches());
        readme.put("makespan", Quantities.seconds(e.latencySeconds()));
        List<Map<String, String>> stages = new ArrayList<>();
        int i = 1;
        for (Resource.StageWork w : PlanFacts.stageWorks(e)) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("index", Integer.toString(i++));
            row.put("node", w.node());
            row.put("units", w.firstUnit() + "–" + w.lastUnit());
            row.put("service", Quantities.seconds(w.serviceSeconds()));
            stages.add(row);
        }
        readme.put("stages", stages);
        Files.writeString(dir.resolve("README.md"), Templates.render("README.md.ftl", readme), StandardCharsets.UTF_8);
        Map<String, Object> planModel = new LinkedHashMap<>(header);
        planModel.put("planText", PlanText.render(outcome, true));
        Files.writeString(dir.resolve("PLAN.md"), Templates.render("PLAN.md.ftl", planModel), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"), renderReport(outcome, header, List.of()), StandardCharsets.UTF_8);
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        Path run = bin.resolve("run-local.sh");
        Files.writeString(run, Templates.render("run-local.sh.ftl", header), StandardCharsets.UTF_8);
        run.toFile().setExecutable(true, false);
        writeNodeScripts(bin, e, outcome);
        return Optional.empty();
    }

    /** First port of the default peers file; stage k listens on {@code NODE_BASE_PORT + k}. */
    public static final int NODE_BASE_PORT = 7400;

    /** bin/peers.txt (loopback, one port per stage) and bin/node-NODE.sh for each stage. */
    private static void writeNodeScripts(Path bin, Evaluation e, PlanOutcome outcome) throws IOException {
        List<Resource.StageWork> works = PlanFacts.stageWorks(e);
        List<Map<String, String>> peers = new ArrayList<>();
        for (int k = 0; k < works.size(); k++) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("node", works.get(k).node());
            p.put("address", "127.0.0.1:" + (NODE_BASE_PORT + k + 1));
            peers.add(p);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("peers", peers);
        Files.writeString(bin.resolve("peers.txt"), Templates.render("peers.txt.ftl", model), StandardCharsets.UTF_8);
        for (int k = 0; k < works.size(); k++) {
            Resource.StageWork w = works.get(k);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", Integer.toString(k + 1));
            m.put("stageCount", Integer.toString(works.size()));
            m.put("units", "units " + w.firstUnit() + "–" + w.lastUnit());
            m.put("node", w.node());
            m.put("address", peers.get(k).get("address"));
            m.put("first", k == 0);
            m.put("last", k == works.size() - 1);
            Path script = bin.resolve("node-" + w.node() + ".sh");
            Files.writeString(script, Templates.render("node.sh.ftl", m), StandardCharsets.UTF_8);
            script.toFile().setExecutable(true, false);
        }
    }

    static String renderReport(PlanOutcome outcome, Map<String, Object> header, List<Map<String, Object>> measured) {
        return Templates.render("report.ftlh", ReportView.model(outcome, header, measured));
    }

    private static Map<String, String> file(String path, String note) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("path", path);
        m.put("note", note);
        return m;
    }

    /** A part's tensor per micro-batch: symbolic dimensions become the micro-batch size, then the sequence length. */
    private static TensorDescriptor descriptor(TensorSpec spec, int b, int seq) {
        List<Integer> shape = new ArrayList<>();
        for (int d = 0; d < spec.shape().size(); d++) {
            Dimension dim = spec.shape().get(d);
            shape.add(dim instanceof Dimension.Fixed f ? (int) f.size() : d == 0 ? b : seq);
        }
        return new TensorDescriptor(spec.name(), shape, dtype(spec.elementType()));
    }

    private static String dtype(String onnxType) {
        return switch (onnxType.toUpperCase(Locale.ROOT)) {
            case "FLOAT" -> "float32";
            case "FLOAT16" -> "float16";
            case "INT64" -> "int64";
            case "INT32" -> "int32";
            default -> onnxType.toLowerCase(Locale.ROOT);
        };
    }

    private static boolean replaceable(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty() || Files.isRegularFile(dir.resolve(BundleWriter.MANIFEST));
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
