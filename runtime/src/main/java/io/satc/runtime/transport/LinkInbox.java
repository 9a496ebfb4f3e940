package io.satc.runtime.transport;

import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The receiving side of one named link on a {@link FrameServer}: holds the messages that have
 * arrived and hands them over in order.
 *
 * <p>Taking a message is what makes room for the sender: the inbox grants credit for one more
 * message each time {@link #receive} returns one, so at most {@code window} messages are ever
 * buffered here and a slow consumer blocks the sender, as a bounded queue would across the
 * network.
 *
 * <p>A link carries one stream for the life of its server: a second sender, or a sender after the
 * first stream ended, is refused. Thread-safe; meant for one consuming thread.
 */
public final class LinkInbox {

    private final String link;
    private final FrameServer server;
    private final int window;
    private final int maxMessageBytes;
    private final Duration stallTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Delivery.Message> buffered = new ArrayDeque<>();

    // Guarded by lock.
    private InboundStream stream;
    private boolean attached;
    private long received;
    private long taken;
    private long lastMicroBatch = -1;
    private Delivery.EndOfStream end;
    private TransportException failure;

    LinkInbox(String link, FrameServer server, TransportOptions options) {
        this.link = link;
        this.server = server;
        this.window = options.window();
        this.maxMessageBytes = options.maxMessageBytes();
        this.stallTimeout = options.stallTimeout();
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

    /** {@link #receive(Duration)} with the options' stall timeout. */
    public Delivery receive() throws TransportException, InterruptedException {
        return receive(stallTimeout);
    }

    /**
     * The next message, or {@link Delivery.EndOfStream} once the sender has finished cleanly and
     * every message was taken. Messages that arrived before a stream broke are still handed over;
     * the failure is thrown after them.
     *
     * @throws TransportException {@code CONNECTION_LOST} when the stream broke before its end
     *     (the sender died, cancelled, or the server was closed), {@code PROTOCOL} when the sender
     *     broke the protocol, {@code TIMEOUT} when nothing happened for {@code timeout}
     */
    public Delivery receive(Duration timeout) throws TransportException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                Delivery.Message next = buffered.poll();
                if (next != null) {
                    taken++;
                    if (stream != null) {
                        stream.send(WireMessage.credit(taken + window, maxMessageBytes));
                    }
                    return next;
                }
                if (end != null) {
                    return end;
                }
                if (failure != null) {
                    throw new TransportException(failure.reason(), failure.getMessage(), failure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw timeout(timeout);
                }
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    private TransportException timeout(Duration waited) {
        String seconds = String.format(Locale.ROOT, "%.3g s", waited.toNanos() / 1e9);
        if (!attached) {
            return new TransportException(
                    TransportException.Reason.TIMEOUT,
                    "No sender connected to link `" + link + "` at " + server.address() + " within " + seconds + ".");
        }
        return new TransportException(
                TransportException.Reason.TIMEOUT,
                "No message arrived on link `" + link + "` from " + stream.remote() + " for " + seconds + " "
                        + progress() + ".");
    }

    /** Called by the stream that OPENed this link; OK if it may stream, else why not. */
    Status attach(InboundStream candidate) {
        lock.lock();
        try {
            if (stream != null) {
                return Status.ALREADY_EXISTS.withDescription("Link `" + link + "` at " + server.address()
                        + " already has a sender, " + stream.remote() + ".");
            }
            if (failure != null && !attached) {
                return Status.UNAVAILABLE.withDescription(failure.getMessage());
            }
            if (attached) {
                return Status.FAILED_PRECONDITION.withDescription("Link `" + link + "` at " + server.address()
                        + " has already carried its stream; a link carries one stream per receiver.");
            }
            stream = candidate;
            attached = true;
            candidate.send(WireMessage.credit(window, maxMessageBytes));
            changed.signalAll();
            return Status.OK;
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
            switch (message.kind()) {
                case DATA:
                    if (message.sequence() != received) {
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
                        end = new Delivery.EndOfStream(received);
                        stream.close(Status.OK);
                        stream = null;
                        changed.signalAll();
                    }
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

    void onCancel(InboundStream from) {
        lock.lock();
        try {
            if (from == stream) {
                stream = null;
                fail(new TransportException(
                        TransportException.Reason.CONNECTION_LOST,
                        "Lost connection to the "
                                + "sender of link `" + link + "`, " + from.remote() + ", " + progress()
                                + ", before its end of stream."));
            }
        } finally {
            lock.unlock();
        }
    }

    /** The server is closing: fail a waiting consumer and tell a connected sender why. */
    void shutDown() {
        lock.lock();
        try {
            if (end == null && failure == null) {
                String message = "The receiver of link `" + link + "` at " + server.address() + " was closed"
                        + (attached ? " " + progress() + ", before the end of stream." : " before a sender connected.");
                if (stream != null) {
                    stream.close(Status.UNAVAILABLE.withDescription(message));
                    stream = null;
                }
                fail(new TransportException(TransportException.Reason.CONNECTION_LOST, message));
            }
        } finally {
            lock.unlock();
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
        changed.signalAll();
    }

    private String progress() {
        return received == 0
                ? "before any message arrived"
                : "after " + received + (received == 1 ? " message" : " messages") + " (last micro-batch "
                        + lastMicroBatch + ")";
    }
}
