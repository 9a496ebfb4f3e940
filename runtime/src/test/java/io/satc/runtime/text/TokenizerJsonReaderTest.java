package io.satc.runtime.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerJsonReaderTest {

    /** A tiny BERT tokenizer.json; {@code %s} slots take the normalizer and post-processor. */
    private static final String TEMPLATE = """
            {"version": "1.0", "truncation": null, "padding": null,
             "added_tokens": [{"id": 0, "content": "[PAD]", "normalized": false, "special": true},
                              {"id": 1, "content": "[UNK]", "normalized": false, "special": true},
                              {"id": 2, "content": "[CLS]", "normalized": false, "special": true},
                              {"id": 3, "content": "[SEP]", "normalized": false, "special": true}],
             "normalizer": %s,
             "pre_tokenizer": {"type": "BertPreTokenizer"},
             "post_processor": %s,
             "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                       "max_input_chars_per_word": 100,
                       "vocab": {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "sat": 4, "##ellite": 5,
                                 "Sat": 6, "!": 7}}}
            """;

    private static final String BERT_NORMALIZER =
            "{\"type\": \"BertNormalizer\", \"clean_text\": true, \"handle_chinese_chars\": true,"
                    + " \"strip_accents\": null, \"lowercase\": true}";

    private static final String BERT_PROCESSING =
            "{\"type\": \"BertProcessing\", \"sep\": [\"[SEP]\", 3], \"cls\": [\"[CLS]\", 2]}";

    private static WordPieceTokenizer read(String json) throws IOException {
        return WordPieceTokenizer.fromTokenizerJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsBertProcessingAndDefaultsWithoutPaddingOrTruncation() throws IOException {
        WordPieceTokenizer t = read(TEMPLATE.formatted(BERT_NORMALIZER, BERT_PROCESSING));
        assertEquals(OptionalInt.empty(), t.configuredMaxLength());
        assertEquals(new Padding("[PAD]", 0, 0), t.padding());
        assertArrayEquals(
                new long[] {2, 4, 5, 7, 3, 0}, t.encode("SATELLITE!", 6).inputIds());
    }

    @Test
    void aCasedNormalizerKeepsCase() throws IOException {
        String cased = "{\"type\": \"BertNormalizer\", \"lowercase\": false}";
        WordPieceTokenizer t = read(TEMPLATE.formatted(cased, BERT_PROCESSING));
        assertEquals(new BertNormalizer(true, true, false, false), t.normalizer());
        assertEquals(List.of("Sat", "[UNK]"), t.tokenize("Sat sat\u00e9"));
    }

    @Test
    void readsFromAPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokenizer.json");
        try (InputStream in = MiniLmFixture.open()) {
            Files.copy(in, file);
        }
        WordPieceTokenizer t = WordPieceTokenizer.fromTokenizerJson(file);
        assertEquals(MiniLmFixture.tokenizer().encode("Orbit decay.", 16), t.encode("Orbit decay.", 16));
    }

    @Test
    void unsupportedComponentsAreNamed() {
        String lowercase = "{\"type\": \"Lowercase\"}";
        TokenizerFormatException e = assertThrows(
                TokenizerFormatException.class, () -> read(TEMPLATE.formatted(lowercase, BERT_PROCESSING)));
        assertTrue(e.getMessage().contains("`Lowercase`"), e.getMessage());

        String roberta = "{\"type\": \"RobertaProcessing\"}";
        e = assertThrows(TokenizerFormatException.class, () -> read(TEMPLATE.formatted(BERT_NORMALIZER, roberta)));
        assertTrue(e.getMessage().contains("`RobertaProcessing`"), e.getMessage());

        String bpe = TEMPLATE.formatted(BERT_NORMALIZER, BERT_PROCESSING).replace("\"WordPiece\"", "\"BPE\"");
        e = assertThrows(TokenizerFormatException.class, () -> read(bpe));
        assertTrue(e.getMessage().contains("`BPE`"), e.getMessage());
    }

    @Test
    void malformedFilesAreFormatErrors() {
        assertThrows(TokenizerFormatException.class, () -> read("{\"model\": "));
        assertThrows(TokenizerFormatException.class, () -> read("[]"));
        assertThrows(TokenizerFormatException.class, () -> read("{}"));
        String noUnk = TEMPLATE.formatted(BERT_NORMALIZER, BERT_PROCESSING).replace("\"[UNK]\": 1,", "");
        assertThrows(TokenizerFormatException.class, () -> read(noUnk));
        String normalizedAdded = TEMPLATE.formatted(BERT_NORMALIZER, BERT_PROCESSING)
                .replace(
                        "\"content\": \"[PAD]\", \"normalized\": false",
                        "\"content\": \"[PAD]\", \"normalized\": true");
        assertThrows(TokenizerFormatException.class, () -> read(normalizedAdded));
    }
}
