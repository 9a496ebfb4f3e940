package io.satc.runtime.transport;

/**
 * A link could not be served: its message is one sentence naming the link, the peer's address
 * and, while streaming, the micro-batch concerned; {@link #reason()} says what kind of failure.
 */
public final class TransportException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that react differently (retry, report, abort). */
    public enum Reason {
        /** A server could not listen: the address is held by another socket. */
        ADDRESS_IN_USE,
        /** A server could not listen for another reason (unknown host, no permission). */
        BIND_FAILED,
        /** A sender found no receiver accepting the link within the connect timeout. */
        UNREACHABLE,
        /** The receiver refused the link or a message (unknown link, second sender, too large). */
        REJECTED,
        /** The stream broke before its end: the peer died, closed, or its connection dropped. */
        CONNECTION_LOST,
        /** The peer did not move within the stall timeout. */
        TIMEOUT,
        /** The peer broke the link protocol (bad sequence, more than its window, no end of stream). */
        PROTOCOL
    }

    private final Reason reason;

    public TransportException(Reason reason, String message) {
        this(reason, message, null);
    }

    public TransportException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
