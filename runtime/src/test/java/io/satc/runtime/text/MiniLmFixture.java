package io.satc.runtime.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The all-MiniLM-L6-v2 tokenizer the tests check against, read once from the tokenizer.json on
 * the test classpath (it ships in the langchain4j model artifact, a test dependency).
 */
final class MiniLmFixture {

    static final String RESOURCE = "/all-minilm-l6-v2-tokenizer.json";

    private static final WordPieceTokenizer TOKENIZER = load();

    private MiniLmFixture() {}

    static WordPieceTokenizer tokenizer() {
        return TOKENIZER;
    }

    static InputStream open() {
        InputStream in = MiniLmFixture.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the test classpath");
        }
        return in;
    }

    private static WordPieceTokenizer load() {
        try (InputStream in = open()) {
            return WordPieceTokenizer.fromTokenizerJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
