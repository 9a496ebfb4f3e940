package io.satc.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordPieceModelTest {

    private static WordPieceModel model(int maxChars, String... tokens) {
        Map<String, Integer> ids = new java.util.LinkedHashMap<>();
        for (String t : tokens) {
            ids.put(t, ids.size());
        }
        return new WordPieceModel(Vocabulary.of(ids), "[UNK]", "##", maxChars);
    }

    @Test
    void greedyLongestMatchFirst() {
        WordPieceModel m = model(100, "[UNK]", "ba", "##na", "b", "##a", "##n", "ban", "##ana");
        // "ban" is the longest prefix, then "##ana" the longest continuation.
        assertEquals(List.of("ban", "##ana"), m.tokenize("banana"));
    }

    @Test
    void aWordWithAnUnmatchablePositionIsOneUnknown() {
        WordPieceModel m = model(100, "[UNK]", "ba", "##na");
        assertEquals(List.of("ba", "##na", "##na"), m.tokenize("banana"));
        assertEquals(List.of("[UNK]"), m.tokenize("nanana"));
        assertEquals(List.of("[UNK]"), m.tokenize("banan"));
    }

    @Test
    void greedyDoesNotBacktrack() {
        // "abc" could be "a" + "##bc", but greedy takes "ab" and then finds no "##c".
        WordPieceModel m = model(100, "[UNK]", "a", "ab", "##bc");
        assertEquals(List.of("[UNK]"), m.tokenize("abc"));
    }

    @Test
    void theLengthLimitCountsCodePoints() {
        String astral = "\ud835\udc1a"; // one code point, two chars
        WordPieceModel m = model(3, "[UNK]", astral, "##" + astral);
        assertEquals(List.of(astral, "##" + astral, "##" + astral), m.tokenize(astral.repeat(3)));
        assertEquals(List.of("[UNK]"), m.tokenize(astral.repeat(4)));
    }

    @Test
    void theUnknownTokenMustBeInTheVocabulary() {
        assertThrows(IllegalArgumentException.class, () -> model(100, "a"));
    }
}
