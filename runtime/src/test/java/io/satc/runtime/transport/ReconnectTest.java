package io.satc.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Links across broken connections: the connection is cut, refused for a while, or its bytes are
 * flipped, dropped or swapped in flight (plaintext and TLS); every message still arrives exactly
 * once, in order, byte for byte. A link that cannot be resumed within the reconnect timeout fails,
 * naming the link.
 */
@Timeout(120)
class ReconnectTest {

    private static final int MESSAGES = 60;

    private final TransportOptions options = Loopback.options()
            .withStallTimeout(Duration.ofSeconds(30))
            .withReconnectTimeout(Duration.ofSeconds(15))
            .withHeartbeatInterval(Duration.ofMillis(200));

    private static byte[] payload(int i) {
        return Loopback.bytes(i, 20_000 + 997 * i);
    }

    /** Streams {@code MESSAGES} through {@code proxy} while {@code trouble} runs; checks every one arrived once. */
    private void streamThrough(TcpProxy proxy, FrameServer server, MutualTls senderTls, Runnable trouble)
            throws Exception {
        LinkInbox inbox = server.inbox(Loopback.LINK);
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            try (FrameSender sender = FrameSender.connect(
                    Loopback.LINK, new Peer("leo-c", Loopback.HOST, proxy.port()), options, senderTls)) {
                for (int i = 0; i < MESSAGES; i++) {
                    sender.send(i, payload(i));
                    if (i == MESSAGES / 3 || i == 2 * MESSAGES / 3) {
                        trouble.run();
                    }
                }
                sender.finish();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        for (int i = 0; i < MESSAGES; i++) {
            Delivery.Message m = assertInstanceOf(Delivery.Message.class, inbox.receive());
            assertEquals(i, m.sequence());
            assertEquals(i, m.microBatchId());
            assertArrayEquals(payload(i), m.payload(), "message " + i);
            Thread.sleep(5); // a consumer slower than the network, so messages are in flight at each break
        }
        assertInstanceOf(Delivery.EndOfStream.class, inbox.receive());
        sending.get(60, TimeUnit.SECONDS);
        assertTrue(inbox.resumptions() >= 1, "the link was never resumed");
    }

    @Test
    void cutConnectionsLoseAndDuplicateNothing() throws Exception {
        try (FrameServer server = Loopback.server(options);
                TcpProxy proxy = new TcpProxy(server.port())) {
            streamThrough(proxy, server, null, proxy::sever);
            assertTrue(proxy.connections() >= 3, "connections: " + proxy.connections());
        }
    }

    @Test
    void aReceiverUnreachableForSecondsIsWaitedFor() throws Exception {
        try (FrameServer server = Loopback.server(options);
                TcpProxy proxy = new TcpProxy(server.port())) {
            streamThrough(proxy, server, null, () -> {
                proxy.refuse(true);
                proxy.sever();
                LinkTimers.after(TimeUnit.SECONDS.toNanos(3), () -> proxy.refuse(false));
            });
        }
    }

    @Test
    void damagedBytesAreResentInPlaintext() throws Exception {
        for (TcpProxy.Damage damage : List.of(TcpProxy.Damage.FLIP, TcpProxy.Damage.DROP, TcpProxy.Damage.SWAP)) {
            try (FrameServer server = Loopback.server(options);
                    TcpProxy proxy = new TcpProxy(server.port())) {
                streamThrough(proxy, server, null, () -> proxy.damage(damage, 30_000));
            }
        }
    }

    @Test
    void damagedBytesAreResentOverTls() throws Exception {
        TlsMission mission = new TlsMission(5, "leo-b", "leo-c");
        for (TcpProxy.Damage damage : List.of(TcpProxy.Damage.FLIP, TcpProxy.Damage.DROP, TcpProxy.Damage.SWAP)) {
            try (FrameServer server = FrameServer.start(
                            Loopback.HOST, 0, Map.of(Loopback.LINK, "leo-b"), options, mission.tls("leo-c"));
                    TcpProxy proxy = new TcpProxy(server.port())) {
                streamThrough(proxy, server, mission.tls("leo-b"), () -> proxy.damage(damage, 30_000));
            }
        }
    }

    @Test
    void aLinkThatCannotBeResumedFailsAfterTheReconnectTimeout() throws Exception {
        TransportOptions quick = options.withReconnectTimeout(Duration.ofSeconds(2));
        try (FrameServer server = Loopback.server(quick);
                TcpProxy proxy = new TcpProxy(server.port());
                FrameSender sender =
                        FrameSender.connect(Loopback.LINK, new Peer("leo-c", Loopback.HOST, proxy.port()), quick)) {
            sender.send(0, new byte[] {1});
            LinkInbox inbox = server.inbox(Loopback.LINK);
            assertEquals(0, ((Delivery.Message) inbox.receive()).microBatchId());
            proxy.refuse(true);
            proxy.sever();
            long broken = System.nanoTime();
            TransportException r = assertThrows(TransportException.class, inbox::receive);
            assertEquals(TransportException.Reason.CONNECTION_LOST, r.reason());
            assertTrue(r.getMessage().endsWith(", and it did not resume within 2.00 s."), r.getMessage());
            assertTrue(System.nanoTime() - broken < TimeUnit.SECONDS.toNanos(6));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            TransportException s = null;
            while (s == null && System.nanoTime() < deadline) {
                try {
                    sender.send(1, new byte[] {2});
                    Thread.sleep(100);
                } catch (TransportException e) {
                    s = e;
                }
            }
            assertTrue(s != null, "the sender never gave up");
            assertTrue(s.getMessage().contains("could not resume it within 2.00 s"), s.getMessage());
        }
    }
}
