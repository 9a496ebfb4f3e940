package io.satc.compiler.syntax.format;

import io.satc.compiler.source.SourceFile;
import io.satc.compiler.syntax.MissionParser;
import io.satc.compiler.syntax.ParseResult;
import io.satc.compiler.syntax.ast.Mission;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The source formatter: prints a parsed mission in its canonical layout, keeping every comment
 * and the exact tree. The rules are in docs/formatting.md. Holds no state between calls.
 */
public final class MissionFormatter {

    /** Lines are kept within this many columns where a call or list can be broken. */
    public static final int MAX_WIDTH = MissionLayout.WIDTH;

    /**
     * The canonical text of a file that parsed without syntax errors.
     *
     * @throws IllegalArgumentException if {@code parsed} has no tree (it had syntax errors)
     */
    public String format(ParseResult parsed) {
        Mission mission = parsed.mission()
                .orElseThrow(() -> new IllegalArgumentException(
                        "cannot format " + parsed.source().displayPath() + ": it has syntax errors"));
        return new MissionLayout(parsed.source().text(), parsed.comments()).print(mission);
    }

    /** Whether a file that parsed is already in its canonical layout. */
    public boolean isFormatted(ParseResult parsed) {
        return format(parsed).equals(parsed.source().text());
    }

    /**
     * Parses and formats one file. The result is checked: the new text must parse to the same tree
     * with the same comments, or this throws, since a formatter that changed a mission would be a bug.
     */
    public FormatResult format(SourceFile source) {
        ParseResult parsed = MissionParser.parse(source);
        if (parsed.mission().isEmpty()) {
            return new FormatResult.Unparsable(source, parsed.diagnostics());
        }
        String text = format(parsed);
        verify(parsed, text);
        return new FormatResult.Formatted(source, text);
    }

    private static void verify(ParseResult before, String text) {
        ParseResult after =
                MissionParser.parse(SourceFile.ofString(before.source().displayPath(), text));
        boolean same = after.mission().isPresent()
                && AstPrinter.print(after.mission().get())
                        .equals(AstPrinter.print(before.mission().get()))
                && canonicalComments(after).equals(canonicalComments(before));
        if (!same) {
            throw new IllegalStateException("formatting " + before.source().displayPath()
                    + " would change its meaning or lose a comment; this is a formatter bug");
        }
    }

    private static List<String> canonicalComments(ParseResult parsed) {
        return parsed.comments().stream().map(MissionLayout::canonicalText).collect(Collectors.toList());
    }
}
