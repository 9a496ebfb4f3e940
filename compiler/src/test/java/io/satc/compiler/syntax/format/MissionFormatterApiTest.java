package io.satc.compiler.syntax.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.source.SourceFile;
import org.junit.jupiter.api.Test;

/** The entry points the {@code satc fmt} command uses. */
class MissionFormatterApiTest {

    private final MissionFormatter formatter = new MissionFormatter();

    @Test
    void formatsASourceFile() {
        FormatResult result = formatter.format(SourceFile.ofString("a.sat", "mission m{source=a}"));
        FormatResult.Formatted ok = assertInstanceOf(FormatResult.Formatted.class, result);
        assertEquals("mission m {\n  source = a\n}\n", ok.text());
        assertTrue(ok.changed());
        assertEquals("a.sat", ok.source().displayPath());
    }

    @Test
    void formattedFileIsUnchanged() {
        String text = "mission m {\n  source = a\n}\n";
        FormatResult.Formatted ok =
                assertInstanceOf(FormatResult.Formatted.class, formatter.format(SourceFile.ofString("a.sat", text)));
        assertFalse(ok.changed());
        assertTrue(formatter.isFormatted(RoundTrip.parse("a.sat", text)));
        assertFalse(formatter.isFormatted(RoundTrip.parse("a.sat", "mission m {\n  source=a\n}\n")));
    }

    @Test
    void syntaxErrorsAreReportedNotFormatted() {
        FormatResult result = formatter.format(SourceFile.ofString("bad.sat", "mission m {\n  source = \n}\n"));
        FormatResult.Unparsable bad = assertInstanceOf(FormatResult.Unparsable.class, result);
        assertFalse(bad.diagnostics().isEmpty());
        assertTrue(
                bad.diagnostics().stream().allMatch(d -> d.code() == DiagnosticCode.UNEXPECTED_TOKEN),
                bad.diagnostics()::toString);
    }

    @Test
    void lexicalErrorsAreReportedNotFormatted() {
        FormatResult result = formatter.format(SourceFile.ofString("bad.sat", "mission m {\n  /* open\n}\n"));
        assertInstanceOf(FormatResult.Unparsable.class, result);
    }

    @Test
    void formattingAParseWithoutATreeIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> formatter.format(RoundTrip.parse("bad.sat", "mission {")));
    }
}
