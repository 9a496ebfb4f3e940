package io.satc.compiler.lsp;

import io.satc.compiler.source.SourceFile;
import io.satc.compiler.source.Span;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * LSP positions (0-based line, UTF-16 code unit in the line) and satc's offsets (UTF-16 code
 * units into the text, as Java strings count them), converted over a {@link SourceFile}'s line
 * index. Out-of-range positions are clamped, as the protocol asks.
 */
final class Positions {

    private Positions() {}

    static int offset(SourceFile source, Position position) {
        if (position == null) {
            return 0;
        }
        int line = Math.max(0, position.getLine());
        if (line >= source.lineCount()) {
            return source.text().length();
        }
        int start = source.lineStart(line + 1);
        int end = source.lineEnd(line + 1);
        return Math.min(end, start + Math.max(0, position.getCharacter()));
    }

    static Position position(SourceFile source, int offset) {
        int clamped = Math.max(0, Math.min(offset, source.text().length()));
        int line = source.line(clamped);
        return new Position(line - 1, clamped - source.lineStart(line));
    }

    static Range range(SourceFile source, Span span) {
        return new Range(position(source, span.start()), position(source, span.end()));
    }
}
