package io.satc.compiler.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Renders one page in headless Chromium and reports what a person's browser would have shown
 * and complained about: the screenshot, every console error, uncaught exception and browser log
 * error, every URL the page requested, and the value of a DOM probe script.
 *
 * <p>Why the DevTools protocol and not {@code --screenshot} with {@code --enable-logging}: the
 * stderr log prints every console message as {@code INFO:CONSOLE}, whatever its level, and
 * says nothing about failed resource loads, so an error could not be told from a log line and a
 * missing external image went unseen. Over the protocol, {@code Runtime.consoleAPICalled} carries
 * the level, {@code Runtime.exceptionThrown} every uncaught exception, {@code Log.entryAdded}
 * the browser's own errors (failed loads among them) and {@code Network.requestWillBeSent}
 * every URL fetched. The protocol runs over {@code --remote-debugging-pipe} (null-terminated
 * JSON on the browser's file descriptors 3 and 4, mapped by {@code sh} onto the process's
 * stdin and stdout), so no port is opened. Each render starts a browser with a fresh profile
 * folder, resolves no host names at all, and is killed with its child processes if it
 * overruns its time limit.
 */
public final class ChromiumRenderer {

    /** The viewport, and so the screenshot's size in pixels. */
    public static final int WIDTH = 1280;

    public static final int HEIGHT = 2000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path chromium;
    private final Duration timeout;

    public ChromiumRenderer(Path chromium, Duration timeout) {
        this.chromium = chromium;
        this.timeout = timeout;
    }

    /**
     * What a render saw. {@code problems} are console errors, uncaught exceptions and browser log
     * errors, one line each; {@code exitCode} is the browser's once it quit.
     */
    public record Rendering(
            Path screenshot, List<String> problems, List<String> requestedUrls, JsonNode probe, int exitCode) {}

    /** {@code chromium} on the PATH, if there is one. */
    public static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, "chromium");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Loads {@code page}, waits for its load event and two animation frames, evaluates
     * {@code probeScript} (an expression whose value is returned as JSON) and writes a PNG of the
     * viewport to {@code screenshot}. {@code work} receives the browser profile and its log.
     */
    public Rendering render(Path page, String probeScript, Path screenshot, Path work)
            throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile-");
        Path log = work.resolve(profile.getFileName() + ".log");
        List<String> command = new ArrayList<>(List.of(
                "sh",
                "-c",
                "exec \"$0\" \"$@\" 3<&0 4>&1 </dev/null >/dev/null",
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--hide-scrollbars",
                // Nothing may leave the machine: every host name fails to resolve, so a page that
                // fetches from the web gets a load error as well as a request we can see.
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--window-size=" + WIDTH + "," + HEIGHT,
                "--user-data-dir=" + profile,
                "--remote-debugging-pipe",
                "about:blank"));
        Process browser =
                new ProcessBuilder(command).redirectError(log.toFile()).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Session s = new Session(browser, deadline)) {
            String target = s.call(null, "Target.createTarget", obj().put("url", "about:blank"))
                    .path("targetId")
                    .asText();
            String session = s.call(
                            null,
                            "Target.attachToTarget",
                            obj().put("targetId", target).put("flatten", true))
                    .path("sessionId")
                    .asText();
            for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
                s.call(session, domain + ".enable", obj());
            }
            s.call(
                    session,
                    "Emulation.setDeviceMetricsOverride",
                    obj().put("width", WIDTH)
                            .put("height", HEIGHT)
                            .put("deviceScaleFactor", 1)
                            .put("mobile", false));
            JsonNode nav = s.call(
                    session, "Page.navigate", obj().put("url", page.toUri().toString()));
            if (nav.hasNonNull("errorText")) {
                throw new IOException("Chromium could not open " + page + ": "
                        + nav.get("errorText").asText());
            }
            s.awaitEvent(session, "Page.loadEventFired");
            // Two frames after load: late console messages and failed loads have been reported by then.
            evaluate(s, session, "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))");
            JsonNode probe = evaluate(s, session, probeScript);
            String png = s.call(session, "Page.captureScreenshot", obj().put("format", "png"))
                    .path("data")
                    .asText();
            Files.write(screenshot, Base64.getDecoder().decode(png));
            closeBrowser(s);
            long left = deadline - System.nanoTime();
            if (!browser.waitFor(left, TimeUnit.NANOSECONDS)) {
                throw new TimeoutException("it did not exit after Browser.close");
            }
            return new Rendering(screenshot, s.problems(session), s.requests(session), probe, browser.exitValue());
        } catch (IOException e) {
            throw new IOException(e.getMessage() + "; Chromium's log:\n" + tail(log), e);
        } catch (TimeoutException e) {
            throw new IOException(
                    "Chromium overran its " + timeout.toMillis() + " ms (" + e.getMessage() + "); its log:\n"
                            + tail(log),
                    e);
        } finally {
            kill(browser);
        }
    }

    /** Asks the browser to quit; it may close the pipe before it answers, which is fine. */
    private static void closeBrowser(Session s) throws InterruptedException, TimeoutException {
        try {
            s.call(null, "Browser.close", obj());
        } catch (IOException e) {
            // Gone already: the exit is what we wait for next.
        }
    }

    private static JsonNode evaluate(Session s, String session, String expression)
            throws IOException, InterruptedException, TimeoutException {
        JsonNode r = s.call(
                session,
                "Runtime.evaluate",
                obj().put("expression", expression).put("returnByValue", true).put("awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IOException("The probe script threw: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** A browser still running here has failed or overrun: it goes, with its renderer and GPU processes. */
    private static void kill(Process browser) throws InterruptedException {
        if (!browser.isAlive()) {
            return;
        }
        // Children first: once the browser is gone they are no longer its descendants.
        try (Stream<ProcessHandle> children = browser.descendants()) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
        browser.destroyForcibly();
        browser.waitFor(5, TimeUnit.SECONDS);
    }

    private static String tail(Path log) {
        try {
            // Decoded leniently: a log cut mid-character must not hide the rest.
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    /** One protocol connection: numbered calls answered by id, events kept per session in arrival order. */
    private static final class Session implements AutoCloseable {

        private final OutputStream toBrowser;
        private final long deadline;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final List<JsonNode> events = new ArrayList<>();
        private final Thread reader;
        private volatile IOException broken;

        Session(Process browser, long deadline) {
            this.toBrowser = browser.getOutputStream();
            this.deadline = deadline;
            InputStream fromBrowser = browser.getInputStream();
            this.reader = new Thread(() -> read(fromBrowser), "chromium-devtools-reader");
            reader.setDaemon(true);
            reader.start();
        }

        JsonNode call(String session, String method, ObjectNode params)
                throws IOException, InterruptedException, TimeoutException {
            int id = ids.incrementAndGet();
            ObjectNode msg = obj().put("id", id).put("method", method);
            msg.set("params", params);
            if (session != null) {
                msg.put("sessionId", session);
            }
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            if (broken != null) {
                answer.completeExceptionally(broken);
            }
            synchronized (toBrowser) {
                toBrowser.write(JSON.writeValueAsBytes(msg));
                toBrowser.write(0);
                toBrowser.flush();
            }
            JsonNode reply;
            try {
                reply = answer.get(remaining(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new IOException("The DevTools connection broke during " + method + ".", e.getCause());
            } catch (TimeoutException e) {
                throw new TimeoutException("no answer to " + method);
            }
            if (reply.has("error")) {
                throw new IOException(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        }

        void awaitEvent(String session, String method) throws IOException, InterruptedException, TimeoutException {
            synchronized (events) {
                while (events.stream()
                        .noneMatch(e -> session.equals(e.path("sessionId").asText())
                                && method.equals(e.path("method").asText()))) {
                    if (broken != null) {
                        throw new IOException("Chromium went away before " + method + ".", broken);
                    }
                    long left = remaining();
                    if (left <= 0) {
                        throw new TimeoutException("no " + method);
                    }
                    TimeUnit.NANOSECONDS.timedWait(events, left);
                }
            }
        }

        List<String> problems(String session) {
            List<String> out = new ArrayList<>();
            for (JsonNode e : of(session)) {
                JsonNode p = e.path("params");
                switch (e.path("method").asText()) {
                    case "Runtime.consoleAPICalled" -> {
                        String type = p.path("type").asText();
                        if (type.equals("error") || type.equals("assert")) {
                            List<String> args = new ArrayList<>();
                            p.path("args")
                                    .forEach(a -> args.add(
                                            a.has("value")
                                                    ? a.get("value").asText()
                                                    : a.path("description").asText()));
                            out.add("console." + type + ": " + String.join(" ", args));
                        }
                    }
                    case "Runtime.exceptionThrown" -> {
                        JsonNode d = p.path("exceptionDetails");
                        String what = d.path("exception")
                                .path("description")
                                .asText(d.path("text").asText());
                        out.add("uncaught exception: " + what + " at "
                                + d.path("url").asText() + ":"
                                + (d.path("lineNumber").asInt() + 1));
                    }
                    case "Log.entryAdded" -> {
                        JsonNode entry = p.path("entry");
                        if (entry.path("level").asText().equals("error")) {
                            out.add("browser log error (" + entry.path("source").asText() + "): "
                                    + entry.path("text").asText()
                                    + (entry.has("url") ? " " + entry.get("url").asText() : ""));
                        }
                    }
                    default -> {}
                }
            }
            return out;
        }

        List<String> requests(String session) {
            List<String> out = new ArrayList<>();
            for (JsonNode e : of(session)) {
                if (e.path("method").asText().equals("Network.requestWillBeSent")) {
                    out.add(e.path("params").path("request").path("url").asText());
                }
            }
            return out;
        }

        private List<JsonNode> of(String session) {
            synchronized (events) {
                return events.stream()
                        .filter(e -> session.equals(e.path("sessionId").asText()))
                        .toList();
            }
        }

        private long remaining() {
            return deadline - System.nanoTime();
        }

        private void read(InputStream in) {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    for (int i = 0; i < n; i++) {
                        if (buf[i] != 0) {
                            message.write(buf[i]);
                            continue;
                        }
                        dispatch(JSON.readTree(message.toByteArray()));
                        message.reset();
                    }
                }
                fail(new IOException("Chromium closed the DevTools pipe."));
            } catch (IOException e) {
                fail(e);
            }
        }

        private void dispatch(JsonNode msg) {
            if (msg.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                if (f != null) {
                    f.complete(msg);
                }
                return;
            }
            synchronized (events) {
                events.add(msg);
                events.notifyAll();
            }
        }

        private void fail(IOException e) {
            broken = e;
            pending.values().forEach(f -> f.completeExceptionally(e));
            synchronized (events) {
                events.notifyAll();
            }
        }

        @Override
        public void close() {
            try {
                toBrowser.close();
            } catch (IOException e) {
                // The browser has already gone; closing our end is all that was left to do.
            }
        }
    }
}
