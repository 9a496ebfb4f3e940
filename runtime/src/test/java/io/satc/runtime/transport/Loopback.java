package io.satc.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Servers on 127.0.0.1 with a system-chosen port, and test payloads, for the transport tests. */
final class Loopback {

    static final String HOST = "127.0.0.1";
    static final String LINK = "leo-b→leo-c";

    private Loopback() {}

    /** Defaults with timeouts short enough that a failing test ends quickly. */
    static TransportOptions options() {
        return TransportOptions.defaults()
                .withConnectTimeout(Duration.ofSeconds(5))
                .withStallTimeout(Duration.ofSeconds(10));
    }

    static FrameServer server(TransportOptions options) throws TransportException {
        return FrameServer.start(HOST, 0, List.of(LINK), options);
    }

    /** The receiving node as a sender names it. */
    static Peer peer(FrameServer server) {
        return new Peer("leo-c", HOST, server.port());
    }

    static FrameSender connect(FrameServer server, TransportOptions options)
            throws TransportException, InterruptedException {
        return FrameSender.connect(LINK, peer(server), options);
    }

    /** {@code n} pseudo-random bytes that depend on {@code seed} only. */
    static byte[] bytes(long seed, int n) {
        byte[] b = new byte[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i += 8) {
            long v = random.nextLong();
            for (int j = 0; j < 8 && i + j < n; j++) {
                b[i + j] = (byte) (v >>> (8 * j));
            }
        }
        return b;
    }

    /** Sends one message on another thread, so that a test can watch the send block or fail. */
    static CompletableFuture<Void> sendLater(FrameSender sender, long microBatchId, byte[] payload) {
        return CompletableFuture.runAsync(() -> {
            try {
                sender.send(microBatchId, payload);
            } catch (TransportException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The exception a {@link #sendLater} send failed with, within 10 s. */
    static TransportException failureOf(CompletableFuture<Void> send) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> send.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(TransportException.class, e.getCause().getCause());
    }
}
