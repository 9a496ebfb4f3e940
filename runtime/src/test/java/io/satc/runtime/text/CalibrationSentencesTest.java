package io.satc.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks the encoder calibration set {@code data/calibration/minilm-sentences.txt}. */
class CalibrationSentencesTest {

    private static final String FILE = "data/calibration/minilm-sentences.txt";

    private static Path file() {
        String prop = System.getProperty("satc.repoRoot");
        if (prop != null && !prop.isBlank() && Files.isRegularFile(Path.of(prop).resolve(FILE))) {
            return Path.of(prop).resolve(FILE);
        }
        // Run outside Maven (an IDE): walk up from the working directory.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(FILE))) {
                return dir.resolve(FILE);
            }
        }
        throw new IllegalStateException(FILE + " not found above " + Path.of("").toAbsolutePath());
    }

    private static List<String> lines() throws IOException {
        String text = new String(Files.readAllBytes(file()), StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n") && !text.endsWith("\n\n"), "one sentence a line, newline-terminated");
        assertTrue(!text.contains("\r"), "LF line endings");
        return List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }

    @Test
    void hasExactly200Sentences() throws IOException {
        assertEquals(200, lines().size());
    }

    @Test
    void hasNoDuplicates() throws IOException {
        Set<String> seen = new HashSet<>();
        for (String line : lines()) {
            assertTrue(seen.add(line.toLowerCase(java.util.Locale.ROOT)), "duplicate: " + line);
        }
    }

    @Test
    void eachSentenceHas8To40WordsAndNoStraySpace() throws IOException {
        for (String line : lines()) {
            assertEquals(line.strip(), line, "leading or trailing space: " + line);
            int words = line.split(" +").length;
            assertTrue(words >= 8 && words <= 40, words + " words: " + line);
        }
    }

    @Test
    void eachSentenceFitsThe128TokenWindow() throws IOException {
        WordPieceTokenizer tokenizer = MiniLmFixture.tokenizer();
        for (String line : lines()) {
            int tokens =
                    tokenizer.tokenize(line).size() + tokenizer.postProcessor().specialTokenCount();
            assertTrue(tokens <= 128, tokens + " tokens: " + line);
            assertEquals(tokens, tokenizer.encode(line, 128).realTokenCount(), "not truncated: " + line);
        }
    }
}
