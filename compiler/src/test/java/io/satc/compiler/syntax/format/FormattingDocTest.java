package io.satc.compiler.syntax.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The before/after example in docs/formatting.md is what the formatter really does. */
class FormattingDocTest {

    private static final Pattern EXAMPLE =
            Pattern.compile("Before:\\s*```\\n(.*?)```\\s*After:\\s*```\\n(.*?)```", Pattern.DOTALL);

    @Test
    void documentedExampleIsTrue() throws Exception {
        Path doc = CorpusRoundTripTest.repoRoot().resolve("docs/formatting.md");
        Matcher m = EXAMPLE.matcher(Files.readString(doc));
        assertTrue(m.find(), "no Before/After example in " + doc);
        assertEquals(m.group(2), RoundTrip.check("doc-example.sat", m.group(1)));
    }
}
