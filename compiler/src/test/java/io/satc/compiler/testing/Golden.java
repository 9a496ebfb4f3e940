package io.satc.compiler.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Golden files (under {@code expected/}, mirroring {@code examples/}): compares an artefact with its
 * pinned expected text. A missing expected file is
 * written and the test fails; with {@code -Dsatc.updateGolden=true} every golden is rewritten and
 * the test fails too, so updates are always reviewed as a diff.
 */
public final class Golden {

    private Golden() {}

    public static boolean updating() {
        return Boolean.parseBoolean(System.getProperty("satc.updateGolden", "false"));
    }

    /**
     * Several goldens of one test: every file is checked (and, updating, written) before the
     * test fails, so one update run refreshes them all.
     */
    public static void assertAll(java.util.Map<Path, String> goldens) {
        List<String> failures = new ArrayList<>();
        for (var e : goldens.entrySet()) {
            try {
                assertMatches(e.getKey(), e.getValue());
            } catch (AssertionError err) {
                failures.add(err.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    /**
     * {@code actual} equals the text of {@code expected}. Empty output has no golden file: the
     * file must then be absent (updating deletes it), so a reviewer never opens an empty file.
     */
    public static void assertMatches(Path expected, String actual) {
        try {
            if (actual.isEmpty()) {
                if (Files.exists(expected)) {
                    if (updating()) {
                        Files.delete(expected);
                    }
                    fail("The output is empty, so golden " + RepoPaths.relative(expected) + " must not exist"
                            + (updating() ? "; it has been deleted." : "; delete it."));
                }
                return;
            }
            if (updating()) {
                write(expected, actual);
                fail("Updated golden " + RepoPaths.relative(expected)
                        + " (satc.updateGolden=true); review the diff and run again without it.");
            }
            if (!Files.exists(expected)) {
                write(expected, actual);
                fail("Golden " + RepoPaths.relative(expected)
                        + " was missing and has been written; review it and run again.");
            }
            String want = Files.readString(expected, StandardCharsets.UTF_8);
            assertEquals(
                    want,
                    actual,
                    "Output differs from golden " + RepoPaths.relative(expected)
                            + " (rerun with -Dsatc.updateGolden=true to accept, then review the diff)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
