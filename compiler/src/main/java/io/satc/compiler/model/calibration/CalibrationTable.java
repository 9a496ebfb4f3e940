package io.satc.compiler.model.calibration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Measured ℓ(c, j) and ρ(c, j) for every calibrated cut j and codec c, with what they were
 * measured on. Entries are ordered by cut, then by the order of {@code codecs}.
 */
public record CalibrationTable(
        String metric,
        int sequenceLength,
        int samples,
        List<Integer> cuts,
        List<String> codecs,
        List<CalibrationEntry> entries) {
    /** Version of the JSON layout and of the calibration procedure; part of the cache key. */
    public static final int FORMAT_VERSION = 2;

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
            for (String codec : codecs) {
                CalibrationEntry e = entries.get(i++);
                if (e.cutAfterUnit() != cut || !e.codec().equals(codec)) {
                    throw new IllegalArgumentException("entry " + e + " out of order");
                }
            }
        }
    }

    /** The entry for a cut and codec label, if calibrated. */
    public Optional<CalibrationEntry> entry(int cutAfterUnit, String codec) {
        int c = cuts.indexOf(cutAfterUnit);
        int k = codecs.indexOf(codec);
        return c < 0 || k < 0 ? Optional.empty() : Optional.of(entries.get(c * codecs.size() + k));
    }

    /** The sum of ℓ over the given cuts and codec labels: the cost model's additive estimate. */
    public double additiveLoss(List<Integer> cutsAfterUnit, List<String> codecLabels) {
        double sum = 0;
        for (int i = 0; i < cutsAfterUnit.size(); i++) {
            int cut = cutsAfterUnit.get(i);
            String codec = codecLabels.get(i);
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
        for (String c : codecs) {
            width = Math.max(width, c.length());
        }
        out.append(String.format(
                Locale.ROOT, "%4s  %-" + width + "s  %12s  %10s  %8s%n", "cut", "codec", "loss", "loss %", "ratio"));
        for (CalibrationEntry e : entries) {
            out.append(String.format(
                    Locale.ROOT,
                    "%4d  %-" + width + "s  %12.4e  %10.4f  %8.4f%n",
                    e.cutAfterUnit(),
                    e.codec(),
                    e.loss(),
                    100 * e.loss(),
                    e.ratio()));
        }
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    /** Pretty-printed JSON; doubles are written in Java's shortest round-trip form. */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("metric", metric);
        root.put("sequenceLength", sequenceLength);
        root.put("samples", samples);
        ArrayNode cutArray = root.putArray("cuts");
        cuts.forEach(cutArray::add);
        ArrayNode codecArray = root.putArray("codecs");
        codecs.forEach(codecArray::add);
        ArrayNode entryArray = root.putArray("entries");
        for (CalibrationEntry e : entries) {
            ObjectNode n = entryArray.addObject();
            n.put("cut", e.cutAfterUnit());
            n.put("codec", e.codec());
            n.put("loss", e.loss());
            n.put("ratio", e.ratio());
        }
        try {
            return mapper.writeValueAsString(root).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /** The table in {@code json}, or empty if it is not a well-formed table of this version. */
    public static Optional<CalibrationTable> fromJson(String json) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            if (root == null || root.path("formatVersion").asInt(-1) != FORMAT_VERSION) {
                return Optional.empty();
            }
            List<Integer> cuts = new ArrayList<>();
            for (JsonNode n : root.path("cuts")) {
                cuts.add(requireInt(n));
            }
            List<String> codecs = new ArrayList<>();
            for (JsonNode n : root.path("codecs")) {
                codecs.add(requireText(n));
            }
            List<CalibrationEntry> entries = new ArrayList<>();
            for (JsonNode n : root.path("entries")) {
                entries.add(new CalibrationEntry(
                        requireInt(n.path("cut")),
                        requireText(n.path("codec")),
                        requireDouble(n.path("loss")),
                        requireDouble(n.path("ratio"))));
            }
            return Optional.of(new CalibrationTable(
                    requireText(root.path("metric")),
                    requireInt(root.path("sequenceLength")),
                    requireInt(root.path("samples")),
                    cuts,
                    codecs,
                    entries));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int requireInt(JsonNode n) {
        if (!n.isInt()) {
            throw new IllegalArgumentException("not an int: " + n);
        }
        return n.intValue();
    }

    private static double requireDouble(JsonNode n) {
        if (!n.isNumber()) {
            throw new IllegalArgumentException("not a number: " + n);
        }
        return n.doubleValue();
    }

    private static String requireText(JsonNode n) {
        if (!n.isTextual()) {
            throw new IllegalArgumentException("not a string: " + n);
        }
        return n.textValue();
    }
}
