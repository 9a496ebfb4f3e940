package io.satc.compiler.lsp;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the cursor is, read from the text of its statement before it (the part of the line
 * after the last {@code ;} or {@code {}), so that it works on a line being typed, whatever the
 * rest of the file looks like: naming an attribute or declaration, a value of some attribute, a
 * unit after a number, or a link end. The enclosing block comes from elsewhere (the last parsed
 * tree), unless a block is opened on the same line.
 */
record CompletionContext(
        Kind kind, String prefix, int prefixStart, Optional<String> key, Optional<String> openedBlock) {

    enum Kind {
        /** At the start of a statement: an attribute name or a declaration keyword. */
        KEY,
        /** After {@code key =}: a value. */
        VALUE,
        /** After a number: a unit. */
        UNIT,
        /** After {@code link} or {@code link a ->}: a node name. */
        LINK_END,
        /** Inside a comment or a string, or somewhere nothing fits. */
        NONE
    }

    private static final Pattern LINK = Pattern.compile("link\\s+(?:\\S+\\s*(?:<->|->)\\s*)?([A-Za-z0-9_-]*)");
    private static final Pattern NUMBER_UNIT =
            Pattern.compile("(?:|.*[\\s\\[(,])-?\\d[\\d_]*(?:\\.\\d[\\d_]*)?(?:[eE][+-]?\\d+)?\\s*([A-Za-z%/]*)");
    private static final Pattern WORD_END = Pattern.compile("[A-Za-z0-9_-]*$");
    private static final Pattern KEY_ASSIGN = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)\\s*=(.*)");
    private static final Pattern CALL_ARGUMENT = Pattern.compile(".*[(,]\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*=([^,()]*)");
    private static final Pattern OPENED = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)[^{}]*\\{[^{}]*$");

    /** The context at {@code offset} of {@code text}. */
    static CompletionContext at(String text, int offset) {
        int lineStart = offset;
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && text.charAt(lineStart - 1) != '\r') {
            lineStart--;
        }
        String line = text.substring(lineStart, offset);
        if (inCommentOrString(line)) {
            return none(offset);
        }
        Optional<String> opened = Optional.empty();
        Matcher open = OPENED.matcher(line);
        if (open.find() && open.start() == firstNonBlank(line)) {
            opened = Optional.of(open.group(1));
        }
        int cut = Math.max(Math.max(line.lastIndexOf(';'), line.lastIndexOf('{')), line.lastIndexOf('}'));
        int statementStart = cut + 1;
        String statement = line.substring(statementStart);
        int lead = firstNonBlank(statement);
        statement = statement.substring(lead);
        int base = lineStart + statementStart + lead;

        Matcher link = LINK.matcher(statement);
        if (link.matches()) {
            return new CompletionContext(Kind.LINK_END, link.group(1), base + link.start(1), Optional.empty(), opened);
        }
        Matcher arg = CALL_ARGUMENT.matcher(statement);
        Matcher assign = KEY_ASSIGN.matcher(statement);
        if (arg.matches() || assign.matches()) {
            Matcher m = arg.matches() ? arg : assign;
            String key = m.group(1);
            String value = m.group(2);
            int valueStart = base + m.start(2);
            Matcher unit = NUMBER_UNIT.matcher(value);
            if (unit.matches()) {
                return new CompletionContext(
                        Kind.UNIT, unit.group(1), valueStart + unit.start(1), Optional.of(key), opened);
            }
            Matcher word = WORD_END.matcher(value);
            word.find();
            return new CompletionContext(Kind.VALUE, word.group(), valueStart + word.start(), Optional.of(key), opened);
        }
        if (statement.matches("[A-Za-z_][A-Za-z0-9_-]*|")) {
            return new CompletionContext(Kind.KEY, statement, base, Optional.empty(), opened);
        }
        return none(offset);
    }

    private static CompletionContext none(int offset) {
        return new CompletionContext(Kind.NONE, "", offset, Optional.empty(), Optional.empty());
    }

    private static int firstNonBlank(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether the end of a line is inside a comment or an unterminated string. */
    private static boolean inCommentOrString(String line) {
        boolean string = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (string) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    string = false;
                }
            } else if (c == '"') {
                string = true;
            } else if (c == '#' || (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/')) {
                return true;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '*') {
                int close = line.indexOf("*/", i + 2);
                if (close < 0) {
                    return true;
                }
                i = close + 1;
            }
        }
        return string;
    }
}
