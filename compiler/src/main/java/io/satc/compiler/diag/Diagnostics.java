package io.satc.compiler.diag;

import io.satc.compiler.source.SourceFile;
import io.satc.compiler.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * An append-only collector that one phase fills for one file; never shared between runs.
 */
public final class Diagnostics {

    private final SourceFile source;
    private final List<Diagnostic> items = new ArrayList<>();

    public Diagnostics(SourceFile source) {
        this.source = source;
    }

    public SourceFile source() {
        return source;
    }

    public Diagnostic report(DiagnosticCode code, Span span, String message, String help) {
        Diagnostic d = Diagnostic.of(code, source, span, message).withHelp(help);
        items.add(d);
        return d;
    }

    public Diagnostic report(DiagnosticCode code, Span span, String message) {
        return report(code, span, message, null);
    }

    public void add(Diagnostic d) {
        items.add(d);
    }

    public void addAll(List<Diagnostic> ds) {
        items.addAll(ds);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public int errorCount() {
        return (int) items.stream().filter(Diagnostic::isError).count();
    }

    public int size() {
        return items.size();
    }

    /** Diagnostics in source order (stable for equal positions), the order they are shown. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(ORDER);
        return Collections.unmodifiableList(copy);
    }

    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(
                    (Diagnostic d) -> d.source().displayPath())
            .thenComparingInt(d -> d.span().start())
            .thenComparing(d -> d.code().id());
}
