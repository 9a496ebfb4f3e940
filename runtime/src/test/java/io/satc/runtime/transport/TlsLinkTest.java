package io.satc.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Links over mutual TLS 1.3: the right sender streams; a plaintext client, a certificate of another
 * CA, an unpinned key and a node of the mission on a link the plan gives to another node are each
 * refused and logged, and the link still serves its real sender afterwards.
 */
@Timeout(60)
class TlsLinkTest {

    private static final String LINK = "cut-1";

    private final TlsMission mission = new TlsMission(1, "leo-a", "leo-b", "leo-c");
    private final TransportOptions options =
            Loopback.options().withConnectTimeout(Duration.ofSeconds(3)).withStallTimeout(Duration.ofSeconds(10));

    private FrameServer server() throws TransportException {
        return FrameServer.start(Loopback.HOST, 0, Map.of(LINK, "leo-a"), options, mission.tls("leo-b"));
    }

    private Peer receiver(FrameServer server) {
        return new Peer("leo-b", Loopback.HOST, server.port());
    }

    @Test
    void thePlannedSenderStreamsOverTls() throws Exception {
        try (FrameServer server = server();
                FrameSender sender = FrameSender.connect(LINK, receiver(server), options, mission.tls("leo-a"))) {
            byte[] payload = Loopback.bytes(3, 1 << 20);
            sender.send(0, payload);
            sender.finish();
            Delivery.Message m =
                    assertInstanceOf(Delivery.Message.class, server.inbox(LINK).receive());
            assertArrayEquals(payload, m.payload());
            assertInstanceOf(Delivery.EndOfStream.class, server.inbox(LINK).receive());
        }
        assertEquals(java.util.List.of(), mission.refusals);
    }

    @Test
    void aPlaintextClientIsRefusedAndLogged() throws Exception {
        try (FrameServer server = server()) {
            TransportException e =
                    assertThrows(TransportException.class, () -> FrameSender.connect(LINK, receiver(server), options));
            assertTrue(e.getMessage().contains("leo-b at 127.0.0.1:" + server.port()), e.getMessage());
            waitFor(() -> mission.refusals.stream().anyMatch(r -> r.contains("plaintext")));
            // The real sender still gets through.
            try (FrameSender sender = FrameSender.connect(LINK, receiver(server), options, mission.tls("leo-a"))) {
                sender.send(0, new byte[] {1});
                sender.finish();
            }
        }
    }

    @Test
    void aCertificateOfAnotherCaIsRefusedAndLogged() throws Exception {
        TlsMission rogue = new TlsMission(2, "leo-a", "leo-b", "leo-c");
        try (FrameServer server = server()) {
            TransportException e = assertThrows(
                    TransportException.class,
                    () -> FrameSender.connect(LINK, receiver(server), options, mission.impostor("leo-a", rogue)));
            assertTrue(e.getMessage().contains("127.0.0.1:" + server.port()), e.getMessage());
            waitFor(() -> mission.refusals.stream()
                    .anyMatch(r -> r.startsWith("leo-b refused a connection from 127.0.0.1:")
                            && r.endsWith(
                                    ": it presented a certificate (CN=leo-a,O=satc) that this mission's CA did not "
                                            + "issue.")));
        }
    }

    @Test
    void aKeyTheBundleDoesNotPinIsRefusedEvenFromTheMissionCa() throws Exception {
        java.security.KeyPair unpinned = io.satc.runtime.trust.Certificates.nodeKey(new java.security.SecureRandom());
        java.security.cert.X509Certificate cert = io.satc.runtime.trust.Certificates.issue(
                mission.caKey.getPrivate(), mission.ca, "leo-a", unpinned.getPublic());
        MutualTls stolenName =
                new MutualTls("leo-a", unpinned.getPrivate(), cert, mission.ca, mission.pins, mission.refusals::add);
        try (FrameServer server = server()) {
            assertThrows(
                    TransportException.class, () -> FrameSender.connect(LINK, receiver(server), options, stolenName));
            waitFor(() -> mission.refusals.stream()
                    .anyMatch(r -> r.contains(": it presented a certificate of the mission CA with a key the signed "
                            + "bundle does not pin (CN=leo-a,O=satc).")));
        }
    }

    @Test
    void aTlsClientWithoutACertificateIsRefusedAndLogged() throws Exception {
        try (FrameServer server = server()) {
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLSv1.3");
            context.init(null, new javax.net.ssl.TrustManager[] {new TrustAll()}, null);
            try (javax.net.ssl.SSLSocket socket =
                    (javax.net.ssl.SSLSocket) context.getSocketFactory().createSocket(Loopback.HOST, server.port())) {
                socket.setSoTimeout(5000);
                socket.startHandshake();
                socket.getOutputStream().write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes());
                socket.getOutputStream().flush();
                assertEquals(-1, socket.getInputStream().read());
            } catch (java.io.IOException expected) {
                // The server ends the handshake or the connection.
            }
            waitFor(() -> mission.refusals.stream().anyMatch(r -> r.endsWith(": it sent no client certificate.")));
        }
    }

    /** A client that accepts any server: an attacker does not check whom it talks to. */
    private static final class TrustAll implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }

    @Test
    void aNodeOnAnotherNodesLinkIsRefusedAndLogged() throws Exception {
        try (FrameServer server = server()) {
            TransportException e = assertThrows(
                    TransportException.class,
                    () -> FrameSender.connect(LINK, receiver(server), options, mission.tls("leo-c")));
            assertEquals(TransportException.Reason.REJECTED, e.reason());
            assertTrue(e.getMessage().contains("PERMISSION_DENIED"), e.getMessage());
            assertTrue(
                    mission.refusals.stream()
                            .anyMatch(r -> r.startsWith("leo-b refused link `cut-1` from leo-c at 127.0.0.1:")
                                    && r.endsWith(": the plan has leo-a send on it.")),
                    mission.refusals.toString());
        }
    }

    @Test
    void aSenderRefusesAReceiverThatIsNotThePlannedNode() throws Exception {
        try (FrameServer server =
                FrameServer.start(Loopback.HOST, 0, Map.of(LINK, "leo-a"), options, mission.tls("leo-c"))) {
            TransportException e = assertThrows(
                    TransportException.class,
                    () -> FrameSender.connect(LINK, receiver(server), options, mission.tls("leo-a")));
            assertTrue(e.getMessage().contains("leo-b at 127.0.0.1:" + server.port()), e.getMessage());
            waitFor(() -> mission.refusals.stream()
                    .anyMatch(r -> r.startsWith("leo-a refused a TLS connection: the server at 127.0.0.1:")
                            && r.endsWith("(expected leo-b) is leo-c, not leo-b.")));
        }
    }

    private void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the refusal was not logged: " + mission.refusals);
            }
            Thread.sleep(20);
        }
    }
}
