package io.satc.compiler.model.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import io.satc.runtime.text.CharVocabulary;
import java.util.Optional;

/** How a calibration text becomes model inputs, recognised from the tokenizer file's content. */
public enum TokenizerFormat {
    /** A HuggingFace `tokenizer.json` with a WordPiece model: ids, attention mask, token types. */
    WORDPIECE,
    /** A character table (`vocab.json` with `stoi`): input ids only, in windows of the length. */
    CHAR;

    /** The format of a parsed tokenizer file, empty when it is neither. */
    public static Optional<TokenizerFormat> of(JsonNode root) {
        if (CharVocabulary.isCharTable(root)) {
            return Optional.of(CHAR);
        }
        if (root != null && "WordPiece".equals(root.path("model").path("type").asText())) {
            return Optional.of(WORDPIECE);
        }
        return Optional.empty();
    }
}
