package io.satc.runtime.transport;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sending side of one link: messages in order, exactly once, across broken connections.
 *
 * <p>A sender keeps every message until the receiver's consumer has taken it (the receiver's
 * CREDIT says how many). When the connection breaks (the peer's network went away, keepalive
 * gave up, a message was damaged on the way), the sender reconnects with back-off, opens the link
 * again under the same session id, and resends from where the receiver says it stopped; the
 * receiver drops anything it already holds. Only a connection that cannot be resumed within the
 * reconnect timeout, or a refusal by the receiver, fails the link. While it is down, {@link #send}
 * goes on buffering up to the receiver's last credit and then blocks.
 *
 * <p>Use it from one thread: {@link #send} each message, then {@link #finish()} for a clean end of
 * stream, which returns once the receiver has every message; {@link #close()} (also safe from
 * another thread, to abort) ends a stream that was not finished, telling the receiver so.
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
    private static final long ABORT_GRACE_MS = 500;
    private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** An attempt that has not been accepted after this long is abandoned and the next one begins. */
    private static final long ATTEMPT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private static final long CONNECT_ATTEMPT_MS = 2_000;

    private static final SecureRandom SESSIONS = new SecureRandom();

    private final String link;
    private final Peer peer;
    private final TransportOptions options;
    private final ManagedChannel channel;
    /** Identifies this stream to the receiver across reconnections. */
    private final long session;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    // Guarded by lock (as is every use of a call, which gRPC does not allow concurrently).
    private final ArrayDeque<WireMessage> unacked = new ArrayDeque<>();
    private long granted;
    private long taken;
    private long receiverLimit = Long.MAX_VALUE;
    private long sent;
    private long lastMicroBatch = -1;
    private Attempt current;
    private boolean attached;
    private boolean everAttached;
    private TransportException failed;
    private boolean closing;
    private boolean finishing;
    private boolean confirmed;
    private long brokenSince = -1;
    private long backoff = FIRST_BACKOFF_NANOS;
    private boolean reconnectScheduled;
    private long lastSentNanos;
    private long lastHeardNanos;
    private long heartbeats;
    private int reconnections;
    private Status lastBreak;
    private ScheduledFuture<?> heartbeat;

    private FrameSender(String link, Peer peer, TransportOptions options, MutualTls tls) throws TransportException {
        this.link = link;
        this.peer = peer;
        this.options = options;
        long id;
        do {
            id = SESSIONS.nextLong();
        } while (id == 0);
        this.session = id;
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
                // gRPC's retries would keep their own copies of frames; this sender resends itself.
                .disableRetry()
                // The listener only records credits and wakes the sender, so no executor hop.
                .directExecutor()
                .flowControlWindow(options.flowControlWindow())
                .keepAliveTime(options.keepAliveTime().toNanos(), TimeUnit.NANOSECONDS)
                .keepAliveTimeout(options.keepAliveTimeout().toNanos(), TimeUnit.NANOSECONDS)
                // A connection attempt into an outage gives up soon, so that the next attempt after the
                // outage starts at once instead of waiting for the kernel's next SYN retransmission.
                .withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        Math.min(CONNECT_ATTEMPT_MS, options.connectTimeout().toMillis()))
                .build();
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
        Duration timeout = options.connectTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            // Wait-for-ready: the receiver may still be starting.
            current = new Attempt(true);
            current.start();
            while (!attached && failed == null && current != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TransportException(TransportException.Reason.UNREACHABLE, unreachable(timeout));
                }
                changed.awaitNanos(left);
            }
            if (failed != null) {
                throw copy(failed);
            }
            if (!attached) {
                throw new TransportException(
                        TransportException.Reason.CONNECTION_LOST,
                        sentence("Lost connection to " + peer + " on link `" + link + "` while opening the link: "
                                + describe(lastBreak)));
            }
        } finally {
            lock.unlock();
        }
        long interval = options.heartbeatInterval().toNanos();
        heartbeat = LinkTimers.every(interval, this::beat);
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
        lock.lock();
        try {
            return sent;
        } finally {
            lock.unlock();
        }
    }

    /** How many times the link was resumed after its connection broke. */
    public int reconnections() {
        lock.lock();
        try {
            return reconnections;
        } finally {
            lock.unlock();
        }
    }

    /** When the receiver was last heard from (a credit), as {@link System#nanoTime()}. */
    public long lastHeardNanos() {
        lock.lock();
        try {
            return lastHeardNanos;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends one message, after the previous ones; blocks while the receiver already holds its
     * window of unconsumed messages. The payload array must not change until the receiver's
     * consumer has taken it (it is kept, not copied, to be resent after a reconnection).
     *
     * @throws TransportException {@code CONNECTION_LOST} if the link could not be resumed or the
     *     sender was closed, {@code REJECTED} if the receiver refused it, {@code TIMEOUT} if the
     *     receiver gave no room for the stall timeout, and {@code REJECTED} for a payload over the
     *     message limit (the stream stays usable)
     * @throws IllegalStateException after {@link #finish()}
     */
    public void send(long microBatchId, byte[] payload) throws TransportException, InterruptedException {
        String doing = "while sending micro-batch " + microBatchId;
        long deadline = System.nanoTime() + options.stallTimeout().toNanos();
        lock.lock();
        try {
            if (finishing) {
                throw new IllegalStateException("link `" + link + "` already finished its stream");
            }
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
            while (sent >= granted && failed == null && !closing) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TransportException(
                            TransportException.Reason.TIMEOUT,
                            peer + " took no message on link `"
                                    + link + "` for " + seconds(options.stallTimeout()) + " " + doing + " (" + sent
                                    + " sent, " + (sent - taken) + " not yet taken"
                                    + (attached ? "" : "; the connection is down") + ").");
                }
                changed.awaitNanos(left);
            }
            if (closing) {
                throw closedHere(doing);
            }
            if (failed != null) {
                throw copy(failed);
            }
            WireMessage message = WireMessage.data(sent, microBatchId, payload);
            unacked.add(message);
            sent++;
            lastMicroBatch = microBatchId;
            if (attached) {
                current.call.sendMessage(message);
                lastSentNanos = System.nanoTime();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the stream cleanly and waits, for at most the stall timeout, until the receiver
     * confirms it holds every message sent (a broken connection is resumed meanwhile). The
     * receiver's inbox then ends with {@link Delivery.EndOfStream}.
     *
     * @throws TransportException if the link failed or fails before the confirmation
     */
    public void finish() throws TransportException, InterruptedException {
        lock.lock();
        try {
            if (finishing) {
                throw new IllegalStateException("link `" + link + "` already finished its stream");
            }
            String doing = "while ending the stream after " + sent + (sent == 1 ? " message" : " messages")
                    + (sent == 0 ? "" : " (last micro-batch " + lastMicroBatch + ")");
            if (failed != null) {
                throw copy(failed);
            }
            if (closing) {
                throw closedHere(doing);
            }
            finishing = true;
            if (attached) {
                current.call.sendMessage(WireMessage.end(sent));
                current.call.halfClose();
            }
            long deadline = System.nanoTime() + options.stallTimeout().toNanos();
            while (!confirmed && failed == null && !closing) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TransportException(
                            TransportException.Reason.TIMEOUT,
                            peer + " did not confirm the end of link `" + link + "` within "
                                    + seconds(options.stallTimeout()) + " after " + sent + " messages.");
                }
                changed.awaitNanos(left);
            }
            if (closing && !confirmed) {
                throw closedHere(doing);
            }
            if (failed != null) {
                throw copy(failed);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends a stream that was not finished, telling the receiver (which then fails at once instead
     * of waiting for a reconnection), and releases the connection. Idempotent.
     */
    @Override
    public void close() {
        Attempt abort = null;
        lock.lock();
        try {
            if (closing) {
                return;
            }
            closing = true;
            if (attached && !confirmed) {
                abort = current;
                abort.call.sendMessage(WireMessage.abort("its sender closed it before the end of stream"));
                abort.call.halfClose();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        if (abort != null) {
            // Let the abort reach the receiver, which then closes the call; cancel only after that.
            lock.lock();
            try {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ABORT_GRACE_MS);
                while (current == abort && System.nanoTime() < deadline) {
                    changed.awaitNanos(deadline - System.nanoTime());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        }
        lock.lock();
        try {
            if (current != null) {
                current.call.cancel("The sender of link `" + link + "` closed it.", null);
                current = null;
            }
        } finally {
            lock.unlock();
        }
        channel.shutdownNow();
        try {
            channel.awaitTermination(SHUTDOWN_GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A heartbeat when nothing else went out for an interval, so the receiver can tell silence from a slow stage. */
    private void beat() {
        lock.lock();
        try {
            long now = System.nanoTime();
            if (attached
                    && !finishing
                    && now - lastSentNanos >= options.heartbeatInterval().toNanos()) {
                current.call.sendMessage(WireMessage.heartbeat(++heartbeats));
                lastSentNanos = now;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Starts the next reconnection attempt after the back-off. Lock held. */
    private void scheduleReconnect() {
        if (reconnectScheduled || closing || failed != null || current != null) {
            return;
        }
        reconnectScheduled = true;
        long delay = backoff;
        backoff = Math.min(MAX_BACKOFF_NANOS, backoff * 2);
        LinkTimers.after(delay, this::reconnect);
    }

    private void reconnect() {
        lock.lock();
        try {
            reconnectScheduled = false;
            if (closing || failed != null || current != null) {
                return;
            }
            long down = System.nanoTime() - brokenSince;
            if (down > options.reconnectTimeout().toNanos()) {
                failed = new TransportException(
                        TransportException.Reason.CONNECTION_LOST,
                        sentence("Lost connection to " + peer + " on link `" + link + "` " + progress()
                                + " and could not resume it within " + seconds(options.reconnectTimeout()) + ": "
                                + describe(lastBreak)));
                changed.signalAll();
                return;
            }
            channel.resetConnectBackoff();
            // Not wait-for-ready: a refused or unreachable peer fails the attempt at once, and the
            // back-off, not gRPC's own, decides when the next one starts.
            Attempt attempt = new Attempt(false);
            current = attempt;
            attempt.start();
            long left = options.reconnectTimeout().toNanos() - down;
            LinkTimers.after(Math.max(1, Math.min(ATTEMPT_NANOS, left)), () -> abandon(attempt));
        } finally {
            lock.unlock();
        }
    }

    /** An attempt not accepted in time is cancelled; its close schedules the next. */
    private void abandon(Attempt attempt) {
        lock.lock();
        try {
            if (current == attempt && !attached) {
                attempt.call.cancel("The attempt to resume link `" + link + "` took too long.", null);
            }
        } finally {
            lock.unlock();
        }
    }

    /** For a call that {@link #close()} ended, from this or another thread. */
    private TransportException closedHere(String doing) {
        return new TransportException(
                TransportException.Reason.CONNECTION_LOST,
                "The sender of link `" + link + "` to " + peer + " was closed " + doing + ".");
    }

    private static TransportException copy(TransportException e) {
        return new TransportException(e.reason(), e.getMessage(), e);
    }

    /** Whether a call that ended with {@code status} may be resumed: the connection, not the receiver, ended it. */
    private static boolean transientFailure(Status status) {
        return switch (status.getCode()) {
            case UNAVAILABLE, CANCELLED, DATA_LOSS, INTERNAL, UNKNOWN, DEADLINE_EXCEEDED -> true;
            default -> false;
        };
    }

    /** The permanent failure for a receiver that refused or ended the stream. Lock held. */
    private TransportException refused(Status status) {
        String at = " on link `" + link + "` " + progress();
        switch (status.getCode()) {
            case OK:
                return new TransportException(
                        TransportException.Reason.PROTOCOL,
                        peer + " ended the stream" + at + ", before the sender's end of stream.");
            case ABORTED:
                return new TransportException(
                        TransportException.Reason.CONNECTION_LOST,
                        sentence("Lost connection to " + peer + at + ": " + describe(status)),
                        status.asException());
            default:
                return new TransportException(
                        TransportException.Reason.REJECTED,
                        sentence(peer + " rejected the stream" + at + ": " + describe(status)),
                        status.asException());
        }
    }

    /** How far the stream got, for messages. Lock held. */
    private String progress() {
        if (!everAttached) {
            return "while opening the link";
        }
        return "after " + sent + (sent == 1 ? " message" : " messages")
                + (sent == 0 ? "" : " (last micro-batch " + lastMicroBatch + ")");
    }

    private static String describe(Status status) {
        if (status == null) {
            return "the connection was closed";
        }
        return status.getDescription() == null
                ? status.getCode().name()
                : status.getCode().name() + ": " + status.getDescription();
    }

    private static String sentence(String s) {
        return s.endsWith(".") ? s : s + ".";
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3g s", d.toNanos() / 1e9);
    }

    /** One gRPC call of the link: the first, or one resuming it after a break. */
    private final class Attempt extends ClientCall.Listener<WireMessage> {
        final ClientCall<WireMessage, WireMessage> call;

        Attempt(boolean waitForReady) {
            call = channel.newCall(
                    LinkProtocol.STREAM, waitForReady ? CallOptions.DEFAULT.withWaitForReady() : CallOptions.DEFAULT);
        }

        /** Lock held. */
        void start() {
            call.start(this, new Metadata());
            call.request(1);
            call.sendMessage(WireMessage.open(link, session));
        }

        @Override
        public void onMessage(WireMessage message) {
            lock.lock();
            try {
                if (current != this) {
                    return;
                }
                lastHeardNanos = System.nanoTime();
                if (message.kind() != WireMessage.Kind.CREDIT) {
                    violate("it sent a " + message.kind() + " message, but receivers send only CREDIT");
                    return;
                }
                if (message.sequence() < granted || message.taken() < taken) {
                    violate("its credit went down from " + granted + " to " + message.sequence());
                    return;
                }
                if (message.received() > sent || message.taken() > message.received()) {
                    violate("it claims to hold " + message.received() + " messages and to have handed on "
                            + message.taken() + ", but " + sent + " were sent");
                    return;
                }
                granted = message.sequence();
                receiverLimit = message.microBatchId();
                taken = message.taken();
                while (!unacked.isEmpty() && unacked.peekFirst().sequence() < taken) {
                    unacked.removeFirst();
                }
                if (!attached) {
                    resume(message.received());
                }
                changed.signalAll();
                call.request(1);
            } finally {
                lock.unlock();
            }
        }

        /** The receiver accepted this call: resend what it lacks, and the end if it was due. Lock held. */
        private void resume(long received) {
            for (WireMessage m : unacked) {
                if (m.sequence() >= received) {
                    call.sendMessage(m);
                }
            }
            if (finishing) {
                call.sendMessage(WireMessage.end(sent));
                call.halfClose();
            }
            lastSentNanos = System.nanoTime();
            if (everAttached) {
                reconnections++;
            }
            attached = true;
            everAttached = true;
            brokenSince = -1;
            backoff = FIRST_BACKOFF_NANOS;
        }

        private void violate(String what) {
            failed = new TransportException(
                    TransportException.Reason.PROTOCOL,
                    peer + " broke the link protocol on link `" + link + "`: " + what + ".");
            call.cancel("The receiver broke the link protocol.", null);
            current = null;
            attached = false;
            changed.signalAll();
        }

        @Override
        public void onClose(Status status, Metadata trailers) {
            lock.lock();
            try {
                if (current != this) {
                    return;
                }
                current = null;
                attached = false;
                if (status.isOk() && finishing) {
                    confirmed = true;
                } else if (closing) {
                    // Closed here: nothing to resume.
                } else if (transientFailure(status) && (everAttached || status.getCode() != Status.Code.CANCELLED)) {
                    lastBreak = status;
                    if (brokenSince < 0) {
                        brokenSince = System.nanoTime();
                    }
                    if (everAttached) {
                        scheduleReconnect();
                    }
                } else {
                    failed = refused(status);
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
