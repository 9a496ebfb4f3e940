package io.satc.compiler.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of satc's machine outputs, shipped in {@code docs/schemas/}, applied to
 * documents in tests (JSON Schema 2020-12, networknt's validator).
 */
public final class Schemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> LOADED = new ConcurrentHashMap<>();

    private Schemas() {}

    /** {@code docs/schemas/NAME.schema.json}. */
    public static Path file(String name) {
        return RepoPaths.root().resolve("docs/schemas/" + name + ".schema.json");
    }

    public static JsonSchema schema(String name) {
        return LOADED.computeIfAbsent(name, n -> {
            try {
                return FACTORY.getSchema(JSON.readTree(file(n).toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** What the schema finds wrong with a document, one line each; empty when it is valid. */
    public static List<String> problems(String name, JsonNode document) {
        return schema(name).validate(document).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    public static void assertValid(String name, JsonNode document, String what) {
        assertEquals(List.of(), problems(name, document), what + " against docs/schemas/" + name + ".schema.json");
    }

    public static void assertValid(String name, String json, String what) {
        try {
            assertValid(name, JSON.readTree(json), what);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
