package io.satc.runtime.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A character-level vocabulary ({@code vocab.json} with {@code stoi} and {@code itos}, as
 * {@code tools/decoder/train_char_gpt.py} writes it): one id per character, id 0 for any
 * character outside the table.
 */
public final class CharVocabulary {

    private final Map<Integer, Long> ids;
    private final List<String> itos;

    private CharVocabulary(Map<Integer, Long> ids, List<String> itos) {
        this.ids = ids;
        this.itos = itos;
    }

    /** Whether {@code root} is a character table (it has an {@code stoi} object). */
    public static boolean isCharTable(JsonNode root) {
        return root != null && root.path("stoi").isObject();
    }

    public static CharVocabulary read(Path file) throws IOException {
        return parse(java.nio.file.Files.readAllBytes(file), file.getFileName().toString());
    }

    /** A table from the bytes of its JSON file, named {@code name} in messages. */
    public static CharVocabulary parse(byte[] json, String name) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        if (!isCharTable(root)) {
            throw new TokenizerFormatException("`" + name + "` is not a character table: it has no `stoi` object.");
        }
        return of(root);
    }

    /** The vocabulary of a parsed table; {@code itos} may be absent when only encoding is needed. */
    public static CharVocabulary of(JsonNode root) {
        Map<Integer, Long> ids = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("stoi").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().codePointCount(0, e.getKey().length()) == 1
                    && e.getValue().canConvertToLong()) {
                ids.put(e.getKey().codePointAt(0), e.getValue().asLong());
            }
        }
        List<String> itos = new ArrayList<>();
        root.path("itos").forEach(n -> itos.add(n.asText()));
        return new CharVocabulary(ids, itos);
    }

    /** The id of one character, 0 when it is not in the table. */
    public long id(int codePoint) {
        return ids.getOrDefault(codePoint, 0L);
    }

    /** The ids of every character of {@code text}, as written (no normalisation). */
    public long[] encode(String text) {
        return text.codePoints().mapToLong(this::id).toArray();
    }

    /** The text of one id; ids outside {@code itos} (and id 0, unknown) become U+FFFD. */
    public String decode(long id) {
        return id > 0 && id < itos.size() ? itos.get((int) id) : "\uFFFD";
    }

    /** Vocabulary size as {@code itos} gives it. */
    public int size() {
        return itos.size();
    }

    /** A text normalised like the training corpus: whitespace runs collapsed to one space, per line. */
    public static String normalise(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }
}
