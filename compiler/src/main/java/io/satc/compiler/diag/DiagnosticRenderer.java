package io.satc.compiler.diag;

import io.satc.compiler.source.SourceFile;
import io.satc.compiler.source.Span;

/**
 * Renders a diagnostic the way editors and CI parse it:
 *
 * <pre>
 * path:line:col: error[SATC3003]: `memory` expects data, found a rate.
 *    |
 *  4 |   satellite leo-1 { memory = 2 Gbps }
 *    |                              ^^^^^^
 *    = help: Write a data size such as `8 GB`.
 * </pre>
 *
 * The first line is the machine-readable part; colour (ANSI) only when asked for.
 */
public final class DiagnosticRenderer {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String BLUE = "\u001b[1;34m";
    private static final int MAX_LINE_SHOWN = 200;

    private final boolean colour;

    public DiagnosticRenderer(boolean colour) {
        this.colour = colour;
    }

    public String render(Diagnostic d) {
        SourceFile src = d.source();
        Span span = d.span();
        int line = src.line(span.start());
        int col = src.column(span.start());
        String gutterNumber = Integer.toString(line);
        String pad = " ".repeat(gutterNumber.length());
        StringBuilder out = new StringBuilder();
        String sevColour = d.isError() ? RED : YELLOW;
        out.append(paint(BOLD, src.displayPath() + ":" + line + ":" + col + ":"))
                .append(' ')
                .append(paint(sevColour, d.severity().label() + "[" + d.code().id() + "]"))
                .append(paint(BOLD, ": " + d.message()))
                .append('\n');
        if (src.text().isEmpty() && span.length() == 0 && !d.source().path().isPresent() && src.lineCount() == 1) {
            // Nothing to show (an unreadable file): only the header and the help.
            appendHelp(out, d, pad);
            return out.toString();
        }
        String text = src.lineText(line);
        int lineStart = src.lineStart(line);
        int caretFrom = Math.min(span.start(), lineStart + text.length()) - lineStart;
        int caretTo = Math.min(span.end(), lineStart + text.length()) - lineStart;
        // Work in code points so carets line up under non-ASCII text.
        int cpFrom = text.codePointCount(0, caretFrom);
        int cpTo = Math.max(cpFrom + 1, text.codePointCount(0, Math.max(caretFrom, caretTo)));
        String shown = text;
        int shift = 0;
        if (text.codePointCount(0, text.length()) > MAX_LINE_SHOWN) {
            // Keep very long lines readable: a window around the subject.
            int startCp = Math.max(0, cpFrom - 40);
            int endCp = Math.min(text.codePointCount(0, text.length()), startCp + MAX_LINE_SHOWN);
            shown = (startCp > 0 ? "…" : "")
                    + text.substring(text.offsetByCodePoints(0, startCp), text.offsetByCodePoints(0, endCp));
            shift = startCp - (startCp > 0 ? 1 : 0);
            cpTo = Math.min(cpTo, endCp);
        }
        shown = shown.replace('\t', ' ');
        out.append(pad).append(paint(BLUE, " |")).append('\n');
        out.append(paint(BLUE, gutterNumber + " |"))
                .append(shown.isEmpty() ? "" : " " + shown)
                .append('\n');
        out.append(pad)
                .append(paint(BLUE, " |"))
                .append(' ')
                .append(" ".repeat(Math.max(0, cpFrom - shift)))
                .append(paint(sevColour, "^".repeat(Math.max(1, cpTo - cpFrom))))
                .append('\n');
        appendHelp(out, d, pad);
        return out.toString();
    }

    private void appendHelp(StringBuilder out, Diagnostic d, String pad) {
        d.help()
                .ifPresent(h -> out.append(pad)
                        .append(paint(BLUE, " ="))
                        .append(paint(BOLD, " help:"))
                        .append(' ')
                        .append(h)
                        .append('\n'));
    }

    private String paint(String style, String s) {
        return colour ? style + s + RESET : s;
    }
}
