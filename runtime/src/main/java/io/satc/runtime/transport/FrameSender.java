package io.satc.runtime.transport;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sending side of one link: a gRPC stream to the receiving node that carries messages in
 * order, blocking while the receiver's window is full.
 *
 * <p>A sender owns its connection. Use it from one thread: {@link #send} each message, then
 * {@link #finish()} for a clean end of stream, which returns once the receiver has every message;
 * {@link #close()} (also safe from another thread, to abort) cancels a stream that was not
 * finished, and the receiver sees the stream break.
 *
 * <pre>
 * try (FrameSender out = FrameSender.connect("leo-b→leo-c", new Peer("leo-c", "10.0.0.3", 7003), options)) {
 *     for (…) out.send(microBatchId, frameBytes);
 *     out.finish();
 * }
 * </pre>
 */
public final class FrameSender implements AutoCloseable {

    private static final long SHUTDOWN_GRACE_MS = 5_000;

    private final String link;
    private final Peer peer;
    private final TransportOptions options;
    private final ManagedChannel channel;
    private final ClientCall<WireMessage, WireMessage> call;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // Guarded by lock: what the receiver has said.
    private long granted;
    private long receiverLimit = Long.MAX_VALUE;
    private Status closedWith;
    private String violation;
    private boolean closing;

    // Written by the sending thread; call operations are serialized on this object.
    private volatile long sent;
    private long lastMicroBatch = -1;
    private boolean finishing;
    // Guarded by this object's monitor, as the call is: a cancelled call accepts no more messages.
    private boolean cancelled;

    private FrameSender(String link, Peer peer, TransportOptions options, MutualTls tls) throws TransportException {
        this.link = link;
        this.peer = peer;
        this.options = options;
        NettyChannelBuilder builder = NettyChannelBuilder.forAddress(peer.host(), peer.port());
        if (tls == null) {
            builder.usePlaintext();
        } else {
            try {
                builder.sslContext(tls.clientContext(peer.name()));
            } catch (javax.net.ssl.SSLException e) {
                throw new TransportException(
                        TransportException.Reason.UNREACHABLE,
                        "Cannot set up TLS to " + peer + " for link `" + link + "`: " + e.getMessage() + ".",
                        e);
            }
        }
        this.channel = builder
                // Nodes talk directly; a proxy configured for the JVM must not capture these connections.
                .proxyDetector(address -> null)
                // Retries would keep copies of sent frames for replay; a broken link fails instead.
                .disableRetry()
                // The listener only records credits and wakes the sender, so no executor hop.
                .directExecutor()
                .flowControlWindow(options.flowControlWindow())
                .keepAliveTime(options.keepAliveTime().toNanos(), TimeUnit.NANOSECONDS)
                .keepAliveTimeout(options.keepAliveTimeout().toNanos(), TimeUnit.NANOSECONDS)
                .build();
        this.call = channel.newCall(LinkProtocol.STREAM, CallOptions.DEFAULT.withWaitForReady());
    }

    /**
     * Opens {@code link} to {@code receiver} and waits until the receiver accepts it, for at most
     * the connect timeout, which covers a receiver that is still starting up.
     *
     * @throws TransportException {@code UNREACHABLE} when no receiver accepted in time,
     *     {@code REJECTED} when the receiver does not serve the link or it already has a sender
     */
    public static FrameSender connect(String link, Peer receiver, TransportOptions options)
            throws TransportException, InterruptedException {
        return connect(link, receiver, options, null);
    }

    /**
     * {@link #connect(String, Peer, TransportOptions)} over mutual TLS 1.3 ({@code tls}; null for
     * plaintext): the receiver must present the certificate pinned for {@code receiver.name()}.
     */
    public static FrameSender connect(String link, Peer receiver, TransportOptions options, MutualTls tls)
            throws TransportException, InterruptedException {
        FrameSender sender = new FrameSender(link, receiver, options, tls);
        boolean ok = false;
        try {
            sender.open();
            ok = true;
            return sender;
        } finally {
            if (!ok) {
                sender.close();
            }
        }
    }

    private void open() throws TransportException, InterruptedException {
        synchronized (this) {
            call.start(new Listener(), new Metadata());
            call.request(1);
            call.sendMessage(WireMessage.open(link));
        }
        Duration timeout = options.connectTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (granted == 0 && closedWith == null && violation == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TransportException(TransportException.Reason.UNREACHABLE, unreachable(timeout));
                }
                changed.awaitNanos(left);
            }
            if (granted == 0) {
                throw failure("while opening the link");
            }
        } finally {
            lock.unlock();
        }
    }

    private String unreachable(Duration timeout) {
        ConnectivityState state = channel.getState(false);
        String within = " within " + seconds(timeout);
        if (state == ConnectivityState.READY) {
            return peer + " accepted a connection but did not open link `" + link + "`" + within + ".";
        }
        return "Could not connect to " + peer + " for link `" + link + "`" + within + " (connection "
                + state.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "); is its receiver running?";
    }

    public String link() {
        return link;
    }

    public Peer peer() {
        return peer;
    }

    /** Messages sent so far. */
    public long sent() {
        return sent;
    }

    /**
     * Sends one message, after the previous ones; blocks while the receiver already holds its
     * window of unconsumed messages. The payload array must not change until the receiver has it
     * (it is not copied).
     *
     * @throws TransportException {@code CONNECTION_LOST} or {@code REJECTED} if the stream has
     *     failed, {@code TIMEOUT} if the receiver gave no room for the stall timeout, and
     *     {@code REJECTED} for a payload over the message limit (the stream stays usable)
     * @throws IllegalStateException after {@link #finish()}; a sender closed before or during the
     *     call gives {@code CONNECTION_LOST}
     */
    public void send(long microBatchId, byte[] payload) throws TransportException, InterruptedException {
        if (finishing) {
            throw new IllegalStateException("link `" + link + "` already finished its stream");
        }
        String doing = "while sending micro-batch " + microBatchId;
        long deadline = System.nanoTime() + options.stallTimeout().toNanos();
        lock.lock();
        try {
            long limit = Math.min(options.maxMessageBytes(), receiverLimit);
            if (payload.length > limit) {
                throw new TransportException(
                        TransportException.Reason.REJECTED,
                        "Micro-batch " + microBatchId
                                + " is " + payload.length + " bytes, more than the " + limit + " a message on link `"
                                + link
                                + "` to " + peer + " may carry"
                                + (limit < options.maxMessageBytes() ? " (the receiver's limit)" : "") + ".");
            }
            while (sent >= granted && closedWith == null && violation == null && !closing) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TransportException(
                            TransportException.Reason.TIMEOUT,
                            peer + " took no message on link `"
                                    + link + "` for " + seconds(options.stallTimeout()) + " " + doing + " (" + sent
                                    + " sent, " + (sent - granted + options.window()) + " not yet taken).");
                }
                changed.awaitNanos(left);
            }
            if (closing) {
                throw closedHere(doing);
            }
            if (closedWith != null || violation != null) {
                throw failure(doing);
            }
        } finally {
            lock.unlock();
        }
        synchronized (this) {
            if (cancelled) {
                throw closedHere(doing);
            }
            call.sendMessage(WireMessage.data(sent, microBatchId, payload));
        }
        sent++;
        lastMicroBatch = microBatchId;
    }

    /**
     * Ends the stream cleanly and waits, for at most the stall timeout, until the receiver
     * confirms it holds every message sent. The receiver's inbox then ends with
     * {@link Delivery.EndOfStream}.
     *
     * @throws TransportException if the stream had failed or fails before the confirmation
     */
    public void finish() throws TransportException, InterruptedException {
        if (finishing) {
            throw new IllegalStateException("link `" + link + "` already finished its stream");
        }
        String doing = "while ending the stream after " + sent + (sent == 1 ? " message" : " messages")
                + (sent == 0 ? "" : " (last micro-batch " + lastMicroBatch + ")");
        lock.lock();
        try {
            if (closedWith != null || violation != null) {
                throw failure(doing);
            }
        } finally {
            lock.unlock();
        }
        finishing = true;
        synchronized (this) {
            if (cancelled) {
                throw closedHere(doing);
            }
            call.sendMessage(WireMessage.end(sent));
            call.halfClose();
        }
        long deadline = System.nanoTime() + options.stallTimeout().toNanos();
        lock.lock();
        try {
            while (closedWith == null && violation == null && !closing) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TransportException(
                            TransportException.Reason.TIMEOUT,
                            peer + " did not confirm the end "
                                    + "of link `" + link + "` within " + seconds(options.stallTimeout()) + " after "
                                    + sent
                                    + " messages.");
                }
                changed.awaitNanos(left);
            }
            if (closing) {
                throw closedHere(doing);
            }
            if (!closedWith.isOk() || violation != null) {
                throw failure(doing);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Cancels the stream if it has not ended (the receiver sees the stream break) and releases the
     * connection. Idempotent.
     */
    @Override
    public void close() {
        boolean cancel;
        lock.lock();
        try {
            if (closing) {
                return;
            }
            closing = true;
            cancel = closedWith == null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (cancel) {
            synchronized (this) {
                cancelled = true;
                call.cancel("The sender of link `" + link + "` closed it before its end of stream.", null);
            }
        }
        channel.shutdownNow();
        try {
            channel.awaitTermination(SHUTDOWN_GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For a call that {@link #close()} ended, from this or another thread. */
    private TransportException closedHere(String doing) {
        return new TransportException(
                TransportException.Reason.CONNECTION_LOST,
                "The sender of link `" + link + "` to " + peer + " was closed " + doing + ".");
    }

    /** The exception for a stream that has ended other than by a confirmed finish. Lock held. */
    private TransportException failure(String doing) {
        String at = " on link `" + link + "` " + doing;
        if (violation != null) {
            return new TransportException(
                    TransportException.Reason.PROTOCOL,
                    peer + " broke the link protocol" + at + ": " + violation + ".");
        }
        Status status = closedWith;
        String detail = status.getDescription() == null
                ? status.getCode().name()
                : status.getCode().name() + ": " + status.getDescription();
        switch (status.getCode()) {
            case OK:
                return new TransportException(
                        TransportException.Reason.PROTOCOL,
                        peer + " ended the stream" + at + ", before the sender's end of stream.");
            case NOT_FOUND:
            case ALREADY_EXISTS:
            case FAILED_PRECONDITION:
            case INVALID_ARGUMENT:
            case RESOURCE_EXHAUSTED:
            case PERMISSION_DENIED:
            case UNIMPLEMENTED:
                return new TransportException(
                        TransportException.Reason.REJECTED,
                        sentence(peer + " rejected the stream" + at + ": " + detail),
                        status.asException());
            default:
                return new TransportException(
                        TransportException.Reason.CONNECTION_LOST,
                        sentence("Lost connection to " + peer + at + ": " + detail),
                        status.asException());
        }
    }

    private static String sentence(String s) {
        return s.endsWith(".") ? s : s + ".";
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3g s", d.toNanos() / 1e9);
    }

    /** Records what the receiver says; runs on a network thread. */
    private final class Listener extends ClientCall.Listener<WireMessage> {

        @Override
        public void onMessage(WireMessage message) {
            lock.lock();
            try {
                if (message.kind() != WireMessage.Kind.CREDIT) {
                    violation = "it sent a " + message.kind() + " message, but receivers send only CREDIT";
                } else if (message.sequence() < granted) {
                    violation = "its credit went down from " + granted + " to " + message.sequence();
                } else {
                    granted = message.sequence();
                    receiverLimit = message.microBatchId();
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            call.request(1);
        }

        @Override
        public void onClose(Status status, Metadata trailers) {
            lock.lock();
            try {
                closedWith = status;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
