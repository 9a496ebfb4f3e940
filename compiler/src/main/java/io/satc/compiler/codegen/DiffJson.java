package io.satc.compiler.codegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.satc.compiler.codegen.DeploymentDiff.Change;
import io.satc.compiler.codegen.DeploymentDiff.Cut;
import io.satc.compiler.codegen.DeploymentDiff.CutChange;
import io.satc.compiler.codegen.DeploymentDiff.Deployment;
import io.satc.compiler.codegen.DeploymentDiff.Result;
import io.satc.compiler.codegen.DeploymentDiff.Side;
import io.satc.compiler.codegen.DeploymentDiff.Stage;
import io.satc.compiler.codegen.DeploymentDiff.StageChange;
import io.satc.compiler.codegen.DeploymentDiff.Uplink;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** {@code satc diff --json}: the comparison as one JSON document (docs/diff-format.md, docs/schemas/diff.schema.json). */
public final class DiffJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiffJson() {}

    public static String render(Result r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format_version", 1);
        root.put("changed", r.changed());
        side(root.putObject("old"), r.before());
        side(root.putObject("new"), r.after());
        ArrayNode stages = root.putArray("stages");
        for (StageChange s : r.stages()) {
            ObjectNode n = stages.addObject();
            n.put("node", s.node());
            n.put("change", s.change().word());
            optionalStage(n, "old", s.before());
            optionalStage(n, "new", s.after());
        }
        ArrayNode uplinks = root.putArray("uplinks");
        for (Uplink u : r.uplinks()) {
            ObjectNode n = uplinks.addObject();
            stage(n, u.stage());
            n.put("reason", u.reason());
        }
        ArrayNode kept = root.putArray("kept_parts");
        for (Stage s : r.kept()) {
            ObjectNode n = kept.addObject();
            n.put("node", s.node());
            n.put("part_sha256", s.partSha256());
        }
        ArrayNode cuts = root.putArray("cuts");
        for (CutChange c : r.cuts()) {
            ObjectNode n = cuts.addObject();
            n.put("after_unit", c.afterUnit());
            n.put("change", c.change().word());
            optionalCut(n, "old", c.before());
            optionalCut(n, "new", c.after());
        }
        ObjectNode predicted = root.putObject("predicted");
        figure(predicted, "latency_s", r, Deployment::latencySeconds);
        figure(predicted, "comm_bytes", r, Deployment::commBytes);
        figure(predicted, "accuracy_loss", r, Deployment::accuracyLoss);
        ObjectNode summary = root.putObject("summary");
        summary.put("stages_added", r.count(Change.ADD));
        summary.put("stages_changed", r.count(Change.CHANGE));
        summary.put("stages_removed", r.count(Change.REMOVE));
        summary.put("parts_to_uplink", r.uplinks().size());
        summary.put("uplink_bytes", r.uplinkBytes());
        summary.put("codec_changes", r.codecChanges());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void side(ObjectNode n, Side s) {
        n.put("file", s.file());
        n.put("mission", s.mission());
        n.put("feasible", s.deployment().isPresent());
        if (s.deployment().isPresent()) {
            n.put("plan", s.deployment().get().summary());
        } else {
            ArrayNode reasons = n.putArray("reasons");
            s.reasons().forEach(reasons::add);
        }
    }

    private static void optionalStage(ObjectNode parent, String key, Optional<Stage> s) {
        if (s.isPresent()) {
            stage(parent.putObject(key), s.get());
        } else {
            parent.putNull(key);
        }
    }

    private static void stage(ObjectNode n, Stage s) {
        n.put("stage", s.index());
        n.put("node", s.node());
        n.put("first_unit", s.firstUnit());
        n.put("last_unit", s.lastUnit());
        n.put("first_unit_name", s.firstUnitName());
        n.put("last_unit_name", s.lastUnitName());
        n.put("part_sha256", s.partSha256());
        n.put("weight_bytes", s.weightBytes());
    }

    private static void optionalCut(ObjectNode parent, String key, Optional<Cut> c) {
        if (c.isEmpty()) {
            parent.putNull(key);
            return;
        }
        ObjectNode n = parent.putObject(key);
        n.put("after_unit_name", c.get().afterUnitName());
        n.put("codec", c.get().codec());
        n.put("ratio", c.get().ratio());
        n.put("loss", c.get().loss());
    }

    private static void figure(ObjectNode parent, String key, Result r, ToDoubleFunction<Deployment> value) {
        ObjectNode n = parent.putObject(key);
        put(n, "old", r.before().deployment().map(value::applyAsDouble));
        put(n, "new", r.after().deployment().map(value::applyAsDouble));
    }

    private static void put(ObjectNode n, String key, Optional<Double> v) {
        if (v.isPresent() && Double.isFinite(v.get())) {
            n.put(key, v.get());
        } else {
            n.putNull(key);
        }
    }
}
