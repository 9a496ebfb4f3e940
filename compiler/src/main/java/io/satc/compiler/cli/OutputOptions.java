package io.satc.compiler.cli;

import io.satc.compiler.diag.Diagnostic;
import io.satc.compiler.diag.DiagnosticJson;
import io.satc.compiler.diag.DiagnosticRenderer;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by every command that reports diagnostics (a picocli mixin). */
public final class OutputOptions {

    /** How diagnostics are printed. */
    public enum Format {
        text,
        json
    }

    /** When to use ANSI colour. */
    public enum ColourMode {
        auto,
        always,
        never
    }

    @Option(
            names = "--diagnostics",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "How to print diagnostics: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    @Option(
            names = "--color",
            paramLabel = "WHEN",
            defaultValue = "auto",
            description =
                    "Colour the text output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: only on a terminal, and not when NO_COLOR is set).")
    ColourMode colour = ColourMode.auto;

    @Option(
            names = "--max-diagnostics",
            paramLabel = "N",
            defaultValue = "100",
            description =
                    "Show at most N diagnostics per file in text output; 0 shows all (default: ${DEFAULT-VALUE}). JSON always has all.")
    int maxPerFile = 100;

    boolean useColour() {
        return switch (colour) {
            case always -> true;
            case never -> false;
            case auto ->
                System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
        };
    }

    /** Prints text diagnostics as they come; JSON is printed once, by {@link #finish}. */
    void emit(List<Diagnostic> diagnostics, PrintWriter out) {
        if (format == Format.text) {
            DiagnosticRenderer renderer = new DiagnosticRenderer(useColour());
            int shown = maxPerFile <= 0 ? diagnostics.size() : Math.min(maxPerFile, diagnostics.size());
            for (Diagnostic d : diagnostics.subList(0, shown)) {
                out.print(renderer.render(d));
                out.println();
            }
            if (shown < diagnostics.size()) {
                out.println("... " + plural(diagnostics.size() - shown, "more diagnostic") + " in "
                        + diagnostics.get(0).source().displayPath() + " not shown (--max-diagnostics=0 shows all).");
                out.println();
            }
            out.flush();
        }
    }

    void finish(List<Diagnostic> all, int files, PrintWriter out, PrintWriter err) {
        long errors = all.stream().filter(Diagnostic::isError).count();
        long warnings = all.size() - errors;
        if (format == Format.json) {
            out.print(DiagnosticJson.render(all, files));
            out.flush();
        } else if (errors + warnings > 0 || files > 1) {
            err.println(summary(errors, warnings, files));
            err.flush();
        }
    }

    static String summary(long errors, long warnings, int files) {
        return plural(errors, "error") + ", " + plural(warnings, "warning") + " in " + plural(files, "file") + ".";
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
