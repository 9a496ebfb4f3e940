package io.satc.runtime.transport;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Mutual TLS 1.3 between the nodes of one mission: each node presents its own certificate, issued
 * by the mission CA, and accepts a peer only if the peer's certificate is signed by that CA and
 * carries exactly the key the signed bundle pins for the node it should be. Which node may send
 * on which link is checked per stream by {@link FrameServer} ({@link #nodeOf}).
 *
 * <p>Refusals are logged through {@code log}, one sentence each: a certificate of another CA, a
 * key the bundle does not pin, a node at an address where another was expected. A client that
 * does not speak TLS, or sends no certificate, fails the handshake before any certificate is
 * seen; the server logs those too ({@link FrameServer}).
 *
 * @param node  this node's name
 * @param key   its TLS private key
 * @param chain its certificate (issued by {@code ca})
 * @param ca    the mission CA's certificate, from the signed bundle
 * @param pins  node name → hex SHA-256 of the SubjectPublicKeyInfo its certificate must carry
 * @param log   where refusals are reported
 */
public record MutualTls(
        String node,
        PrivateKey key,
        X509Certificate chain,
        X509Certificate ca,
        Map<String, String> pins,
        Consumer<String> log) {

    public MutualTls {
        pins = Collections.unmodifiableMap(new TreeMap<>(pins));
    }

    /** The pinned node whose key {@code certificate} carries, if any. */
    public Optional<String> nodeOf(X509Certificate certificate) {
        String pin = pin(certificate);
        for (Map.Entry<String, String> e : pins.entrySet()) {
            if (e.getValue().equals(pin)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** Hex SHA-256 of a certificate's SubjectPublicKeyInfo. */
    public static String pin(X509Certificate certificate) {
        try {
            return HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(certificate.getPublicKey().getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** The server side: TLS 1.3 only, a client certificate required and checked by {@link Verifier}. */
    SslContext serverContext() throws SSLException {
        return GrpcSslContexts.configure(SslContextBuilder.forServer(key, chain))
                .trustManager(new Verifier(null))
                .clientAuth(ClientAuth.REQUIRE)
                .protocols("TLSv1.3")
                .build();
    }

    /** The client side, connecting to {@code peer}: its certificate must carry the key pinned for it. */
    SslContext clientContext(String peer) throws SSLException {
        return GrpcSslContexts.forClient()
                .keyManager(key, chain)
                .trustManager(new Verifier(peer))
                .protocols("TLSv1.3")
                .build();
    }

    /**
     * Checks a peer's certificate: signed by the mission CA, within its validity, and carrying a
     * pinned key; for a client connecting to a known peer, that peer's pinned key.
     */
    private final class Verifier extends X509ExtendedTrustManager {
        private final String expected;

        Verifier(String expected) {
            this.expected = expected;
        }

        /**
         * Checks {@code chain}. A server does not know the client's address here (OpenSSL does not
         * say), so its refusals are logged by {@link RefusalWatcher}, which does; a client logs its own.
         */
        private void check(X509Certificate[] chain, String where) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw refuse(where + " presented no certificate");
            }
            X509Certificate leaf = chain[0];
            try {
                leaf.verify(ca.getPublicKey());
                leaf.checkValidity();
            } catch (GeneralSecurityException e) {
                throw refuse(where + " presented a certificate ("
                        + leaf.getSubjectX500Principal().getName() + ") that this mission's CA did not issue");
            }
            Optional<String> who = nodeOf(leaf);
            if (who.isEmpty()) {
                throw refuse(
                        where + " presented a certificate of the mission CA with a key the signed bundle does not pin ("
                                + leaf.getSubjectX500Principal().getName() + ")");
            }
            if (expected != null && !expected.equals(who.get())) {
                throw refuse(where + " is " + who.get() + ", not " + expected);
            }
        }

        private CertificateException refuse(String what) {
            if (expected != null) {
                log.accept(node + " refused a TLS connection: " + what + ".");
            }
            return new CertificateException(what);
        }

        private String client(SSLEngine engine) {
            return "it";
        }

        private String server(SSLEngine engine) {
            String at = engine == null || engine.getPeerHost() == null
                    ? ""
                    : " at " + Peer.address(engine.getPeerHost(), engine.getPeerPort());
            return "the server" + at + " (expected " + expected + ")";
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain, client(engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain, server(engine));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain, "a client");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain, server(null));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, "a client");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, server(null));
        }

        /**
         * None named: a client then presents whatever certificate it has, and {@link #check} judges
         * and logs it, naming it, instead of the client quietly sending none.
         */
        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
