package io.satc.compiler.lsp;

import io.satc.compiler.diag.Diagnostic;
import io.satc.compiler.diag.Severity;
import io.satc.compiler.source.SourceFile;
import io.satc.compiler.source.Span;
import io.satc.compiler.syntax.MissionParser;
import io.satc.compiler.syntax.ParseResult;
import io.satc.compiler.syntax.format.MissionFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentPositionParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The text-document half of the server. Notifications (open, change, close) update the text at
 * once and schedule analysis: immediately on open, {@link #DEBOUNCE_MS} after the last change
 * otherwise, on one analysis thread; each analysis publishes its diagnostics and, when cheap,
 * has the mission planned. Requests run in order on one request thread and answer from the
 * newest snapshot that parsed, mapped onto the current text; none waits for analysis.
 */
final class MissionDocuments implements TextDocumentService, AutoCloseable {

    /** Quiet time after the last change before the text is analysed again. */
    static final long DEBOUNCE_MS = 150;

    private final Map<String, OpenDocument> open = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<Snapshot>> toPlan = new ConcurrentHashMap<>();
    private final ScheduledExecutorService analysis = Executors.newSingleThreadScheduledExecutor(daemon("analysis"));
    private final ExecutorService requests = Executors.newSingleThreadExecutor(daemon("requests"));
    private final MissionPlanner planner = new MissionPlanner();
    private final AtomicReference<LanguageClient> client = new AtomicReference<>();

    void connect(LanguageClient c) {
        client.set(c);
    }

    /** An open document, for tests and the benchmark. */
    Optional<OpenDocument> document(String uri) {
        return Optional.ofNullable(open.get(uri));
    }

    // ------------------------------------------------------------------ notifications

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var item = params.getTextDocument();
        OpenDocument doc = new OpenDocument(item.getUri(), item.getVersion(), item.getText());
        open.put(item.getUri(), doc);
        schedule(doc, 0);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        OpenDocument doc = open.get(params.getTextDocument().getUri());
        if (doc == null) {
            return; // a change to a document never opened: nothing to apply it to
        }
        doc.apply(params.getTextDocument().getVersion(), params.getContentChanges());
        schedule(doc, DEBOUNCE_MS);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        open.remove(uri);
        toPlan.remove(uri);
        ScheduledFuture<?> f = pending.remove(uri);
        if (f != null) {
            f.cancel(false);
        }
        LanguageClient c = client.get();
        if (c != null) {
            c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // The text is already known from the changes; files the mission names are read again on the next analysis.
    }

    private void schedule(OpenDocument doc, long delayMs) {
        ScheduledFuture<?> previous =
                pending.put(doc.uri(), analysis.schedule(() -> analyse(doc), delayMs, TimeUnit.MILLISECONDS));
        if (previous != null) {
            previous.cancel(false);
        }
    }

    private void analyse(OpenDocument doc) {
        if (open.get(doc.uri()) != doc) {
            return;
        }
        SourceFile source;
        int version;
        synchronized (doc) {
            source = doc.current();
            version = doc.version();
        }
        Snapshot s;
        LanguageClient c = client.get();
        try {
            s = Snapshot.analyse(version, source);
        } catch (RuntimeException e) {
            // A bug in analysis must not take the server down: say so in the editor's log, keep serving.
            if (c != null) {
                c.logMessage(new org.eclipse.lsp4j.MessageParams(
                        org.eclipse.lsp4j.MessageType.Error,
                        "satc: internal error analysing " + doc.uri() + " (version " + version + "): " + e));
            }
            return;
        }
        doc.analysed(s);
        // The plan state first, so that a hover right after the diagnostics already says "being computed".
        planner.request(doc, s, toPlan.computeIfAbsent(doc.uri(), u -> new AtomicReference<>()));
        if (c != null) {
            List<org.eclipse.lsp4j.Diagnostic> ds = new ArrayList<>();
            for (Diagnostic d : s.analysis().diagnostics()) {
                ds.add(toLsp(d));
            }
            c.publishDiagnostics(new PublishDiagnosticsParams(doc.uri(), ds, version));
        }
    }

    static org.eclipse.lsp4j.Diagnostic toLsp(Diagnostic d) {
        org.eclipse.lsp4j.Diagnostic out = new org.eclipse.lsp4j.Diagnostic(
                Positions.range(d.source(), d.span()),
                d.message() + d.help().map(h -> "\nhelp: " + h).orElse(""),
                d.severity() == Severity.ERROR ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                "satc",
                d.code().id());
        return out;
    }

    // ------------------------------------------------------------------ requests

    /** What every positional request starts from: the document, the cursor's offset now and its offset in the snapshot. */
    private record At(OpenDocument doc, SourceFile current, int offset, Snapshot snapshot, TextMapping mapping) {
        OptionalInt analysedOffset() {
            return mapping.toAnalysed(offset);
        }

        MissionIndex index() {
            return snapshot.index().orElseThrow();
        }

        Optional<Location> location(Span analysed) {
            return mapping.toCurrent(analysed).map(s -> new Location(doc.uri(), Positions.range(current, s)));
        }
    }

    private Optional<At> at(TextDocumentIdentifier id, Position position) {
        OpenDocument doc = id == null ? null : open.get(id.getUri());
        if (doc == null) {
            return Optional.empty();
        }
        SourceFile current = doc.current();
        int offset = Positions.offset(current, position);
        return doc.parsed().map(s -> new At(doc, current, offset, s, TextMapping.between(s.text(), current.text())));
    }

    private Optional<At> at(TextDocumentPositionParams p) {
        return at(p.getTextDocument(), p.getPosition());
    }

    private <R> CompletableFuture<R> async(Function<CancelChecker, R> work) {
        return CompletableFutures.computeAsync(requests, cancel -> {
            cancel.checkCanceled();
            return work.apply(cancel);
        });
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return async(cancel -> at(params)
                .flatMap(a -> a.analysedOffset().stream()
                        .boxed()
                        .findFirst()
                        .flatMap(o -> a.index().at(o))
                        .flatMap(t -> HoverText.of(t, a.snapshot(), a.doc().plan())
                                .map(md -> new Hover(
                                        new MarkupContent(MarkupKind.MARKDOWN, md),
                                        a.mapping()
                                                .toCurrent(t.span())
                                                .map(s -> Positions.range(a.current(), s))
                                                .orElse(null)))))
                .orElse(null));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        return async(cancel -> {
            List<Location> found = new ArrayList<>();
            at(params)
                    .ifPresent(
                            a -> name(a).flatMap(n -> a.location(n.declaration().nameSpan()))
                                    .ifPresent(found::add));
            return Either.forLeft(found);
        });
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        return async(cancel -> {
            List<Location> found = new ArrayList<>();
            at(params)
                    .ifPresent(a -> name(a).ifPresent(n -> {
                        MissionIndex.Declaration d = n.declaration();
                        if (params.getContext() == null || params.getContext().isIncludeDeclaration()) {
                            a.location(d.nameSpan()).ifPresent(found::add);
                        }
                        for (Span ref : a.index().referencesTo(d)) {
                            a.location(ref).ifPresent(found::add);
                        }
                    }));
            return found;
        });
    }

    private static Optional<MissionIndex.Name> name(At a) {
        OptionalInt o = a.analysedOffset();
        if (o.isEmpty()) {
            return Optional.empty();
        }
        return a.index()
                .at(o.getAsInt())
                .filter(t -> t instanceof MissionIndex.Name)
                .map(t -> (MissionIndex.Name) t);
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return async(cancel -> {
            OpenDocument doc = params.getTextDocument() == null
                    ? null
                    : open.get(params.getTextDocument().getUri());
            if (doc == null) {
                return Either.forRight(new CompletionList(false, List.of()));
            }
            SourceFile current = doc.current();
            int offset = Positions.offset(current, params.getPosition());
            CompletionContext ctx = CompletionContext.at(current.text(), offset);
            Optional<Snapshot> parsed = doc.parsed();
            Optional<MissionIndex.BlockInfo> block = parsed.flatMap(s -> {
                TextMapping m = TextMapping.between(s.text(), current.text());
                // Inside the edited region the block is the one the edit started in.
                int where = m.toAnalysed(offset).orElse(m.editStart());
                return s.index().orElseThrow().blockAt(where);
            });
            Range replace =
                    new Range(Positions.position(current, ctx.prefixStart()), Positions.position(current, offset));
            return Either.forRight(Completions.of(ctx, block, parsed.flatMap(Snapshot::index), parsed, replace));
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
            DocumentSymbolParams params) {
        return async(cancel -> {
            List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
            OpenDocument doc = params.getTextDocument() == null
                    ? null
                    : open.get(params.getTextDocument().getUri());
            if (doc == null || doc.parsed().isEmpty()) {
                return out;
            }
            Snapshot s = doc.parsed().get();
            SourceFile current = doc.current();
            for (DocumentSymbol d : DocumentSymbols.of(s, TextMapping.between(s.text(), current.text()), current)) {
                out.add(Either.forRight(d));
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        return async(cancel -> {
            OpenDocument doc = params.getTextDocument() == null
                    ? null
                    : open.get(params.getTextDocument().getUri());
            if (doc == null) {
                return List.of();
            }
            SourceFile current = doc.current();
            ParseResult parsed = MissionParser.parse(current);
            cancel.checkCanceled();
            if (parsed.mission().isEmpty()) {
                return List.of(); // syntax errors: nothing is reformatted, as with `satc fmt`
            }
            String formatted = new MissionFormatter().format(parsed);
            if (formatted.equals(current.text())) {
                return List.of();
            }
            Range all = new Range(
                    new Position(0, 0),
                    Positions.position(current, current.text().length()));
            return List.of(new TextEdit(all, formatted));
        });
    }

    @Override
    public void close() {
        analysis.shutdownNow();
        requests.shutdownNow();
        planner.close();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, "satc-lsp-" + name);
            t.setDaemon(true);
            return t;
        };
    }
}
