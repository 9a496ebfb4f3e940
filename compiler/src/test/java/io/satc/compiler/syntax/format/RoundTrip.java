package io.satc.compiler.syntax.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.source.SourceFile;
import io.satc.compiler.syntax.MissionParser;
import io.satc.compiler.syntax.ParseResult;
import io.satc.compiler.syntax.ast.Comment;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The formatter's contract checked on one input: the output parses to the same tree with the
 * same comments, and formatting it again changes nothing.
 */
final class RoundTrip {

    private static final MissionFormatter FORMATTER = new MissionFormatter();

    private RoundTrip() {}

    static ParseResult parse(String name, String text) {
        return MissionParser.parse(SourceFile.ofString(name, text));
    }

    /** Formats {@code text} (which must parse) and checks the contract; returns the formatted text. */
    static String check(String name, String text) {
        ParseResult before = parse(name, text);
        assertTrue(before.mission().isPresent(), () -> name + " should parse: " + before.diagnostics() + "\n" + text);
        String formatted = FORMATTER.format(before);
        ParseResult after = parse(name + " (formatted)", formatted);
        assertTrue(
                after.mission().isPresent(),
                () -> name + ": formatted text does not parse: " + after.diagnostics() + "\n--- input\n" + text
                        + "\n--- output\n" + formatted);
        assertEquals(
                AstPrinter.print(before.mission().get()),
                AstPrinter.print(after.mission().get()),
                () -> name + ": formatting changed the tree\n--- input\n" + text + "\n--- output\n" + formatted);
        assertEquals(
                commentTexts(before.comments()),
                commentTexts(after.comments()),
                () -> name + ": formatting lost, duplicated or reordered a comment\n--- input\n" + text
                        + "\n--- output\n" + formatted);
        assertEquals(
                formatted,
                FORMATTER.format(after),
                () -> name + ": formatting is not idempotent\n--- input\n" + text + "\n--- output\n" + formatted);
        FormatResult viaSource = FORMATTER.format(before.source());
        assertEquals(
                new FormatResult.Formatted(before.source(), formatted),
                viaSource,
                () -> name + ": format(SourceFile) disagrees");
        assertTrue(
                formatted.endsWith("\n") && !formatted.endsWith("\n\n"),
                () -> name + ": must end with exactly one newline");
        assertFalse(formatted.contains("\r"), () -> name + ": output line ends must be \\n");
        assertFalse(formatted.contains(" \n"), () -> name + ": trailing white space in output\n" + formatted);
        return formatted;
    }

    /** Comment texts as the formatter writes them: line ends normalised, no white space at line ends. */
    static List<String> commentTexts(List<Comment> comments) {
        return comments.stream().map(MissionLayout::canonicalText).collect(Collectors.toList());
    }
}
