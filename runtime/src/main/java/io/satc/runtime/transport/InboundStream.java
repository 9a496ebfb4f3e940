package io.satc.runtime.transport;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The receiving end of one gRPC stream: waits for OPEN, attaches to the named link's
 * {@link LinkInbox} and forwards every later event to it.
 *
 * <p>gRPC calls the listener methods one at a time; {@link #send} and {@link #close} may also be
 * called by the consumer's thread (credits) or by {@link FrameServer#close()}, so every use of
 * the {@link ServerCall} is serialized on this object.
 */
final class InboundStream extends ServerCall.Listener<WireMessage> {

    private final FrameServer server;
    private final ServerCall<WireMessage, WireMessage> call;
    private final String remote;
    private LinkInbox inbox;
    private boolean closed;

    InboundStream(FrameServer server, ServerCall<WireMessage, WireMessage> call) {
        this.server = server;
        this.call = call;
        this.remote = describe(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
    }

    /** Starts reading: one message at a time, the next requested once this one is handled. */
    InboundStream start() {
        synchronized (this) {
            call.sendHeaders(new Metadata());
            call.request(1);
        }
        return this;
    }

    /** The sender's address as {@code HOST:PORT}. */
    String remote() {
        return remote;
    }

    @Override
    public void onMessage(WireMessage message) {
        if (inbox == null) {
            if (message.kind() != WireMessage.Kind.OPEN) {
                close(Status.FAILED_PRECONDITION.withDescription("The first message of a link stream must be "
                        + "OPEN, but " + remote + " sent " + message.kind() + "."));
                return;
            }
            LinkInbox target = server.inboxOrNull(message.linkName());
            if (target == null) {
                close(Status.NOT_FOUND.withDescription("No link `" + message.linkName() + "` is open at "
                        + server.address() + "; it serves " + server.linkList() + "."));
                return;
            }
            Status misplaced = checkSender(message.linkName());
            if (!misplaced.isOk()) {
                close(misplaced);
                return;
            }
            Status refusal = target.attach(this, message.sequence());
            if (!refusal.isOk()) {
                close(refusal);
                return;
            }
            inbox = target;
        } else {
            inbox.onMessage(this, message);
        }
        synchronized (this) {
            if (!closed) {
                call.request(1);
            }
        }
    }

    /** Over TLS: whether the client's certificate is the node the plan has send on {@code link}. */
    private Status checkSender(String link) {
        MutualTls tls = server.tls();
        if (tls == null) {
            return Status.OK;
        }
        String expected = server.senderOf(link);
        String who = "an unidentified client";
        SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
        try {
            if (session != null
                    && session.getPeerCertificates().length > 0
                    && session.getPeerCertificates()[0] instanceof X509Certificate cert) {
                who = tls.nodeOf(cert).orElse("a client with an unpinned key");
                if (who.equals(expected)) {
                    return Status.OK;
                }
            }
        } catch (SSLPeerUnverifiedException e) {
            // No peer certificate: refused below.
        }
        String sentence = tls.node() + " refused link `" + link + "` from " + who + " at " + remote + ": the plan has "
                + expected + " send on it.";
        tls.log().accept(sentence);
        return Status.PERMISSION_DENIED.withDescription(sentence);
    }

    @Override
    public void onHalfClose() {
        if (inbox == null) {
            close(Status.FAILED_PRECONDITION.withDescription(remote + " closed its link stream before OPEN."));
        } else {
            inbox.onHalfClose(this);
        }
    }

    @Override
    public void onCancel() {
        synchronized (this) {
            closed = true;
        }
        if (inbox != null) {
            inbox.onCancel(this);
        }
    }

    /** Sends {@code message} unless the stream is already over. */
    synchronized void send(WireMessage message) {
        if (!closed) {
            call.sendMessage(message);
        }
    }

    /** Ends the call with {@code status} (OK after a clean end of stream); later calls do nothing. */
    synchronized void close(Status status) {
        if (!closed) {
            closed = true;
            call.close(status, new Metadata());
        }
    }

    private static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return Peer.address(inet.getAddress().getHostAddress(), inet.getPort());
        }
        return String.valueOf(address);
    }
}
