package io.satc.compiler.syntax.format;

import io.satc.compiler.diag.Diagnostic;
import io.satc.compiler.source.SourceFile;
import java.util.List;

/** What formatting one file produced: the canonical text, or the syntax errors that prevent it. */
public sealed interface FormatResult permits FormatResult.Formatted, FormatResult.Unparsable {

    SourceFile source();

    /** The file parsed; {@code text} is its canonical layout. */
    record Formatted(SourceFile source, String text) implements FormatResult {

        /** Whether the file differs from its canonical layout (what {@code satc fmt --check} reports). */
        public boolean changed() {
            return !text.equals(source.text());
        }
    }

    /** The file has syntax errors, so it has no tree to format; nothing is rewritten. */
    record Unparsable(SourceFile source, List<Diagnostic> diagnostics) implements FormatResult {
        public Unparsable {
            diagnostics = List.copyOf(diagnostics);
        }
    }
}
