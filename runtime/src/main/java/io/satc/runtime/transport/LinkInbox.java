package io.satc.runtime.transport;

import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The receiving side of one named link on a {@link FrameServer}: holds the messages that have
 * arrived and hands them over in order, each exactly once.
 *
 * <p>Taking a message is what makes room for the sender: the inbox grants credit for one more
 * message each time {@link #receive} returns one, so at most {@code window} messages are ever
 * buffered here and a slow consumer blocks the sender, as a bounded queue would across the
 * network. The credit also tells the sender how many messages were taken (it may forget those)
 * and how many arrived (after a reconnection it resends from there); a message that arrives
 * twice is dropped.
 *
 * <p>A link carries one logical stream for the life of its server, identified by the sender's
 * session id: when its connection breaks, the same sender may open the link again and resume,
 * within the reconnect timeout; any other sender, or one after the stream ended, is refused.
 * Thread-safe; meant for one consuming thread.
 */
public final class LinkInbox {

    private final String link;
    private final FrameServer server;
    private final int window;
    private final int maxMessageBytes;
    private final Duration stallTimeout;
    private final Duration reconnectTimeout;
    private final Duration heartbeatInterval;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Delivery.Message> buffered = new ArrayDeque<>();

    // Guarded by lock.
    private InboundStream stream;
    private long session;
    private boolean attached;
    private long received;
    private long taken;
    private long duplicates;
    private int resumptions;
    private long lastMicroBatch = -1;
    private long brokenSince = -1;
    private long lastHeardNanos;
    private String lastRemote = "";
    private Delivery.EndOfStream end;
    private TransportException failure;
    private ScheduledFuture<?> heartbeat;

    LinkInbox(String link, FrameServer server, TransportOptions options) {
        this.link = link;
        this.server = server;
        this.window = options.window();
        this.maxMessageBytes = options.maxMessageBytes();
        this.stallTimeout = options.stallTimeout();
        this.reconnectTimeout = options.reconnectTimeout();
        this.heartbeatInterval = options.heartbeatInterval();
    }

    public String link() {
        return link;
    }

    /** Messages that have arrived and not been taken yet; never more than the window. */
    public int buffered() {
        lock.lock();
        try {
            return buffered.size();
        } finally {
            lock.unlock();
        }
    }

    /** Messages that arrived a second time (resent after a reconnection) and were dropped. */
    public long duplicates() {
        lock.lock();
        try {
            return duplicates;
        } finally {
            lock.unlock();
        }
    }

    /** How many times the sender resumed the stream after its connection broke. */
    public int resumptions() {
        lock.lock();
        try {
            return resumptions;
        } finally {
            lock.unlock();
        }
    }

    /** When the sender was last heard from (any message, heartbeats included), as {@link System#nanoTime()}. */
    public long lastHeardNanos() {
        lock.lock();
        try {
            return lastHeardNanos;
        } finally {
            lock.unlock();
        }
    }

    /** {@link #receive(Duration)} with the options' stall timeout. */
    public Delivery receive() throws TransportException, InterruptedException {
        return receive(stallTimeout);
    }

    /**
     * The next message, or {@link Delivery.EndOfStream} once the sender has finished cleanly and
     * every message was taken. A broken connection is waited out while the sender may resume it;
     * messages that arrived before a stream failed are still handed over, the failure after them.
     *
     * @throws TransportException {@code CONNECTION_LOST} when the sender aborted, did not resume
     *     within the reconnect timeout, or the server was closed; {@code PROTOCOL} when the sender
     *     broke the protocol; {@code TIMEOUT} when nothing happened for {@code timeout}
     */
    public Delivery receive(Duration timeout) throws TransportException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                Delivery.Message next = buffered.poll();
                if (next != null) {
                    taken++;
                    grant();
                    return next;
                }
                if (end != null) {
                    return end;
                }
                if (failure == null && brokenSince >= 0 && stream == null) {
                    long gone = System.nanoTime() - brokenSince;
                    if (gone > reconnectTimeout.toNanos()) {
                        fail(new TransportException(
                                TransportException.Reason.CONNECTION_LOST,
                                "Lost connection to the sender of link `" + link + "`, " + lastRemote + ", "
                                        + progress() + ", and it did not resume within " + seconds(reconnectTimeout)
                                        + "."));
                    }
                }
                if (failure != null) {
                    throw new TransportException(failure.reason(), failure.getMessage(), failure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw timeout(timeout);
                }
                if (brokenSince >= 0 && stream == null) {
                    left = Math.min(left, brokenSince + reconnectTimeout.toNanos() - System.nanoTime() + 1);
                }
                changed.awaitNanos(Math.max(1, left));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Tells the sender what it may send, what it may forget and where to resume. Lock held. */
    private void grant() {
        if (stream != null) {
            stream.send(WireMessage.credit(taken + window, maxMessageBytes, taken, received));
        }
    }

    private TransportException timeout(Duration waited) {
        String seconds = seconds(waited);
        if (!attached) {
            return new TransportException(
                    TransportException.Reason.TIMEOUT,
                    "No sender connected to link `" + link + "` at " + server.address() + " within " + seconds + ".");
        }
        return new TransportException(
                TransportException.Reason.TIMEOUT,
                "No message arrived on link `" + link + "` from " + lastRemote + " for " + seconds + " " + progress()
                        + (stream == null ? "; its connection is down" : "") + ".");
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3g s", d.toNanos() / 1e9);
    }

    /**
     * Called by the stream that OPENed this link with {@code id}, the sender's session: OK if it
     * may stream (the first time, or resuming the same session), else why not.
     */
    Status attach(InboundStream candidate, long id) {
        lock.lock();
        try {
            if (failure != null) {
                return attached
                        ? Status.FAILED_PRECONDITION.withDescription(failure.getMessage())
                        : Status.UNAVAILABLE.withDescription(failure.getMessage());
            }
            if (attached && id != session) {
                return stream != null
                        ? Status.ALREADY_EXISTS.withDescription("Link `" + link + "` at " + server.address()
                                + " already has a sender, " + stream.remote() + ".")
                        : Status.FAILED_PRECONDITION.withDescription("Link `" + link + "` at " + server.address()
                                + " has already carried its stream; a link carries one stream per receiver.");
            }
            if (stream != null) {
                // The sender noticed the break first and came back: the old connection is dead.
                stream.close(Status.CANCELLED.withDescription("Replaced by the sender's new connection."));
            }
            if (attached) {
                resumptions++;
            }
            stream = candidate;
            session = id;
            attached = true;
            brokenSince = -1;
            lastRemote = candidate.remote();
            lastHeardNanos = System.nanoTime();
            grant();
            if (heartbeat == null) {
                heartbeat = LinkTimers.every(heartbeatInterval.toNanos(), this::beat);
            }
            changed.signalAll();
            return Status.OK;
        } finally {
            lock.unlock();
        }
    }

    /** The receiver's heartbeat: the current credit again, so a waiting sender hears that the receiver lives. */
    private void beat() {
        lock.lock();
        try {
            grant();
        } finally {
            lock.unlock();
        }
    }

    void onMessage(InboundStream from, WireMessage message) {
        lock.lock();
        try {
            if (from != stream) {
                return;
            }
            lastHeardNanos = System.nanoTime();
            switch (message.kind()) {
                case DATA:
                    if (message.sequence() < received) {
                        duplicates++;
                    } else if (message.sequence() != received) {
                        violation("sent message " + message.sequence() + " where " + received + " was expected");
                    } else if (message.sequence() >= taken + window) {
                        violation("sent message " + message.sequence() + " beyond its window of " + window + " ("
                                + taken + " taken)");
                    } else {
                        buffered.add(
                                new Delivery.Message(message.sequence(), message.microBatchId(), message.payload()));
                        received++;
                        lastMicroBatch = message.microBatchId();
                        changed.signalAll();
                    }
                    break;
                case END:
                    if (message.sequence() != received) {
                        violation("ended its stream claiming " + message.sequence() + " messages, but " + received
                                + " arrived");
                    } else {
                        if (end == null) {
                            end = new Delivery.EndOfStream(received);
                        }
                        stopBeating();
                        stream.close(Status.OK);
                        stream = null;
                        changed.signalAll();
                    }
                    break;
                case HEARTBEAT:
                    break;
                case ABORT:
                    stream.close(Status.CANCELLED.withDescription("Aborted by its sender."));
                    stream = null;
                    fail(new TransportException(
                            TransportException.Reason.CONNECTION_LOST,
                            "The sender of link `" + link + "`, " + lastRemote + ", aborted the stream " + progress()
                                    + " (" + message.text() + ")."));
                    break;
                default:
                    violation("sent a " + message.kind() + " message in the middle of its stream");
            }
        } finally {
            lock.unlock();
        }
    }

    void onHalfClose(InboundStream from) {
        lock.lock();
        try {
            if (from == stream) {
                violation("closed its stream without an end-of-stream message");
            }
        } finally {
            lock.unlock();
        }
    }

    /** The connection broke: wait for the sender to resume, until the reconnect timeout. */
    void onCancel(InboundStream from) {
        lock.lock();
        try {
            if (from == stream) {
                stream = null;
                if (end == null && failure == null) {
                    brokenSince = System.nanoTime();
                }
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The server is closing: fail a waiting consumer and tell a connected sender why, so it does not retry. */
    void shutDown() {
        lock.lock();
        try {
            stopBeating();
            if (end == null && failure == null) {
                String message = "The receiver of link `" + link + "` at " + server.address() + " was closed"
                        + (attached ? " " + progress() + ", before the end of stream." : " before a sender connected.");
                if (stream != null) {
                    stream.close(Status.ABORTED.withDescription(message));
                    stream = null;
                }
                fail(new TransportException(TransportException.Reason.CONNECTION_LOST, message));
            }
        } finally {
            lock.unlock();
        }
    }

    private void stopBeating() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }

    private void violation(String what) {
        String message =
                "The sender of link `" + link + "`, " + stream.remote() + ", " + what + "; " + progress() + ".";
        stream.close(Status.FAILED_PRECONDITION.withDescription(message));
        stream = null;
        fail(new TransportException(TransportException.Reason.PROTOCOL, message));
    }

    private void fail(TransportException e) {
        if (failure == null && end == null) {
            failure = e;
        }
        stopBeating();
        changed.signalAll();
    }

    private String progress() {
        return received == 0
                ? "before any message arrived"
                : "after " + received + (received == 1 ? " message" : " messages") + " (last micro-batch "
                        + lastMicroBatch + ")";
    }
}
