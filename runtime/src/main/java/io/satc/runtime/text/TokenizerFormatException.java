package io.satc.runtime.text;

import java.io.IOException;

/**
 * Thrown when a tokenizer.json is not valid JSON, lacks a required field, or uses a normalizer,
 * pre-tokenizer, model or post-processor other than the BERT WordPiece ones this reader supports.
 */
public final class TokenizerFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public TokenizerFormatException(String message) {
        super(message);
    }

    public TokenizerFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
