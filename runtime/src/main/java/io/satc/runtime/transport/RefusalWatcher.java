package io.satc.runtime.transport;

import io.grpc.netty.shaded.io.grpc.netty.GrpcHttp2ConnectionHandler;
import io.grpc.netty.shaded.io.grpc.netty.InternalProtocolNegotiator;
import io.grpc.netty.shaded.io.grpc.netty.InternalProtocolNegotiators;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandler;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.util.AsciiString;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.cert.CertificateException;
import java.util.Locale;

/**
 * gRPC's server TLS negotiation with a witness: a connection that fails the handshake before any
 * certificate is judged (a plaintext client, a client without a certificate, no TLS 1.3) is
 * logged as one sentence naming its address, instead of only closing (gRPC itself reports it at
 * debug level), and so is a certificate that {@link MutualTls}'s verifier refused, in its words
 * (the verifier does not know the client's address). Uses gRPC's {@code Internal*} hooks, stable for the pinned gRPC version.
 */
final class RefusalWatcher implements InternalProtocolNegotiator.ProtocolNegotiator {

    private final InternalProtocolNegotiator.ProtocolNegotiator tls;
    private final MutualTls mutual;

    RefusalWatcher(SslContext context, MutualTls mutual) {
        this.tls = InternalProtocolNegotiators.serverTls(context);
        this.mutual = mutual;
    }

    @Override
    public AsciiString scheme() {
        return tls.scheme();
    }

    @Override
    public ChannelHandler newHandler(GrpcHttp2ConnectionHandler grpcHandler) {
        ChannelHandler negotiation = tls.newHandler(grpcHandler);
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                // [TLS negotiation, witness] where this placeholder stood; the negotiation puts its
                // SslHandler before itself and, once done, hands over to gRPC's handler.
                ctx.pipeline().addAfter(ctx.name(), null, new Witness());
                ctx.pipeline().replace(this, null, negotiation);
            }
        };
    }

    @Override
    public void close() {
        tls.close();
    }

    /** Logs a failed handshake as it passes by. */
    private final class Witness extends ChannelInboundHandlerAdapter {
        private boolean logged;

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            String why = reason(cause);
            if (why != null && !logged) {
                logged = true;
                mutual.log()
                        .accept(mutual.node() + " refused a connection from "
                                + address(ctx.channel().remoteAddress()) + ": " + why + ".");
            }
            ctx.fireExceptionCaught(cause);
        }
    }

    private static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return Peer.address(inet.getAddress().getHostAddress(), inet.getPort());
        }
        return String.valueOf(address);
    }

    /** Why a handshake failed, or null when the failure is not about the handshake. */
    static String reason(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof CertificateException
                    && t.getMessage() != null
                    && t.getMessage().startsWith("it ")) {
                return t.getMessage(); // the verifier's own words: "it presented a certificate ..."
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            String lower = message.toLowerCase(Locale.ROOT);
            if (t.getClass().getSimpleName().equals("NotSslRecordException")) {
                return "it does not speak TLS (a plaintext client)";
            }
            if (lower.contains("certificate_required") || lower.contains("peer_did_not_return_a_certificate")) {
                return "it sent no client certificate";
            }
            if (lower.contains("unsupported_protocol") || lower.contains("protocol_version")) {
                return "it offers no TLS 1.3";
            }
            if (lower.contains("certificate_verify_failed") || lower.contains("certificate verify failed")) {
                return null;
            }
            int alert = lower.indexOf("tlsv1_alert_");
            if (alert >= 0) {
                return "the client ended the handshake with the alert "
                        + lower.substring(alert + "tlsv1_alert_".length()).replaceAll("[^a-z_].*", "")
                        + " (it did not accept this node's certificate)";
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "its TLS handshake failed (" + message.strip().replaceAll("\\s+", " ") + ")";
            }
        }
        return null;
    }
}
