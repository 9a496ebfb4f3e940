package io.satc.compiler.model.calibration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.satc.compiler.model.ModelProfile;
import io.satc.compiler.model.UnitProfile;
import io.satc.runtime.codec.CodecSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the cache keeps for one calibration request, so that a hit needs no model run: the
 * model's profile at the request's sequence length (its cost-model figures come from an ONNX
 * Runtime run too), the per-cut table, and the plans measured so far on the same set. A plan's
 * measurement depends only on what the key covers and on its cuts and codecs, so it is looked up
 * by those; a new one is added when a command measures it.
 */
public record CalibrationRecord(ModelProfile profile, CalibrationTable table, List<MeasuredPlan> plans) {
    public CalibrationRecord {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(table, "table");
        plans = List.copyOf(plans);
    }

    /** The measured loss of these cuts with these codecs, if measured before. */
    public Optional<Double> loss(List<Integer> cutsAfterUnit, List<CodecSpec> codecs) {
        return plans.stream()
                .filter(p -> p.of(cutsAfterUnit, codecs))
                .map(MeasuredPlan::loss)
                .findFirst();
    }

    /** This record with one more measured plan. */
    public CalibrationRecord with(MeasuredPlan plan) {
        List<MeasuredPlan> more = new ArrayList<>(plans);
        more.add(plan);
        return new CalibrationRecord(profile, table, more);
    }

    /** The table's JSON with two more fields, {@code profile} and {@code plans}. */
    public String toJson() {
        ObjectNode root = table.toJsonNode();
        ObjectNode p = root.putObject("profile");
        p.put("sequenceLength", profile.sequenceLength());
        p.put("inputBytesPerSample", profile.inputBytesPerSample());
        ArrayNode units = p.putArray("units");
        for (UnitProfile u : profile.units()) {
            ObjectNode n = units.addObject();
            n.put("name", u.name());
            n.put("weightBytes", u.weightBytes());
            n.put("flopsPerSample", u.flopsPerSample());
            n.put("outBytesPerSample", u.outBytesPerSample());
        }
        ArrayNode measured = root.putArray("plans");
        for (MeasuredPlan plan : plans) {
            ObjectNode n = measured.addObject();
            ArrayNode cuts = n.putArray("cuts");
            plan.cutsAfterUnit().forEach(cuts::add);
            ArrayNode codecs = n.putArray("codecs");
            plan.codecs().forEach(c -> codecs.add(c.label()));
            n.put("loss", plan.loss());
        }
        return CalibrationJson.write(root);
    }

    /** The record in {@code json}, or empty if it is not a well-formed record of the current version. */
    public static Optional<CalibrationRecord> fromJson(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        Optional<CalibrationTable> table = CalibrationTable.fromJsonNode(root);
        if (table.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode p = root.path("profile");
            List<UnitProfile> units = new ArrayList<>();
            for (JsonNode n : p.path("units")) {
                units.add(new UnitProfile(
                        CalibrationJson.requireText(n.path("name")),
                        CalibrationJson.requireLong(n.path("weightBytes")),
                        CalibrationJson.requireLong(n.path("flopsPerSample")),
                        CalibrationJson.requireLong(n.path("outBytesPerSample"))));
            }
            if (units.isEmpty()) {
                return Optional.empty();
            }
            ModelProfile profile = new ModelProfile(
                    CalibrationJson.requireInt(p.path("sequenceLength")),
                    CalibrationJson.requireLong(p.path("inputBytesPerSample")),
                    units);
            if (!root.path("plans").isArray()) {
                return Optional.empty();
            }
            List<MeasuredPlan> plans = new ArrayList<>();
            for (JsonNode n : root.path("plans")) {
                List<Integer> cuts = new ArrayList<>();
                for (JsonNode c : n.path("cuts")) {
                    cuts.add(CalibrationJson.requireInt(c));
                }
                List<CodecSpec> codecs = new ArrayList<>();
                for (JsonNode c : n.path("codecs")) {
                    codecs.add(CalibrationJson.requireCodec(c));
                }
                plans.add(new MeasuredPlan(cuts, codecs, CalibrationJson.requireDouble(n.path("loss"))));
            }
            return Optional.of(new CalibrationRecord(profile, table.get(), plans));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
