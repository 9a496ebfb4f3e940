package io.satc.compiler.lsp;

import io.satc.compiler.source.Span;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How offsets in an analysed text correspond to offsets in the text as it is now: the two share
 * a prefix and a suffix, and everything between is the region edited since. An offset in the
 * shared parts maps exactly; one inside the edited region has no counterpart.
 */
final class TextMapping {

    private final int prefix;
    private final int oldLength;
    private final int newLength;
    private final int suffix;

    private TextMapping(int prefix, int suffix, int oldLength, int newLength) {
        this.prefix = prefix;
        this.suffix = suffix;
        this.oldLength = oldLength;
        this.newLength = newLength;
    }

    static TextMapping identity(int length) {
        return new TextMapping(length, 0, length, length);
    }

    static TextMapping between(String analysed, String current) {
        if (analysed == current || analysed.equals(current)) {
            return identity(current.length());
        }
        int max = Math.min(analysed.length(), current.length());
        int p = 0;
        while (p < max && analysed.charAt(p) == current.charAt(p)) {
            p++;
        }
        int s = 0;
        while (s < max - p && analysed.charAt(analysed.length() - 1 - s) == current.charAt(current.length() - 1 - s)) {
            s++;
        }
        return new TextMapping(p, s, analysed.length(), current.length());
    }

    /** Where the edited region starts (the same offset in both texts). */
    int editStart() {
        return prefix;
    }

    /** The analysed offset of a current offset, if it lies outside the edited region. */
    OptionalInt toAnalysed(int current) {
        if (current <= prefix) {
            return OptionalInt.of(current);
        }
        if (current >= newLength - suffix) {
            return OptionalInt.of(current - newLength + oldLength);
        }
        return OptionalInt.empty();
    }

    /** The current offset of an analysed offset, if it lies outside the edited region. */
    OptionalInt toCurrent(int analysed) {
        if (analysed <= prefix) {
            return OptionalInt.of(analysed);
        }
        if (analysed >= oldLength - suffix) {
            return OptionalInt.of(analysed - oldLength + newLength);
        }
        return OptionalInt.empty();
    }

    /**
     * The current span of an analysed span that lies outside the edited region or contains all
     * of it (a block edited inside); empty when one of its ends was edited.
     */
    Optional<Span> toCurrent(Span analysed) {
        OptionalInt start = toCurrent(analysed.start());
        OptionalInt end = toCurrent(analysed.end());
        if (start.isEmpty() || end.isEmpty() || end.getAsInt() < start.getAsInt()) {
            return Optional.empty();
        }
        return Optional.of(new Span(start.getAsInt(), end.getAsInt()));
    }
}
