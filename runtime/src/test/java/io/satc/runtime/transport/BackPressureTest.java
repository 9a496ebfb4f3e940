package io.satc.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class BackPressureTest {

    private static final int MB = 1 << 20;

    @Test
    void aSenderBlocksOnceTheReceiverHoldsItsWindow() throws Exception {
        TransportOptions options = Loopback.options().withWindow(2);
        try (FrameServer server = Loopback.server(options);
                FrameSender sender = Loopback.connect(server, options)) {
            LinkInbox inbox = server.inbox(Loopback.LINK);
            sender.send(0, new byte[MB]);
            sender.send(1, new byte[MB]);
            CompletableFuture<Void> third = Loopback.sendLater(sender, 2, new byte[MB]);
            assertThrows(
                    TimeoutException.class,
                    () -> third.get(500, TimeUnit.MILLISECONDS),
                    "the third send must wait for the consumer");
            assertEquals(2, inbox.buffered());
            assertEquals(0, ((Delivery.Message) inbox.receive()).microBatchId());
            third.get(5, TimeUnit.SECONDS);
            assertEquals(1, ((Delivery.Message) inbox.receive()).microBatchId());
            assertEquals(2, ((Delivery.Message) inbox.receive()).microBatchId());
        }
    }

    /**
     * A consumer slower than its sender never holds more than the window: 200 messages of 256 KiB
     * pass through at most 2 buffered, so memory stays at two payloads, not 50 MB.
     */
    @Test
    void aSlowConsumerKeepsTheBufferAtTheWindow() throws Exception {
        TransportOptions options = Loopback.options().withWindow(2);
        int count = 200;
        try (FrameServer server = Loopback.server(options);
                FrameSender sender = Loopback.connect(server, options)) {
            LinkInbox inbox = server.inbox(Loopback.LINK);
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < count; i++) {
                        sender.send(i, new byte[256 << 10]);
                    }
                    sender.finish();
                } catch (TransportException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            int maxBuffered = 0;
            long maxAhead = 0;
            for (int i = 0; i < count; i++) {
                Thread.sleep(1);
                maxBuffered = Math.max(maxBuffered, inbox.buffered());
                // What the sender has sent beyond what this consumer took: the in-flight frames.
                maxAhead = Math.max(maxAhead, sender.sent() - i);
                assertInstanceOf(Delivery.Message.class, inbox.receive());
            }
            assertEquals(new Delivery.EndOfStream(count), inbox.receive());
            sending.get(10, TimeUnit.SECONDS);
            assertTrue(maxBuffered <= 2, "buffered up to " + maxBuffered);
            assertTrue(maxAhead <= 2, "the sender ran " + maxAhead + " messages ahead of the consumer");
            assertEquals(2, maxBuffered, "a slow consumer finds its window full");
        }
    }

    @Test
    void aSenderThatGetsNoRoomTimesOutNamingThePeerAndMicroBatch() throws Exception {
        TransportOptions options = Loopback.options().withWindow(1).withStallTimeout(Duration.ofMillis(300));
        try (FrameServer server = Loopback.server(options);
                FrameSender sender = Loopback.connect(server, options)) {
            sender.send(40, new byte[10]);
            long start = System.nanoTime();
            TransportException e = assertThrows(TransportException.class, () -> sender.send(41, new byte[10]));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
            assertEquals(TransportException.Reason.TIMEOUT, e.reason());
            assertEquals(
                    "leo-c at 127.0.0.1:" + server.port() + " took no message on link `leo-b→leo-c` for 0.300 s "
                            + "while sending micro-batch 41 (1 sent, 1 not yet taken).",
                    e.getMessage());
        }
    }

    @Test
    void aReceiverThatGetsNothingTimesOut() throws Exception {
        TransportOptions options = Loopback.options();
        try (FrameServer server = Loopback.server(options)) {
            LinkInbox inbox = server.inbox(Loopback.LINK);
            TransportException none =
                    assertThrows(TransportException.class, () -> inbox.receive(Duration.ofMillis(200)));
            assertEquals(TransportException.Reason.TIMEOUT, none.reason());
            assertEquals(
                    "No sender connected to link `leo-b→leo-c` at " + server.address() + " within 0.200 s.",
                    none.getMessage());
            try (FrameSender sender = Loopback.connect(server, options)) {
                sender.send(5, new byte[1]);
                inbox.receive();
                TransportException idle =
                        assertThrows(TransportException.class, () -> inbox.receive(Duration.ofMillis(200)));
                assertEquals(TransportException.Reason.TIMEOUT, idle.reason());
                assertTrue(
                        idle.getMessage().startsWith("No message arrived on link `leo-b→leo-c` from 127.0.0.1:"),
                        idle.getMessage());
                assertTrue(
                        idle.getMessage().endsWith(" for 0.200 s after 1 message (last micro-batch 5)."),
                        idle.getMessage());
                assertFalse(idle.getMessage().contains("null"));
            }
        }
    }
}
