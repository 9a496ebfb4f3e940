package io.satc.compiler.codegen;

import io.satc.compiler.lower.Lowerer;
import io.satc.compiler.model.ModelResult;
import io.satc.compiler.model.OnnxModel;
import io.satc.compiler.plan.Evaluation;
import io.satc.compiler.plan.Resource;
import io.satc.compiler.sema.AnalyzedMission;
import io.satc.compiler.source.SourceFile;
import io.satc.runtime.bundle.BundleManifest;
import io.satc.runtime.bundle.BundleWriter;
import io.satc.runtime.bundle.ModelIo;
import io.satc.runtime.bundle.TensorDescriptor;
import io.satc.runtime.trust.BundleSigner;
import io.satc.runtime.trust.BundleStatement;
import io.satc.runtime.trust.Certificates;
import io.satc.runtime.trust.NodeAuthority;
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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a deployment bundle (docs/bundle-format.md): the manifest, the split sub-models of a
 * real model, README.md, PLAN.md, report.html and bin/run-local.sh, and last the signed statement
 * over all of them (docs/security.md). Writes into a staging folder and renames it into place, so
 * a failed compile never leaves a half-written or unsigned bundle behind. Same inputs (key and
 * bundle version included), same bytes.
 */
public final class BundleCompiler {

    /** The outcome of a compile. */
    public sealed interface Result permits Written, Failed {}

    /** The bundle's folder and its files, relative and sorted. */
    public record Written(Path directory, List<String> files) implements Result {}

    /** Nothing was written; each reason is a sentence. */
    public record Failed(List<String> reasons) implements Result {}

    /**
     * How the bundle is signed (docs/security.md): with {@code key}, as version
     * {@code bundleVersion} of its mission; {@code nodes} issues the TLS certificates of the nodes
     * that run stages, whose keys the statement pins.
     */
    public record Signing(BundleSigner.SigningKey key, long bundleVersion, NodeAuthority nodes) {
        public Signing {
            if (bundleVersion < 1) {
                throw new IllegalArgumentException("bundle versions start at 1, not " + bundleVersion);
            }
        }
    }

    private BundleCompiler() {}

    /**
     * Writes the bundle of {@code planned} into {@code outDir}, signed last. The manifest's mission
     * hash is of the analysed source text (its UTF-8 bytes are the file's); a real model is split
     * from the model the planning loaded, not read again.
     */
    public static Result compile(
            SourceFile source,
            AnalyzedMission mission,
            MissionPlanning.Planned planned,
            Path outDir,
            String version,
            Signing signing) {
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
            Staged staged = write(source, mission, planned, staging, version);
            if (staged.failed().isPresent()) {
                deleteTree(staging);
                return staged.failed().get();
            }
            BundleSigner.sign(
                    staging,
                    outcome.problem().mission(),
                    signing.bundleVersion(),
                    signing.key(),
                    tlsPins(staging, staged.nodes(), signing.nodes()));
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

    /** A staged bundle: why it could not be written, or the nodes that run a stage in its plan or a contingency. */
    private record Staged(Optional<Failed> failed, java.util.Set<String> nodes) {
        static Staged failed(Failed f) {
            return new Staged(Optional.of(f), java.util.Set.of());
        }
    }

    private static Staged write(
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
        Map<String, PartWriter.Reusable> mainParts = new LinkedHashMap<>();
        ModelIo io = null;
        if (mission.model().source() instanceof AnalyzedMission.OnnxSource onnx) {
            kind = "real-model";
            kindNote = "each stage runs its part of `" + onnx.file().getFileName()
                    + "` (split at the planned cuts; the parts "
                    + "compose to the original model) and hops carry the activations encoded with the planned codecs.";
            activationBytes = 4;
            for (int k = 0; k < e.plan().stageCount() - 1; k++) {
                String codec = e.plan().cutCodecs().get(k);
                if (outcome.problem().codec(codec).orElseThrow().kind().spec().isEmpty()) {
                    return Staged.failed(new Failed(List.of("The plan sends the cut after unit "
                            + e.plan().stages().get(k).lastUnit() + " with the declared codec `" + codec
                            + "`, which the runtime cannot execute; a real-model bundle needs built-in codecs.")));
                }
            }
            OnnxModel model = planned.model()
                    .orElseThrow(() -> new IllegalStateException("planning a real model keeps the model it loaded"));
            ModelResult<PartWriter.Split> split = PartWriter.split(model, e, outcome.problem(), mission);
            if (split instanceof ModelResult.Failed<PartWriter.Split> f) {
                return Staged.failed(new Failed(List.of("Cannot split `"
                        + onnx.file().getFileName() + "`: " + f.error().message())));
            }
            PartWriter.Split s = split.orElseThrow();
            PartWriter.Placed placed = s.place(dir, "", Map.of());
            parts.addAll(placed.parts());
            stageFiles.addAll(placed.files());
            for (int k = 0; k < s.parts().size(); k++) {
                mainParts.put(
                        s.parts().get(k).node(),
                        new PartWriter.Reusable(
                                placed.parts().get(k).orElseThrow().model(),
                                s.parts().get(k).onnx()));
            }
            Map<String, TensorDescriptor> graphInputs = s.graphInputs();
            int seq = (int) mission.workload().sequence().orElse(Lowerer.DEFAULT_SEQUENCE);
            BundleInputsWriter.Written written =
                    BundleInputsWriter.write(mission, dir, outcome.problem().batch());
            if (written.failure().isPresent()) {
                return Staged.failed(new Failed(List.of(written.failure().get())));
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
        ContingencyWriter.Written contingencies =
                ContingencyWriter.write(dir, mission, outcome, planned.model(), sha, activationBytes, io, mainParts);
        java.util.TreeSet<String> nodes = new java.util.TreeSet<>(contingencies.nodes());
        PlanFacts.stageWorks(e).forEach(w -> nodes.add(w.node()));

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
        Files.writeString(
                dir.resolve("report.html"),
                renderReport(outcome, header, ContingencyWriter.rows(contingencies.index())),
                StandardCharsets.UTF_8);
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        Path run = bin.resolve("run-local.sh");
        Files.writeString(run, Templates.render("run-local.sh.ftl", header), StandardCharsets.UTF_8);
        run.toFile().setExecutable(true, false);
        writeNodeScripts(bin, e, contingencies.nodes());
        return new Staged(Optional.empty(), nodes);
    }

    /**
     * Writes the mission CA's certificate into the bundle and pins the TLS key of every node that
     * runs a stage (docs/security.md): each node accepts only these keys from its peers.
     */
    private static BundleStatement.TlsPins tlsPins(Path dir, java.util.Set<String> stageNodes, NodeAuthority nodes)
            throws IOException {
        Path ca = dir.resolve(BundleStatement.CA_FILE);
        Files.createDirectories(ca.getParent());
        Certificates.write(ca, nodes.ca());
        Map<String, String> pins = new TreeMap<>();
        for (String node : new java.util.TreeSet<>(stageNodes)) {
            pins.put(node, Certificates.pin(nodes.certificate(node)));
        }
        return new BundleStatement.TlsPins(Certificates.fingerprint(nodes.ca()), pins);
    }

    /** First port of the default peers file; stage k listens on {@code NODE_BASE_PORT + k}. */
    public static final int NODE_BASE_PORT = 7400;

    /**
     * bin/peers.txt (loopback, one port per node) and bin/node-NODE.sh for each stage, then for
     * each node that runs a stage only in a contingency (a standby).
     */
    private static void writeNodeScripts(Path bin, Evaluation e, java.util.Set<String> contingencyNodes)
            throws IOException {
        List<Resource.StageWork> works = PlanFacts.stageWorks(e);
        List<Map<String, String>> peers = new ArrayList<>();
        for (int k = 0; k < works.size(); k++) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("node", works.get(k).node());
            p.put("address", "127.0.0.1:" + (NODE_BASE_PORT + k + 1));
            peers.add(p);
        }
        java.util.TreeSet<String> standbys = new java.util.TreeSet<>(contingencyNodes);
        works.forEach(w -> standbys.remove(w.node()));
        for (String node : standbys) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("node", node);
            p.put("address", "127.0.0.1:" + (NODE_BASE_PORT + peers.size() + 1));
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
            m.put("standby", false);
            Path script = bin.resolve("node-" + w.node() + ".sh");
            Files.writeString(script, Templates.render("node.sh.ftl", m), StandardCharsets.UTF_8);
            script.toFile().setExecutable(true, false);
        }
        for (int k = works.size(); k < peers.size(); k++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("node", peers.get(k).get("node"));
            m.put("address", peers.get(k).get("address"));
            m.put("first", false);
            m.put("last", false);
            m.put("standby", true);
            Path script = bin.resolve("node-" + peers.get(k).get("node") + ".sh");
            Files.writeString(script, Templates.render("node.sh.ftl", m), StandardCharsets.UTF_8);
            script.toFile().setExecutable(true, false);
        }
    }

    static String renderReport(
            PlanOutcome outcome, Map<String, Object> header, List<Map<String, String>> contingencies) {
        Map<String, Object> model = ReportView.model(outcome, header);
        model.put("contingencies", contingencies);
        return Templates.render("report.ftlh", model);
    }

    static Map<String, String> file(String path, String note) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("path", path);
        m.put("note", note);
        return m;
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
