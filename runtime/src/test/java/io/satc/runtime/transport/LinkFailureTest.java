package io.satc.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Refusals and broken streams within one JVM; {@link PeerProcessTest} kills real peer processes. */
@Timeout(60)
class LinkFailureTest {

    @Test
    void aPortInUseIsNamedInOneSentence() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(Loopback.HOST))) {
            int port = taken.getLocalPort();
            TransportException e = assertThrows(
                    TransportException.class,
                    () -> FrameServer.start(Loopback.HOST, port, List.of(Loopback.LINK), Loopback.options()));
            assertEquals(TransportException.Reason.ADDRESS_IN_USE, e.reason());
            assertEquals(
                    "Cannot listen on 127.0.0.1:" + port + ": the address is already in use; another node or "
                            + "program holds the port.",
                    e.getMessage());
        }
    }

    @Test
    void aSecondServerOnTheSamePortIsRefused() throws Exception {
        try (FrameServer first = Loopback.server(Loopback.options())) {
            TransportException e = assertThrows(
                    TransportException.class,
                    () -> FrameServer.start(Loopback.HOST, first.port(), List.of("other"), Loopback.options()));
            assertEquals(TransportException.Reason.ADDRESS_IN_USE, e.reason());
            assertTrue(e.getMessage().startsWith("Cannot listen on 127.0.0.1:" + first.port() + ": "), e.getMessage());
        }
    }

    @Test
    void aSenderWithNoReceiverGivesUpAfterTheConnectTimeout() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(Loopback.HOST))) {
            port = probe.getLocalPort();
        }
        TransportOptions options = Loopback.options().withConnectTimeout(Duration.ofMillis(500));
        long start = System.nanoTime();
        TransportException e = assertThrows(
                TransportException.class,
                () -> FrameSender.connect(Loopback.LINK, new Peer("leo-c", Loopback.HOST, port), options));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        assertEquals(TransportException.Reason.UNREACHABLE, e.reason());
        assertTrue(
                e.getMessage()
                        .startsWith("Could not connect to leo-c at 127.0.0.1:" + port
                                + " for link `leo-b→leo-c` within 0.500 s (connection "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("); is its receiver running?"), e.getMessage());
    }

    @Test
    void aSenderThatStartsFirstWaitsForItsReceiver() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(Loopback.HOST))) {
            port = probe.getLocalPort();
        }
        TransportOptions options = Loopback.options();
        CompletableFuture<FrameSender> connecting = CompletableFuture.supplyAsync(() -> {
            try {
                return FrameSender.connect(Loopback.LINK, new Peer("leo-c", Loopback.HOST, port), options);
            } catch (TransportException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        try (FrameServer server = FrameServer.start(Loopback.HOST, port, List.of(Loopback.LINK), options);
                FrameSender sender = connecting.get(10, TimeUnit.SECONDS)) {
            sender.send(1, new byte[] {42});
            sender.finish();
            assertEquals(42, ((Delivery.Message) server.inbox(Loopback.LINK).receive()).payload()[0]);
        }
    }

    @Test
    void anUnknownLinkIsRejectedNamingTheServedOnes() throws Exception {
        try (FrameServer server =
                FrameServer.start(Loopback.HOST, 0, List.of("leo-b→leo-c", "leo-a→leo-c"), Loopback.options())) {
            TransportException e = assertThrows(
                    TransportException.class,
                    () -> FrameSender.connect("leo-x→leo-c", Loopback.peer(server), Loopback.options()));
            assertEquals(TransportException.Reason.REJECTED, e.reason());
            assertEquals(
                    "leo-c at " + server.address() + " rejected the stream on link `leo-x→leo-c` while opening "
                            + "the link: NOT_FOUND: No link `leo-x→leo-c` is open at " + server.address()
                            + "; it serves "
                            + "`leo-a→leo-c`, `leo-b→leo-c`.",
                    e.getMessage());
        }
    }

    @Test
    void aLinkTakesOneSender() throws Exception {
        TransportOptions options = Loopback.options();
        try (FrameServer server = Loopback.server(options);
                FrameSender first = Loopback.connect(server, options)) {
            TransportException e = assertThrows(TransportException.class, () -> Loopback.connect(server, options));
            assertEquals(TransportException.Reason.REJECTED, e.reason());
            assertTrue(
                    e.getMessage()
                            .contains("ALREADY_EXISTS: Link `leo-b→leo-c` at " + server.address()
                                    + " already has a sender, 127.0.0.1:"),
                    e.getMessage());
            first.finish();
            TransportException after = assertThrows(TransportException.class, () -> Loopback.connect(server, options));
            assertTrue(after.getMessage().contains("has already carried its stream"), after.getMessage());
        }
    }

    /** The receiver goes away while the sender is blocked on a full window: the send fails at once. */
    @Test
    void aSenderBlockedOnAClosedReceiverFailsPromptly() throws Exception {
        TransportOptions options = Loopback.options().withWindow(1).withStallTimeout(Duration.ofSeconds(30));
        FrameServer server = Loopback.server(options);
        try (FrameSender sender = Loopback.connect(server, options)) {
            sender.send(0, new byte[1 << 20]);
            CompletableFuture<Void> blocked = Loopback.sendLater(sender, 1, new byte[1 << 20]);
            Thread.sleep(200);
            long closed = System.nanoTime();
            server.close();
            TransportException failure = Loopback.failureOf(blocked);
            assertTrue(System.nanoTime() - closed < TimeUnit.SECONDS.toNanos(5));
            assertEquals(TransportException.Reason.CONNECTION_LOST, failure.reason());
            assertEquals(
                    "Lost connection to leo-c at " + server.address() + " on link `leo-b→leo-c` after 1 message (last "
                            + "micro-batch 0): "
                            + "ABORTED: The receiver of link `leo-b→leo-c` at " + server.address()
                            + " was closed after 1 message (last micro-batch 0), before the end of stream.",
                    failure.getMessage());
            // Later calls fail the same way without waiting.
            assertEquals(
                    TransportException.Reason.CONNECTION_LOST,
                    assertThrows(TransportException.class, () -> sender.send(2, new byte[1]))
                            .reason());
        } finally {
            server.close();
        }
    }

    /** A sender that closes without finishing aborts the stream; what arrived is still delivered. */
    @Test
    void aReceiverSeesAnAbandonedStreamAsBroken() throws Exception {
        TransportOptions options = Loopback.options().withStallTimeout(Duration.ofSeconds(30));
        try (FrameServer server = Loopback.server(options)) {
            LinkInbox inbox = server.inbox(Loopback.LINK);
            try (FrameSender sender = Loopback.connect(server, options)) {
                sender.send(3, new byte[] {1});
                sender.send(4, new byte[] {2});
                while (inbox.buffered() < 2) {
                    Thread.sleep(5);
                }
            }
            assertEquals(3, ((Delivery.Message) inbox.receive()).microBatchId());
            assertEquals(4, ((Delivery.Message) inbox.receive()).microBatchId());
            long start = System.nanoTime();
            TransportException e = assertThrows(TransportException.class, inbox::receive);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
            assertEquals(TransportException.Reason.CONNECTION_LOST, e.reason());
            assertTrue(e.getMessage().startsWith("The sender of link `leo-b→leo-c`, 127.0.0.1:"), e.getMessage());
            assertTrue(
                    e.getMessage()
                            .endsWith(
                                    ", aborted the stream after 2 messages (last micro-batch 4) (its sender closed it "
                                            + "before the end of stream)."),
                    e.getMessage());
            assertEquals(
                    TransportException.Reason.CONNECTION_LOST,
                    assertThrows(TransportException.class, inbox::receive).reason(),
                    "the failure repeats");
        }
    }

    /** A pipeline that fails elsewhere aborts its links by closing them: a blocked send returns at once. */
    @Test
    void closingASenderFromAnotherThreadReleasesABlockedSend() throws Exception {
        TransportOptions options = Loopback.options().withWindow(1).withStallTimeout(Duration.ofSeconds(30));
        try (FrameServer server = Loopback.server(options)) {
            FrameSender sender = Loopback.connect(server, options);
            sender.send(0, new byte[1]);
            CompletableFuture<Void> blocked = Loopback.sendLater(sender, 1, new byte[1]);
            Thread.sleep(200);
            sender.close();
            TransportException failure = Loopback.failureOf(blocked);
            assertEquals(TransportException.Reason.CONNECTION_LOST, failure.reason());
            assertEquals(
                    "The sender of link `leo-b→leo-c` to leo-c at " + server.address() + " was closed while "
                            + "sending micro-batch 1.",
                    failure.getMessage());
            LinkInbox inbox = server.inbox(Loopback.LINK);
            assertEquals(0, ((Delivery.Message) inbox.receive()).microBatchId());
            assertEquals(
                    TransportException.Reason.CONNECTION_LOST,
                    assertThrows(TransportException.class, inbox::receive).reason());
        }
    }
}
