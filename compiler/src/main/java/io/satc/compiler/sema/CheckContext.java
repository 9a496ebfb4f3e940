package io.satc.compiler.sema;

import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.source.Span;

/**
 * The services every checker of one file shares: the one diagnostics sink, the one value reader
 * (so every converted quantity lands in one side table) and the block reader. Facts are not kept
 * here: each checker returns its own, and {@link Analyzer} hands them to the checkers that need
 * them, so what a checker depends on is in its signature.
 */
record CheckContext(Diagnostics diags, ValueReader values, BlockReader blocks) {

    static CheckContext of(Diagnostics diags) {
        return new CheckContext(diags, new ValueReader(diags), new BlockReader(diags));
    }

    /** The 1-based line a span starts on, for "the first is on line N" hints. */
    int line(Span span) {
        return diags.source().line(span.start());
    }
}
