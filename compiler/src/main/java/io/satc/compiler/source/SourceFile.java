package io.satc.compiler.source;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The text of one mission file with the name it is shown under and an index of line starts.
 *
 * <p>{@code displayPath} is what diagnostics print (the path as the user gave it); {@code path}
 * resolves files the mission refers to, when the source came from disk.
 */
public final class SourceFile {

    private final String displayPath;
    private final Path path;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(String displayPath, Path path, String text) {
        this.displayPath = displayPath;
        this.path = path;
        this.text = text;
        this.lineStarts = indexLines(text);
    }

    /** A source that did not come from disk (tests, generated missions). */
    public static SourceFile ofString(String displayPath, String text) {
        return new SourceFile(displayPath, null, text);
    }

    private static int[] indexLines(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean newline = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (newline) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    public String displayPath() {
        return displayPath;
    }

    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** The folder relative paths in the mission are resolved against. */
    public Path baseDirectory() {
        if (path == null) {
            return Path.of("").toAbsolutePath();
        }
        Path parent = path.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    public String text() {
        return text;
    }

    public String slice(Span span) {
        return text.substring(Math.min(span.start(), text.length()), Math.min(span.end(), text.length()));
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 1-based line of an offset. */
    public int line(int offset) {
        int idx = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, text.length())));
        return idx >= 0 ? idx + 1 : -idx - 1;
    }

    /** 1-based column of an offset, counted in Unicode code points. */
    public int column(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int start = lineStarts[line(clamped) - 1];
        return text.codePointCount(start, clamped) + 1;
    }

    /** Offset of the first character of a 1-based line. */
    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** Offset just past the last character of a 1-based line, excluding its terminator. */
    public int lineEnd(int line) {
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > lineStarts[line - 1] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    public String lineText(int line) {
        return text.substring(lineStart(line), lineEnd(line));
    }
}
