package io.satc.compiler.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The satc language server: lifecycle and capabilities; the work is in {@link MissionDocuments}.
 * {@link #serve} runs it over a pair of streams (stdio for {@code satc lsp}) until the client
 * sends {@code exit} or closes the input.
 */
public final class SatcLanguageServer implements LanguageServer, LanguageClientAware {

    private final MissionDocuments documents = new MissionDocuments();
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private final String version;
    private volatile boolean shutdown;

    public SatcLanguageServer(String version) {
        this.version = version;
    }

    /**
     * Serves one client and returns the exit code the protocol asks for: 0 after
     * {@code shutdown} then {@code exit}, 1 when the client exits or disconnects without
     * {@code shutdown}.
     */
    public static int serve(InputStream in, OutputStream out, String version) {
        logOneLinePerIssue();
        SatcLanguageServer server = new SatcLanguageServer(version);
        ExecutorService io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "satc-lsp-jsonrpc");
            t.setDaemon(true);
            return t;
        });
        try {
            Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>()
                    .setLocalService(server)
                    .setRemoteInterface(LanguageClient.class)
                    .setInput(in)
                    .setOutput(out)
                    .setExecutorService(io)
                    .validateMessages(true)
                    .create();
            server.connect(launcher.getRemoteProxy());
            Future<Void> listening = launcher.startListening();
            CompletableFuture.runAsync(
                    () -> {
                        try {
                            listening.get();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (ExecutionException e) {
                            // the input broke: treated as a disconnect
                        }
                        server.exited.complete(server.shutdown ? 0 : 1);
                    },
                    io);
            return server.exited.join();
        } finally {
            server.documents.close();
            io.shutdownNow();
        }
    }

    /** lsp4j's own logger, kept reachable so that its configuration holds. */
    private static final Logger LSP4J = Logger.getLogger("org.eclipse.lsp4j");

    /**
     * lsp4j logs a malformed message with its stack trace; stderr is the editor's server log, so
     * one line per issue says what happened without burying it.
     */
    private static void logOneLinePerIssue() {
        LSP4J.setUseParentHandlers(false);
        for (Handler h : LSP4J.getHandlers()) {
            LSP4J.removeHandler(h);
        }
        LSP4J.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                String thrown = r.getThrown() == null ? "" : " (" + r.getThrown() + ")";
                System.err.println("satc lsp: " + r.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": "
                        + String.valueOf(r.getMessage()).lines().findFirst().orElse("")
                        + thrown.lines().findFirst().orElse(""));
            }

            @Override
            public void flush() {
                System.err.flush();
            }

            @Override
            public void close() {}
        });
    }

    @Override
    public void connect(LanguageClient client) {
        documents.connect(client);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        caps.setTextDocumentSync(sync);
        caps.setHoverProvider(true);
        caps.setDefinitionProvider(true);
        caps.setReferencesProvider(true);
        caps.setDocumentSymbolProvider(true);
        caps.setDocumentFormattingProvider(true);
        caps.setCompletionProvider(new CompletionOptions(false, List.of("=", " ", "[", ",")));
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("satc", version)));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        exited.complete(shutdown ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return new WorkspaceService() {
            @Override
            public void didChangeConfiguration(DidChangeConfigurationParams params) {}

            @Override
            public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {}
        };
    }

    /** The document service, for the benchmark and tests that look inside. */
    MissionDocuments documents() {
        return documents;
    }
}
