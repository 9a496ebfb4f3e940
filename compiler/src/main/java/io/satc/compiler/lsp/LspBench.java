package io.satc.compiler.lsp;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * {@code satc bench lsp}: the language server's latency on a large mission's edits, measured as
 * an editor sees it: a client and the server in one process, joined by pipes, every message
 * through JSON-RPC. After each edit (alternately a changed value, which keeps the mission valid,
 * and a half-typed new line, which breaks its syntax) the client asks for a hover on a number,
 * a hover on a satellite, a definition, references, a completion at the cursor and the outline,
 * and times each answer; then it times how long the edit's diagnostics take to arrive (the
 * debounce plus a full analysis). Formatting the whole document is timed last.
 */
public final class LspBench {

    private LspBench() {}

    public static void run(int satellites, int edits, PrintStream out) throws Exception {
        String text = LargeMissions.generate(satellites);
        String uri = "file:///bench/generated-" + satellites + ".sat";
        BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
        PipedInputStream serverIn = new PipedInputStream(1 << 20);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 20);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "satc-bench-lsp");
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<Integer> server =
                CompletableFuture.supplyAsync(() -> SatcLanguageServer.serve(serverIn, serverOut, "bench"), threads);
        Launcher<LanguageServer> launcher =
                LSPLauncher.createClientLauncher(new RecordingClient(diagnostics), clientIn, clientOut, threads, null);
        launcher.startListening();
        LanguageServer remote = launcher.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setCapabilities(new ClientCapabilities());
        remote.initialize(init).get();
        remote.initialized(new org.eclipse.lsp4j.InitializedParams());

        out.printf(
                Locale.ROOT,
                "satc lsp on a generated mission: %d satellites, %d link declarations, %,d characters%n",
                satellites,
                2 * satellites,
                text.length());
        long open = System.nanoTime();
        remote.getTextDocumentService()
                .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "satc", 1, text)));
        awaitVersion(diagnostics, 1);
        out.printf(Locale.ROOT, "open to first diagnostics: %.0f ms%n", ms(System.nanoTime() - open));

        Lines lines = new Lines(text);
        int middle = satellites / 2;
        int satLine = lines.find("  satellite sat-" + middle + " {");
        int linkLine = lines.find("  link sat-" + middle + " <-> ");
        String satText = lines.get(satLine);
        int memoryCol = satText.indexOf("8 GB");
        Map<String, List<Double>> times = new LinkedHashMap<>();
        List<Double> diagnosticsAfter = new ArrayList<>();
        int warmUp = Math.min(5, edits);
        int version = 1;
        for (int round = 0; round < edits + warmUp; round++) {
            boolean counted = round >= warmUp;
            version++;
            // Even rounds change a value (valid); odd rounds type half a satellite into a new line (a syntax error).
            boolean typing = round % 2 == 1;
            TextDocumentContentChangeEvent change;
            Position cursor;
            if (!typing) {
                String digit = Integer.toString(1 + round % 9);
                change = new TextDocumentContentChangeEvent(
                        new Range(new Position(satLine, memoryCol), new Position(satLine, memoryCol + 1)), digit);
                cursor = new Position(satLine + 1, 2);
            } else {
                String partial = "  satellite typed-" + round + " { compute = 1 TFLOPS; me";
                change = new TextDocumentContentChangeEvent(
                        new Range(new Position(satLine + 1, 0), new Position(satLine + 1, 0)), partial + "\n");
                cursor = new Position(satLine + 1, partial.length());
            }
            long sent = System.nanoTime();
            remote.getTextDocumentService()
                    .didChange(new DidChangeTextDocumentParams(
                            new VersionedTextDocumentIdentifier(uri, version), List.of(change)));
            var docs = remote.getTextDocumentService();
            TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
            time(
                    times,
                    counted,
                    "hover on a number",
                    () -> docs.hover(new HoverParams(id, new Position(satLine - 1, memoryCol + 1))));
            time(
                    times,
                    counted,
                    "hover on a satellite",
                    () -> docs.hover(new HoverParams(id, new Position(linkLine + (typing ? 1 : 0), 8))));
            time(
                    times,
                    counted,
                    "definition",
                    () -> docs.definition(new DefinitionParams(id, new Position(linkLine + (typing ? 1 : 0), 8))));
            time(
                    times,
                    counted,
                    "references",
                    () -> docs.references(new ReferenceParams(
                            id, new Position(linkLine + (typing ? 1 : 0), 8), new ReferenceContext(true))));
            time(times, counted, "completion", () -> docs.completion(new CompletionParams(id, cursor)));
            time(times, counted, "document symbols", () -> docs.documentSymbol(new DocumentSymbolParams(id)));
            awaitVersion(diagnostics, version);
            if (counted) {
                diagnosticsAfter.add(ms(System.nanoTime() - sent));
            }
            if (typing) {
                // Take the half-typed line out again, so the next round starts from the valid mission.
                version++;
                docs.didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(uri, version),
                        List.of(new TextDocumentContentChangeEvent(
                                new Range(new Position(satLine + 1, 0), new Position(satLine + 2, 0)), ""))));
                awaitVersion(diagnostics, version);
            }
        }
        out.printf(
                Locale.ROOT,
                "%d edits after %d warm-up edits (half change a value, half type half a line that breaks the syntax);%n"
                        + "milliseconds from request to answer over JSON-RPC, sent right after the edit:%n",
                edits,
                warmUp);
        for (var e : times.entrySet()) {
            out.println("  " + summary(e.getKey(), e.getValue()));
        }
        out.println("  " + summary("diagnostics after the edit", diagnosticsAfter) + "  (includes the "
                + MissionDocuments.DEBOUNCE_MS + " ms debounce)");
        List<Double> format = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            remote.getTextDocumentService()
                    .formatting(new DocumentFormattingParams(
                            new TextDocumentIdentifier(uri), new FormattingOptions(2, true)))
                    .get();
            format.add(ms(System.nanoTime() - t));
        }
        out.println("  " + summary("formatting the whole document", format));
        out.printf(
                Locale.ROOT,
                "machine: %d cores, load average %s%n",
                Runtime.getRuntime().availableProcessors(),
                loadAverage());
        remote.shutdown().get();
        remote.exit();
        server.get(30, TimeUnit.SECONDS);
        threads.shutdownNow();
    }

    private static void time(
            Map<String, List<Double>> times, boolean counted, String what, Supplier<CompletableFuture<?>> request)
            throws Exception {
        long t = System.nanoTime();
        request.get().get(60, TimeUnit.SECONDS);
        if (counted) {
            times.computeIfAbsent(what, k -> new ArrayList<>()).add(ms(System.nanoTime() - t));
        }
    }

    private static void awaitVersion(BlockingQueue<PublishDiagnosticsParams> q, int version) throws Exception {
        while (true) {
            PublishDiagnosticsParams p = q.poll(120, TimeUnit.SECONDS);
            if (p == null) {
                throw new IllegalStateException("no diagnostics for version " + version + " within 120 s");
            }
            if (p.getVersion() != null && p.getVersion() == version) {
                return;
            }
        }
    }

    private static String summary(String what, List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        double p95 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.95 * sorted.size()) - 1));
        return String.format(
                Locale.ROOT,
                "%-32s median %7.1f   p95 %7.1f   max %7.1f",
                what,
                median,
                p95,
                sorted.get(sorted.size() - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The lines of the generated mission, for positions. */
    private record Lines(List<String> all) {
        Lines(String text) {
            this(text.lines().toList());
        }

        int find(String prefix) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).startsWith(prefix)) {
                    return i;
                }
            }
            throw new IllegalStateException("no line starts with " + prefix);
        }

        String get(int i) {
            return all.get(i);
        }
    }

    /** A client that only records the diagnostics it is sent. */
    private record RecordingClient(BlockingQueue<PublishDiagnosticsParams> diagnostics) implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {}

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams p) {
            diagnostics.add(p);
        }

        @Override
        public void showMessage(MessageParams messageParams) {}

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
            System.err.println("satc bench lsp: server log: " + message.getMessage());
        }
    }
}
