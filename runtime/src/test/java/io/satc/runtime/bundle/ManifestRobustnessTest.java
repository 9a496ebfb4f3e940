package io.satc.runtime.bundle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every field of a valid manifest removed, nulled or retyped: the reader answers, never throws. */
class ManifestRobustnessTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @TempDir
    Path dir;

    @Test
    void everyMutationIsAnsweredWithAValue() throws Exception {
        JsonNode original = ManifestJson.MAPPER.readTree(new BundleWriter().toJson(TestBundles.relayed(2)));
        List<String> pointers = new ArrayList<>();
        collect(original, "", pointers);
        List<JsonNode> replacements = List.of(
                NODES.nullNode(),
                NODES.textNode("x"),
                NODES.numberNode(-1),
                NODES.numberNode(1e300),
                NODES.arrayNode(),
                NODES.objectNode());
        BundleReader reader = new BundleReader();
        int rejected = 0;
        int mutations = 0;
        for (String pointer : pointers) {
            List<BiConsumer<JsonNode, String>> edits = new ArrayList<>();
            edits.add((root, p) -> remove(root, p));
            for (JsonNode r : replacements) {
                edits.add((root, p) -> set(root, p, r));
            }
            for (BiConsumer<JsonNode, String> edit : edits) {
                JsonNode copy = original.deepCopy();
                edit.accept(copy, pointer);
                Files.writeString(dir.resolve("manifest.json"), ManifestJson.MAPPER.writeValueAsString(copy));
                BundleRead read;
                try {
                    read = reader.read(dir);
                } catch (RuntimeException e) {
                    throw new AssertionError("mutating " + pointer + " threw", e);
                }
                mutations++;
                if (read instanceof BundleRead.Rejected r) {
                    rejected++;
                    for (String error : r.errors()) {
                        assertFalse(error.isBlank(), pointer);
                    }
                }
            }
        }
        if (rejected < mutations / 2) {
            fail("only " + rejected + " of " + mutations + " mutations were rejected");
        }
        assertInstanceOf(BundleRead.Loaded.class, readOriginal(original, reader));
    }

    private BundleRead readOriginal(JsonNode original, BundleReader reader) throws Exception {
        Files.writeString(dir.resolve("manifest.json"), ManifestJson.MAPPER.writeValueAsString(original));
        return reader.read(dir);
    }

    private static void collect(JsonNode node, String pointer, List<String> out) {
        if (!pointer.isEmpty()) {
            out.add(pointer);
        }
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(f -> collect(node.get(f), pointer + "/" + f, out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, out);
            }
        }
    }

    private static void remove(JsonNode root, String pointer) {
        JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent instanceof ObjectNode o) {
            o.remove(last);
        } else if (parent instanceof ArrayNode a) {
            a.remove(Integer.parseInt(last));
        }
    }

    private static void set(JsonNode root, String pointer, JsonNode value) {
        JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        }
    }
}
