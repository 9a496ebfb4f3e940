package io.satc.compiler.model.calibration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.satc.runtime.codec.CodecSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Measured ℓ(c, j) and ρ(c, j) for every calibrated cut j and codec c, with what they were
 * measured on. Entries are ordered by cut, then by the order of {@code codecs}. JSON names codecs
 * by their canonical label.
 */
public record CalibrationTable(
        String metric,
        int sequenceLength,
        int samples,
        List<Integer> cuts,
        List<CodecSpec> codecs,
        List<CalibrationEntry> entries) {
    /**
     * Version of the JSON layout and of the calibration procedure; part of the cache key. 3: the
     * cache keeps the model's profile and measured plans with the table ({@link CalibrationRecord}).
     */
    public static final int FORMAT_VERSION = 3;

    public CalibrationTable {
        Objects.requireNonNull(metric, "metric");
        cuts = List.copyOf(cuts);
        codecs = List.copyOf(codecs);
        entries = List.copyOf(entries);
        if (entries.size() != cuts.size() * codecs.size()) {
            throw new IllegalArgumentException(
                    entries.size() + " entries for " + cuts.size() + " cuts and " + codecs.size() + " codecs");
        }
        int i = 0;
        for (int cut : cuts) {
            for (CodecSpec codec : codecs) {
                CalibrationEntry e = entries.get(i++);
                if (e.cutAfterUnit() != cut || !e.codec().equals(codec)) {
                    throw new IllegalArgumentException("entry " + e + " out of order");
                }
            }
        }
    }

    /** The entry for a cut and codec, if calibrated. */
    public Optional<CalibrationEntry> entry(int cutAfterUnit, CodecSpec codec) {
        int c = cuts.indexOf(cutAfterUnit);
        int k = codecs.indexOf(codec);
        return c < 0 || k < 0 ? Optional.empty() : Optional.of(entries.get(c * codecs.size() + k));
    }

    /** The sum of ℓ over the given cuts and codecs: the cost model's additive estimate. */
    public double additiveLoss(List<Integer> cutsAfterUnit, List<CodecSpec> codecsAtCuts) {
        double sum = 0;
        for (int i = 0; i < cutsAfterUnit.size(); i++) {
            int cut = cutsAfterUnit.get(i);
            CodecSpec codec = codecsAtCuts.get(i);
            sum += entry(cut, codec)
                    .orElseThrow(() -> new IllegalArgumentException("no entry for `" + codec + "` at cut " + cut))
                    .loss();
        }
        return sum;
    }

    /**
     * A fixed-width text table, one line per cut and codec; loss as a fraction in scientific
     * notation and as a percentage, ratio to four decimals (Locale.ROOT).
     */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "calibration: metric %s, sequence length %d, %d samples%n",
                metric,
                sequenceLength,
                samples));
        int width = "codec".length();
        for (CodecSpec c : codecs) {
            width = Math.max(width, c.label().length());
        }
        out.append(String.format(
                Locale.ROOT, "%4s  %-" + width + "s  %12s  %10s  %8s%n", "cut", "codec", "loss", "loss %", "ratio"));
        for (CalibrationEntry e : entries) {
            out.append(String.format(
                    Locale.ROOT,
                    "%4d  %-" + width + "s  %12.4e  %10.4f  %8.4f%n",
                    e.cutAfterUnit(),
                    e.codec().label(),
                    e.loss(),
                    100 * e.loss(),
                    e.ratio()));
        }
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    /** Pretty-printed JSON; doubles are written in Java's shortest round-trip form. */
    public String toJson() {
        return CalibrationJson.write(toJsonNode());
    }

    /** The table as a JSON object, its format version first. */
    ObjectNode toJsonNode() {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("metric", metric);
        root.put("sequenceLength", sequenceLength);
        root.put("samples", samples);
        ArrayNode cutArray = root.putArray("cuts");
        cuts.forEach(cutArray::add);
        ArrayNode codecArray = root.putArray("codecs");
        codecs.forEach(c -> codecArray.add(c.label()));
        ArrayNode entryArray = root.putArray("entries");
        for (CalibrationEntry e : entries) {
            ObjectNode n = entryArray.addObject();
            n.put("cut", e.cutAfterUnit());
            n.put("codec", e.codec().label());
            n.put("loss", e.loss());
            n.put("ratio", e.ratio());
        }
        return root;
    }

    /** The table in {@code json}, or empty if it is not a well-formed table of this version. */
    public static Optional<CalibrationTable> fromJson(String json) {
        try {
            return fromJsonNode(new ObjectMapper().readTree(json));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The table in a JSON object (other fields are ignored), or empty if it is not one of this version. */
    static Optional<CalibrationTable> fromJsonNode(JsonNode root) {
        try {
            if (root == null || root.path("formatVersion").asInt(-1) != FORMAT_VERSION) {
                return Optional.empty();
            }
            List<Integer> cuts = new ArrayList<>();
            for (JsonNode n : root.path("cuts")) {
                cuts.add(CalibrationJson.requireInt(n));
            }
            List<CodecSpec> codecs = new ArrayList<>();
            for (JsonNode n : root.path("codecs")) {
                codecs.add(CalibrationJson.requireCodec(n));
            }
            List<CalibrationEntry> entries = new ArrayList<>();
            for (JsonNode n : root.path("entries")) {
                entries.add(new CalibrationEntry(
                        CalibrationJson.requireInt(n.path("cut")),
                        CalibrationJson.requireCodec(n.path("codec")),
                        CalibrationJson.requireDouble(n.path("loss")),
                        CalibrationJson.requireDouble(n.path("ratio"))));
            }
            return Optional.of(new CalibrationTable(
                    CalibrationJson.requireText(root.path("metric")),
                    CalibrationJson.requireInt(root.path("sequenceLength")),
                    CalibrationJson.requireInt(root.path("samples")),
                    cuts,
                    codecs,
                    entries));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
