package io.satc.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The peer is another process that dies (SIGKILL) or freezes (SIGSTOP) mid-stream, as a stage
 * process on a satellite would: the survivor tries to resume the link for its reconnect timeout
 * (2 s here), then fails, naming the link; never at its much longer stall timeout.
 */
@Timeout(90)
class PeerProcessTest {

    /** Long, so that a prompt failure can only come from the connection, not from a timeout. */
    private static final Duration STALL = Duration.ofSeconds(60);

    private static final Duration RECONNECT = Duration.ofSeconds(2);

    private Process peer;

    @AfterEach
    void killPeer() throws InterruptedException {
        if (peer != null) {
            peer.destroyForcibly();
            peer.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private BufferedReader start(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(
                java,
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                LinkPeerProcess.class.getName()));
        command.addAll(List.of(args));
        peer = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        return new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
    }

    private static String line(BufferedReader out) throws Exception {
        String line = CompletableFuture.supplyAsync(() -> {
                    try {
                        return out.readLine();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .get(30, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("the peer process exited before it was ready");
        }
        return line;
    }

    @Test
    void aSenderNoticesItsReceiverProcessDying() throws Exception {
        int port = Integer.parseInt(line(start("receive")).substring("listening ".length()));
        TransportOptions options = Loopback.options().withStallTimeout(STALL).withReconnectTimeout(RECONNECT);
        try (FrameSender sender = FrameSender.connect(Loopback.LINK, new Peer("leo-c", Loopback.HOST, port), options)) {
            sender.send(0, new byte[1 << 20]);
            sender.send(1, new byte[1 << 20]);
            CompletableFuture<Void> blocked = Loopback.sendLater(sender, 2, new byte[1 << 20]);
            Thread.sleep(300);
            assertTrue(!blocked.isDone(), "the receiver consumes nothing, so the third send waits");
            long killed = System.nanoTime();
            peer.destroyForcibly();
            TransportException failure = Loopback.failureOf(blocked);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killed);
            assertTrue(seconds < 5, "noticed after " + seconds + " s");
            assertEquals(TransportException.Reason.CONNECTION_LOST, failure.reason());
            assertTrue(
                    failure.getMessage()
                            .startsWith("Lost connection to leo-c at 127.0.0.1:" + port
                                    + " on link `leo-b→leo-c` after 2 messages (last micro-batch 1) and could not resume "
                                    + "it within 2.00 s: UNAVAILABLE"),
                    failure.getMessage());
        }
    }

    /** Starts a sender process on {@code server}'s link and waits until it has filled the window. */
    private LinkInbox startFilledSender(FrameServer server) throws Exception {
        LinkInbox inbox = server.inbox(Loopback.LINK);
        assertEquals("connected", line(start("send", Integer.toString(server.port()))));
        while (inbox.buffered() < 2) {
            Thread.sleep(10);
        }
        return inbox;
    }

    @Test
    void aReceiverNoticesItsSenderProcessDying() throws Exception {
        TransportOptions options = Loopback.options().withStallTimeout(STALL).withReconnectTimeout(RECONNECT);
        try (FrameServer server = Loopback.server(options)) {
            LinkInbox inbox = startFilledSender(server);
            assertEquals(0, ((Delivery.Message) inbox.receive()).microBatchId());
            while (inbox.buffered() < 2) {
                Thread.sleep(10);
            }
            long killed = System.nanoTime();
            peer.destroyForcibly();
            assertEquals(1, ((Delivery.Message) inbox.receive()).microBatchId());
            assertEquals(2, ((Delivery.Message) inbox.receive()).microBatchId());
            TransportException e = assertThrows(TransportException.class, inbox::receive);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killed);
            assertTrue(seconds < 5, "noticed after " + seconds + " s");
            assertEquals(TransportException.Reason.CONNECTION_LOST, e.reason());
            assertTrue(
                    e.getMessage().startsWith("Lost connection to the sender of link `leo-b→leo-c`, 127.0.0.1:"),
                    e.getMessage());
            assertTrue(
                    e.getMessage()
                            .endsWith(", after 3 messages (last micro-batch 2), and it did not resume within 2.00 s."),
                    e.getMessage());
        }
    }

    /**
     * A frozen sender keeps its connection open but answers nothing: the receiver's keepalive ping
     * (after 10 s idle, 2 s to answer) breaks the stream long before the 60 s stall timeout.
     */
    @Test
    void aReceiverNoticesAFrozenSenderByKeepalive() throws Exception {
        TransportOptions options = Loopback.options().withStallTimeout(STALL).withReconnectTimeout(RECONNECT);
        try (FrameServer server = Loopback.server(options)) {
            LinkInbox inbox = startFilledSender(server);
            Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(peer.pid())).start();
            assertEquals(0, stop.waitFor());
            long frozen = System.nanoTime();
            inbox.receive();
            inbox.receive();
            TransportException e = assertThrows(TransportException.class, inbox::receive);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - frozen);
            assertTrue(seconds < 20, "noticed after " + seconds + " s");
            assertEquals(TransportException.Reason.CONNECTION_LOST, e.reason(), e.getMessage());
        }
    }
}
