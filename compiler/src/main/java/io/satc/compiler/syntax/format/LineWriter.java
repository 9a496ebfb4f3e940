package io.satc.compiler.syntax.format;

/**
 * The output text being built, line by line: knows its column, collapses requested spaces and
 * never leaves trailing white space.
 */
final class LineWriter {

    private final StringBuilder out = new StringBuilder();
    private boolean pendingSpace;

    /** Appends {@code s}, preceded by one space if one was requested and the line is not empty. */
    void text(String s) {
        if (spaceIsDue()) {
            out.append(' ');
        }
        pendingSpace = false;
        out.append(s);
    }

    /** Appends {@code n} spaces now, replacing any requested space. */
    void gap(int n) {
        pendingSpace = false;
        out.append(" ".repeat(n));
    }

    /** Asks for one space before the next text; several requests give one space. */
    void space() {
        pendingSpace = true;
    }

    /** Ends the current line and starts the next one at {@code indent}. */
    void newline(int indent) {
        pendingSpace = false;
        trimTrailingSpaces();
        out.append('\n');
        out.append(" ".repeat(indent));
    }

    /** Ends the current line, leaves one empty line, and starts the next at {@code indent}. */
    void blankLine(int indent) {
        newline(0);
        newline(indent);
    }

    /** The column the next text starts at (after a requested space), counted in code points. */
    int column() {
        int lineStart = out.lastIndexOf("\n") + 1;
        return out.codePointCount(lineStart, out.length()) + (spaceIsDue() ? 1 : 0);
    }

    boolean isEmpty() {
        return out.length() == 0;
    }

    private boolean spaceIsDue() {
        return pendingSpace && !atLineStart() && out.charAt(out.length() - 1) != ' ';
    }

    boolean atLineStart() {
        for (int i = out.length() - 1; i >= 0 && out.charAt(i) != '\n'; i--) {
            if (out.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    /** The text with exactly one final newline. */
    String finish() {
        trimTrailingSpaces();
        while (out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
            out.setLength(out.length() - 1);
        }
        out.append('\n');
        return out.toString();
    }

    private void trimTrailingSpaces() {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }
}
