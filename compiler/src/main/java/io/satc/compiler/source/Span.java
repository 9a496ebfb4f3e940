package io.satc.compiler.source;

/**
 * A half-open range {@code [start, end)} of character offsets into a {@link SourceFile}.
 *
 * <p>Spans are offsets only; lines and columns are derived when a diagnostic is rendered, so
 * nothing that stores a span has to agree with anything else about line numbering.
 */
public record Span(int start, int end) {

    public static final Span NONE = new Span(0, 0);

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public static Span of(int start, int end) {
        return new Span(start, end);
    }

    /** The smallest span covering both. */
    public Span to(Span other) {
        return new Span(Math.min(start, other.start), Math.max(end, other.end));
    }

    public int length() {
        return end - start;
    }
}
