package io.satc.compiler.codegen;

import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.model.ModelResult;
import io.satc.compiler.model.OnnxModel;
import io.satc.compiler.plan.Evaluation;
import io.satc.compiler.plan.Resource;
import io.satc.compiler.sema.AnalyzedMission;
import io.satc.runtime.bundle.BundleManifest;
import io.satc.runtime.bundle.BundleWriter;
import io.satc.runtime.bundle.ContingencyIndex;
import io.satc.runtime.bundle.ModelIo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Writes a bundle's contingencies (docs/bundle-format.md): {@code contingencies.json}, and for
 * each executable one its manifest under {@code contingencies/<id>/} with the parts it needs
 * that the main plan does not already place on the same node. A part is shipped only when it fits
 * its node's memory beside the node's main part ("on board"); otherwise the contingency is
 * declared not executable, naming the uplink it would need.
 */
final class ContingencyWriter {

    private ContingencyWriter() {}

    /** What was written: the index, and every node that runs a stage in some executable contingency. */
    record Written(ContingencyIndex index, TreeSet<String> nodes) {}

    static Written write(
            Path dir,
            AnalyzedMission mission,
            PlanOutcome main,
            Optional<OnnxModel> model,
            String missionSha256,
            int activationBytes,
            ModelIo io,
            Map<String, PartWriter.Reusable> mainParts)
            throws IOException {
        PlacementProblem problem = main.problem();
        List<ContingencyIndex.Contingency> entries = new ArrayList<>();
        TreeSet<String> nodes = new TreeSet<>();
        for (Contingencies.Contingency c :
                Contingencies.of(problem, main.evaluation().orElseThrow())) {
            String id = c.loss().id();
            if (c.outcome().isEmpty()) {
                entries.add(new ContingencyIndex.Contingency(
                        id,
                        c.loss().kind(),
                        c.loss().name(),
                        false,
                        false,
                        0,
                        List.of(),
                        null,
                        List.of(),
                        "No contingency: " + c.reason() + "."));
                continue;
            }
            PlanOutcome outcome = c.outcome().get();
            Evaluation e = outcome.evaluation().orElseThrow();
            List<ContingencyIndex.Stage> stages = new ArrayList<>();
            for (Resource.StageWork w : PlanFacts.stageWorks(e)) {
                stages.add(new ContingencyIndex.Stage(w.stage() + 1, w.node(), w.firstUnit(), w.lastUnit()));
            }
            String prefix = "contingencies/" + id + "/";
            String manifestPath = prefix + BundleWriter.MANIFEST;
            List<Optional<ManifestBuilder.PartFiles>> parts = List.of();
            List<ContingencyIndex.ExtraPart> extras = new ArrayList<>();
            String note = "Runs on "
                    + String.join(
                            ", ",
                            stages.stream().map(ContingencyIndex.Stage::node).toList())
                    + ", predicted " + Quantities.seconds(e.latencySeconds()) + " against "
                    + Quantities.seconds(main.evaluation().get().latencySeconds()) + ".";
            boolean executable = true;
            if (model.isPresent()) {
                Optional<String> declared = declaredCodec(outcome);
                if (declared.isPresent()) {
                    entries.add(notExecutable(
                            c,
                            e,
                            stages,
                            List.of(),
                            "Not executable: its cut uses the declared codec `" + declared.get()
                                    + "`, which the runtime cannot run."));
                    continue;
                }
                ModelResult<PartWriter.Split> split = PartWriter.split(model.get(), e, outcome.problem(), mission);
                if (split instanceof ModelResult.Failed<PartWriter.Split> f) {
                    entries.add(notExecutable(
                            c,
                            e,
                            stages,
                            List.of(),
                            "Not executable: the model cannot be split at its cuts ("
                                    + f.error().message() + ")."));
                    continue;
                }
                PartWriter.Split s = split.orElseThrow();
                for (PartWriter.Part p : s.parts()) {
                    PartWriter.Reusable same = mainParts.get(p.node());
                    if (same != null && java.util.Arrays.equals(same.bytes(), p.onnx())) {
                        continue;
                    }
                    long held = same == null ? 0 : same.bytes().length;
                    double memory =
                            problem.node(p.node()).map(ComputeNode::memoryBytes).orElse(0.0);
                    boolean onBoard = held + p.onnx().length <= memory;
                    executable &= onBoard;
                    extras.add(new ContingencyIndex.ExtraPart(
                            p.node(),
                            onBoard ? prefix + "stages/" + p.node() + "/model.onnx" : null,
                            p.onnx().length,
                            onBoard));
                }
                if (!executable) {
                    long uplink = extras.stream()
                            .filter(x -> !x.onBoard())
                            .mapToLong(ContingencyIndex.ExtraPart::bytes)
                            .sum();
                    entries.add(notExecutable(
                            c,
                            e,
                            stages,
                            extras,
                            "Not executable from this bundle: " + Quantities.bytes(uplink) + " of parts do not fit "
                                    + "the spare memory of "
                                    + String.join(
                                            ", ",
                                            extras.stream()
                                                    .filter(x -> !x.onBoard())
                                                    .map(ContingencyIndex.ExtraPart::node)
                                                    .toList())
                                    + " and would need an uplink."));
                    continue;
                }
                parts = s.place(dir, prefix, mainParts).parts();
            }
            BundleManifest manifest = ManifestBuilder.build(outcome, missionSha256, activationBytes, parts, io);
            Path file = dir.resolve(manifestPath);
            Files.createDirectories(file.getParent());
            Files.writeString(file, new BundleWriter().toJson(manifest), StandardCharsets.UTF_8);
            stages.forEach(st -> nodes.add(st.node()));
            entries.add(new ContingencyIndex.Contingency(
                    id,
                    c.loss().kind(),
                    c.loss().name(),
                    true,
                    executable,
                    e.latencySeconds(),
                    stages,
                    manifestPath,
                    extras,
                    note));
        }
        ContingencyIndex index = new ContingencyIndex(ContingencyIndex.FORMAT_VERSION, entries);
        Files.writeString(dir.resolve(ContingencyIndex.FILE), index.toJson(), StandardCharsets.UTF_8);
        return new Written(index, nodes);
    }

    /** A feasible contingency this bundle cannot switch to, and why. */
    private static ContingencyIndex.Contingency notExecutable(
            Contingencies.Contingency c,
            Evaluation e,
            List<ContingencyIndex.Stage> stages,
            List<ContingencyIndex.ExtraPart> extras,
            String note) {
        return new ContingencyIndex.Contingency(
                c.loss().id(),
                c.loss().kind(),
                c.loss().name(),
                true,
                false,
                e.latencySeconds(),
                stages,
                null,
                extras,
                note);
    }

    /** A cut codec the runtime cannot execute, if the contingency uses one. */
    private static Optional<String> declaredCodec(PlanOutcome outcome) {
        for (String codec : outcome.evaluation().orElseThrow().plan().cutCodecs()) {
            if (outcome.problem().codec(codec).orElseThrow().kind().spec().isEmpty()) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }

    /** Rows of report.html's contingency table. */
    static List<Map<String, String>> rows(ContingencyIndex index) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (ContingencyIndex.Contingency c : index.contingencies()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("lost", c.lostKind() + " " + c.lost());
            row.put(
                    "plan",
                    c.stages().isEmpty()
                            ? "none"
                            : String.join(
                                    ", ",
                                    c.stages().stream()
                                            .map(st ->
                                                    st.node() + " (units " + st.firstUnit() + "–" + st.lastUnit() + ")")
                                            .toList()));
            row.put("latency", c.feasible() ? Quantities.seconds(c.predictedMakespanS()) : "");
            row.put(
                    "onBoard",
                    !c.feasible()
                            ? "infeasible"
                            : c.executable()
                                    ? (c.extraParts().isEmpty()
                                            ? "yes, nothing extra"
                                            : "yes, "
                                                    + Quantities.bytes(c.extraParts().stream()
                                                            .mapToLong(ContingencyIndex.ExtraPart::bytes)
                                                            .sum())
                                                    + " of extra parts shipped")
                                    : "no");
            row.put("note", c.note());
            rows.add(row);
        }
        return rows;
    }
}
