package io.satc.compiler.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.cli.CheckCommand;
import io.satc.compiler.diag.Diagnostic;
import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.diag.DiagnosticRenderer;
import io.satc.compiler.testing.Golden;
import io.satc.compiler.testing.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every mission under {@code examples/errors/}: the inline {@code # expect-error: SATCnnnn}
 * markers must match the reported diagnostics by code and line, and the full rendering must
 * match the golden {@code expected/errors/NAME.sat.out}.
 */
class ErrorExamplesTest {

    private static final Pattern EXPECT =
            Pattern.compile("expect-(error|warning):\\s*(SATC\\d{4}(?:\\s*,\\s*SATC\\d{4})*)");

    static List<Path> errorExamples() {
        return RepoPaths.missions(RepoPaths.examples().resolve("errors"));
    }

    @TestFactory
    Stream<DynamicTest> eachErrorExample() {
        return errorExamples().stream().map(p -> DynamicTest.dynamicTest(RepoPaths.relative(p), () -> checkExample(p)));
    }

    private static void checkExample(Path file) throws IOException {
        String shown = RepoPaths.relative(file);
        List<Diagnostic> ds = CheckCommand.check(file, shown).diagnostics();
        Set<String> expected = expectations(file);
        Set<String> actual = new TreeSet<>();
        for (Diagnostic d : ds) {
            actual.add(d.line() + ":" + d.severity().label() + ":" + d.code().id());
        }
        assertFalse(expected.isEmpty(), shown + " has no `# expect-error:` marker");
        assertEquals(expected, actual, shown + ": expected diagnostics (line:severity:code) differ");
        DiagnosticRenderer renderer = new DiagnosticRenderer(false);
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : ds) {
            out.append(renderer.render(d)).append('\n');
        }
        Golden.assertMatches(RepoPaths.expectedFor(file, ".out"), out.toString());
    }

    /** line:severity:code for each marker; the file is read as Latin-1 so that invalid UTF-8 examples work. */
    static Set<String> expectations(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n|\r|\n", -1);
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = EXPECT.matcher(lines[i]);
            while (m.find()) {
                for (String code : m.group(2).split("\\s*,\\s*")) {
                    out.add((i + 1) + ":" + m.group(1) + ":" + code.trim());
                }
            }
        }
        return out;
    }

    @Test
    void everyDiagnosticCodeIsExercisedByAnExample() throws IOException {
        Set<DiagnosticCode> missing = EnumSet.allOf(DiagnosticCode.class);
        // Cannot be written as a file in examples/ (it is about files that cannot be read); tested in CheckCommandTest.
        missing.remove(DiagnosticCode.CANNOT_READ_FILE);
        for (Path p : errorExamples()) {
            for (String e : expectations(p)) {
                DiagnosticCode.byId(e.substring(e.lastIndexOf(':') + 1)).ifPresent(missing::remove);
            }
        }
        assertTrue(missing.isEmpty(), "codes no error example exercises: " + ids(missing));
        assertTrue(
                errorExamples().size() >= 40,
                "at least 40 error examples, found " + errorExamples().size());
    }

    @Test
    void everyDiagnosticCodeHasADocPage() {
        List<String> missing = new ArrayList<>();
        for (DiagnosticCode c : DiagnosticCode.values()) {
            if (!Files.isRegularFile(RepoPaths.root().resolve("docs/diagnostics/" + c.id() + ".md"))) {
                missing.add(c.id());
            }
        }
        assertTrue(missing.isEmpty(), "codes without docs/diagnostics page: " + missing);
    }

    private static List<String> ids(Set<DiagnosticCode> codes) {
        return codes.stream().map(DiagnosticCode::id).toList();
    }
}
