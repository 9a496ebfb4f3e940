package io.satc.compiler.lsp;

import io.satc.compiler.source.SourceFile;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * A document the editor has open: its text as it is now (edits applied as they arrive) and the
 * newest snapshots analysis has produced — the newest of all, for diagnostics, and the newest
 * that parsed, for navigation while the text does not parse.
 */
final class OpenDocument {

    private final String uri;
    private final Path path;
    private SourceFile current;
    private int version;
    private volatile Snapshot analysed;
    private volatile Snapshot parsed;
    private volatile PlanState plan = PlanState.NONE;

    OpenDocument(String uri, int version, String text) {
        this.uri = uri;
        this.path = pathOf(uri);
        this.version = version;
        this.current = source(text);
    }

    String uri() {
        return uri;
    }

    synchronized SourceFile current() {
        return current;
    }

    synchronized int version() {
        return version;
    }

    /** Applies edits in order: a change without a range replaces the whole text. */
    synchronized void apply(int newVersion, List<TextDocumentContentChangeEvent> changes) {
        for (TextDocumentContentChangeEvent change : changes) {
            String text = change.getText() == null ? "" : change.getText();
            if (change.getRange() == null) {
                current = source(text);
            } else {
                int start = Positions.offset(current, change.getRange().getStart());
                int end = Math.max(
                        start, Positions.offset(current, change.getRange().getEnd()));
                String old = current.text();
                current = source(old.substring(0, start) + text + old.substring(end));
            }
        }
        version = newVersion;
    }

    Optional<Snapshot> analysed() {
        return Optional.ofNullable(analysed);
    }

    /** The newest snapshot with a syntax tree, if any version parsed. */
    Optional<Snapshot> parsed() {
        return Optional.ofNullable(parsed);
    }

    void analysed(Snapshot s) {
        analysed = s;
        if (s.index().isPresent()) {
            parsed = s;
        }
    }

    PlanState plan() {
        return plan;
    }

    /** Records a plan state unless a newer version's state is already there (a slow plan finishing late). */
    synchronized void plan(PlanState state) {
        if (state.version() >= plan.version()) {
            plan = state;
        }
    }

    private SourceFile source(String text) {
        return new SourceFile(path == null ? uri : path.toString(), path, text);
    }

    private static Path pathOf(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Path.of(u) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
