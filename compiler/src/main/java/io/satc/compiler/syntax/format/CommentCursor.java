package io.satc.compiler.syntax.format;

import io.satc.compiler.source.Span;
import io.satc.compiler.syntax.ast.Comment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The comments of one file in source order, handed out once each, together with the questions
 * the layout asks about the original text between tokens (same line? blank line? where is the
 * next token?).
 *
 * <p>The layout walks the tree in source order and takes every comment that starts before the
 * token it is about to print, so each comment is printed exactly once and in its original order.
 */
final class CommentCursor {

    private final String text;
    private final List<Comment> comments;
    private int next;

    CommentCursor(String text, List<Comment> comments) {
        this.text = text;
        List<Comment> sorted = new ArrayList<>(comments);
        sorted.sort(Comparator.comparingInt(c -> c.span().start()));
        this.comments = List.copyOf(sorted);
    }

    /** Whether an unprinted comment starts before {@code offset}. */
    boolean hasBefore(int offset) {
        return next < comments.size() && comments.get(next).span().start() < offset;
    }

    /** Whether the next unprinted comment starts before {@code offset} with no line break after {@code from}. */
    boolean hasOnSameLine(int from, int offset) {
        return hasBefore(offset) && sameLine(from, comments.get(next).span().start());
    }

    Comment peek() {
        return comments.get(next);
    }

    Comment take() {
        return comments.get(next++);
    }

    boolean exhausted() {
        return next == comments.size();
    }

    /** Whether any comment, printed or not, starts inside {@code span}. */
    boolean anyWithin(Span span) {
        int i = firstStartingAtOrAfter(span.start());
        return i < comments.size() && comments.get(i).span().start() < span.end();
    }

    private int firstStartingAtOrAfter(int offset) {
        int lo = 0;
        int hi = comments.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (comments.get(mid).span().start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether the original text has no line break in {@code [from, to)}. */
    boolean sameLine(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    /** Line breaks in {@code [from, to)}, counting {@code \r\n} once. */
    int lineBreaks(int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                count++;
            }
        }
        return count;
    }

    /**
     * Offset of the first character at or after {@code from} that is neither white space nor part
     * of a comment: where an unlabelled token such as {@code =} or {@code (} sits.
     */
    int nextToken(int from) {
        int i = from;
        while (i < text.length()) {
            int c = firstStartingAtOrAfter(i);
            if (c < comments.size() && comments.get(c).span().start() == i) {
                i = comments.get(c).span().end();
            } else if (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF') {
                i++;
            } else {
                return i;
            }
        }
        return text.length();
    }
}
