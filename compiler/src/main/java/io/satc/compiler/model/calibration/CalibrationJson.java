package io.satc.compiler.model.calibration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.satc.runtime.codec.CodecSpec;
import io.satc.runtime.codec.ParsedCodecSpec;

/**
 * The one JSON style of calibration files: indented, {@code \n} line ends and a final newline,
 * doubles in Java's shortest round-trip form; readers that refuse a field of the wrong type.
 */
final class CalibrationJson {
    private CalibrationJson() {}

    static String write(ObjectNode root) {
        try {
            return new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(root)
                            .replace("\r\n", "\n")
                    + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    static int requireInt(JsonNode n) {
        if (!n.isInt()) {
            throw new IllegalArgumentException("not an int: " + n);
        }
        return n.intValue();
    }

    static long requireLong(JsonNode n) {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new IllegalArgumentException("not a long: " + n);
        }
        return n.longValue();
    }

    static double requireDouble(JsonNode n) {
        if (!n.isNumber()) {
            throw new IllegalArgumentException("not a number: " + n);
        }
        return n.doubleValue();
    }

    static String requireText(JsonNode n) {
        if (!n.isTextual()) {
            throw new IllegalArgumentException("not a string: " + n);
        }
        return n.textValue();
    }

    /** A codec written by its canonical label; any other spelling is not this file format. */
    static CodecSpec requireCodec(JsonNode n) {
        String label = requireText(n);
        if (CodecSpec.parse(label) instanceof ParsedCodecSpec.Valid v
                && v.value().label().equals(label)) {
            return v.value();
        }
        throw new IllegalArgumentException("not a codec label: " + label);
    }
}
