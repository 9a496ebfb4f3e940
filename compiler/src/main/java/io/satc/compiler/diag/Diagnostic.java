package io.satc.compiler.diag;

import io.satc.compiler.source.SourceFile;
import io.satc.compiler.source.Span;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding about a mission: a stable code, where it is, a sentence saying what is wrong, and
 * optionally how to fix it. Diagnostics are data; {@link DiagnosticRenderer} decides how they look.
 */
public record Diagnostic(
        DiagnosticCode code, Severity severity, SourceFile source, Span span, String message, Optional<String> help) {

    public Diagnostic {
        Objects.requireNonNull(code);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(source);
        Objects.requireNonNull(span);
        Objects.requireNonNull(message);
        Objects.requireNonNull(help);
    }

    public static Diagnostic of(DiagnosticCode code, SourceFile source, Span span, String message) {
        return new Diagnostic(code, code.severity(), source, span, message, Optional.empty());
    }

    public static Diagnostic error(DiagnosticCode code, SourceFile source, Span span, String message) {
        return new Diagnostic(code, Severity.ERROR, source, span, message, Optional.empty());
    }

    public Diagnostic withHelp(String text) {
        return new Diagnostic(code, severity, source, span, message, Optional.ofNullable(text));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public int line() {
        return source.line(span.start());
    }

    public int column() {
        return source.column(span.start());
    }
}
