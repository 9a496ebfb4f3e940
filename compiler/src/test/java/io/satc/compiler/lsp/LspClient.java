package io.satc.compiler.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A language-server client as an editor is one: it starts {@code satc lsp} as its own process
 * and speaks JSON-RPC to it over the process's stdin and stdout pipes, framed with
 * {@code Content-Length} headers, written by hand (not lsp4j) so that tests can also send what a
 * broken client would. Server notifications are queued; responses complete futures by id.
 */
final class LspClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Process process;
    private final OutputStream toServer;
    private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonNode> notifications = new LinkedBlockingQueue<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final StringBuffer stderr = new StringBuffer();
    private final Thread reader;
    private final Thread errors;

    private LspClient(Process process) {
        this.process = process;
        this.toServer = process.getOutputStream();
        this.reader = new Thread(this::read, "lsp-client-reader");
        reader.setDaemon(true);
        reader.start();
        this.errors = new Thread(
                () -> {
                    try {
                        stderr.append(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        // the process went away
                    }
                },
                "lsp-client-stderr");
        errors.setDaemon(true);
        errors.start();
    }

    /** Starts {@code satc lsp} with this JVM's class path. */
    static LspClient start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.satc.compiler.cli.Main",
                        "lsp")
                .start();
        return new LspClient(p);
    }

    /** Sends {@code initialize} and {@code initialized}; returns the server's capabilities. */
    JsonNode initialize(Path root) throws Exception {
        ObjectNode params = F.objectNode();
        params.put("processId", ProcessHandle.current().pid());
        params.put("rootUri", root.toUri().toString());
        params.putObject("capabilities");
        JsonNode result = request("initialize", params).get("result");
        notify("initialized", F.objectNode());
        return result.get("capabilities");
    }

    CompletableFuture<JsonNode> send(String method, JsonNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        waiting.put(id, f);
        ObjectNode msg = F.objectNode();
        msg.put("jsonrpc", "2.0");
        msg.put("id", id);
        msg.put("method", method);
        if (params != null) {
            msg.set("params", params);
        }
        write(msg.toString().getBytes(StandardCharsets.UTF_8));
        return f;
    }

    /** The id {@link #send} used last, for {@code $/cancelRequest}. */
    int lastId() {
        return ids.get();
    }

    JsonNode request(String method, JsonNode params) throws Exception {
        return send(method, params).get(30, TimeUnit.SECONDS);
    }

    /** A request's {@code result}; fails the test on an error response. */
    JsonNode result(String method, JsonNode params) throws Exception {
        JsonNode response = request(method, params);
        if (response.has("error")) {
            throw new AssertionError(method + " answered with an error: " + response.get("error"));
        }
        return response.get("result");
    }

    void notify(String method, JsonNode params) {
        ObjectNode msg = F.objectNode();
        msg.put("jsonrpc", "2.0");
        msg.put("method", method);
        msg.set("params", params);
        write(msg.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** One framed message with any body, valid or not. */
    void write(byte[] body) {
        try {
            synchronized (toServer) {
                toServer.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                toServer.write(body);
                toServer.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes as they are, no framing. */
    void writeRaw(byte[] bytes) throws IOException {
        synchronized (toServer) {
            toServer.write(bytes);
            toServer.flush();
        }
    }

    /** The next server notification with this method that satisfies {@code p}, skipping others. */
    JsonNode awaitNotification(String method, Predicate<JsonNode> p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode n = notifications.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (n == null) {
                throw new AssertionError("no " + method + " notification within " + timeout + "; stderr: " + stderr);
            }
            if (method.equals(n.path("method").asText()) && p.test(n.get("params"))) {
                return n.get("params");
            }
        }
    }

    /** Diagnostics published for {@code uri} at {@code version}. */
    JsonNode awaitDiagnostics(String uri, int version) throws InterruptedException {
        return awaitNotification(
                "textDocument/publishDiagnostics",
                p -> p.get("uri").asText().equals(uri) && p.path("version").asInt(-1) == version,
                Duration.ofSeconds(60));
    }

    /** Every notification received so far, removed from the queue. */
    List<JsonNode> drainNotifications() {
        List<JsonNode> out = new ArrayList<>();
        notifications.drainTo(out);
        return out;
    }

    void open(String uri, String text) {
        ObjectNode params = F.objectNode();
        ObjectNode doc = params.putObject("textDocument");
        doc.put("uri", uri);
        doc.put("languageId", "satc");
        doc.put("version", 1);
        doc.put("text", text);
        notify("textDocument/didOpen", params);
    }

    /** Replaces the whole text. */
    void change(String uri, int version, String text) {
        ObjectNode params = F.objectNode();
        params.putObject("textDocument").put("uri", uri).put("version", version);
        params.putArray("contentChanges").addObject().put("text", text);
        notify("textDocument/didChange", params);
    }

    /** Replaces a range (0-based lines and UTF-16 characters). */
    void edit(String uri, int version, int line, int from, int to, String text) {
        ObjectNode params = F.objectNode();
        params.putObject("textDocument").put("uri", uri).put("version", version);
        ObjectNode c = params.putArray("contentChanges").addObject();
        ObjectNode range = c.putObject("range");
        range.set("start", position(line, from));
        range.set("end", position(line, to));
        c.put("text", text);
        notify("textDocument/didChange", params);
    }

    static ObjectNode position(int line, int character) {
        return F.objectNode().put("line", line).put("character", character);
    }

    static ObjectNode at(String uri, int line, int character) {
        ObjectNode p = F.objectNode();
        p.putObject("textDocument").put("uri", uri);
        p.set("position", position(line, character));
        return p;
    }

    static ObjectNode document(String uri) {
        ObjectNode p = F.objectNode();
        p.putObject("textDocument").put("uri", uri);
        return p;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the process to end and returns its exit code. */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("satc lsp did not exit within " + timeout);
        }
        errors.join(timeout.toMillis());
        return process.exitValue();
    }

    String stderr() {
        return stderr.toString();
    }

    /** Closes the server's input, as an editor that quits does. */
    void closeInput() throws IOException {
        toServer.close();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void read() {
        try (InputStream in = process.getInputStream()) {
            while (true) {
                int length = -1;
                String header;
                while (!(header = line(in)).isEmpty()) {
                    if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(header.substring(15).trim());
                    }
                }
                if (length < 0) {
                    return;
                }
                JsonNode msg = JSON.readTree(in.readNBytes(length));
                if (msg.has("id") && !msg.has("method")) {
                    CompletableFuture<JsonNode> f = waiting.remove(msg.get("id").asInt());
                    if (f != null) {
                        f.complete(msg);
                    }
                } else if (msg.has("id")) {
                    // A request from the server (none is expected): answer it so it never waits.
                    ObjectNode reply = F.objectNode().put("jsonrpc", "2.0");
                    reply.set("id", msg.get("id"));
                    reply.putNull("result");
                    write(reply.toString().getBytes(StandardCharsets.UTF_8));
                } else {
                    notifications.add(msg);
                }
            }
        } catch (IOException | RuntimeException e) {
            waiting.values().forEach(f -> f.completeExceptionally(e));
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c < 0 && b.size() == 0) {
            return "";
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}
