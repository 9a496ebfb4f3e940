package io.satc.runtime.transport;

import java.time.Duration;

/**
 * Settings a node uses for its links, both as sender and as receiver.
 *
 * @param window             messages a receiver lets a sender have unconsumed (sent but not yet
 *                           taken from its {@link LinkInbox}); the receiver's value governs. 2, as the
 *                           in-process pipeline's queues, keeps at most two frames per link in memory
 * @param maxMessageBytes    largest payload a message may carry; a receiver refuses larger ones
 * @param flowControlWindow  HTTP/2 flow-control window in bytes per stream and connection; larger
 *                           than one frame so a frame is not stalled mid-way waiting for a window
 *                           update
 * @param connectTimeout     how long {@link FrameSender#connect} waits for the receiver to accept
 *                           the link, including waiting for it to start listening
 * @param stallTimeout       how long a blocking call ({@link FrameSender#send},
 *                           {@link FrameSender#finish}, {@link LinkInbox#receive()}) waits for the
 *                           peer before it fails with {@link TransportException.Reason#TIMEOUT}
 * @param keepAliveTime      idle time after which each side pings the other (gRPC's minimum is 10 s)
 * @param keepAliveTimeout   how long a ping may go unanswered before the connection counts as broken
 * @param reconnectTimeout   how long a link whose connection broke keeps trying to resume (with
 *                           back-off) before it fails; an outage shorter than this loses and
 *                           duplicates nothing
 * @param heartbeatInterval  each end sends a heartbeat after this long without sending anything,
 *                           so that the other can tell a silent peer from an idle one
 */
public record TransportOptions(
        int window,
        int maxMessageBytes,
        int flowControlWindow,
        Duration connectTimeout,
        Duration stallTimeout,
        Duration keepAliveTime,
        Duration keepAliveTimeout,
        Duration reconnectTimeout,
        Duration heartbeatInterval) {

    /** Largest payload by default: 64 MiB, room for tens-of-megabyte activations. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 << 20;

    public TransportOptions {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
        if (maxMessageBytes < 0 || maxMessageBytes > Integer.MAX_VALUE - WireMessage.HEADER_BYTES - 8) {
            throw new IllegalArgumentException("maxMessageBytes " + maxMessageBytes + " is outside 0.."
                    + (Integer.MAX_VALUE - WireMessage.HEADER_BYTES - 8));
        }
        if (flowControlWindow < 65_535) {
            throw new IllegalArgumentException(
                    "flowControlWindow must be at least 65535 (HTTP/2), was " + flowControlWindow);
        }
        for (Duration d : new Duration[] {
            connectTimeout, stallTimeout, keepAliveTime, keepAliveTimeout, reconnectTimeout, heartbeatInterval
        }) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive, was " + d);
            }
        }
    }

    /**
     * Window 2, 64 MiB messages, 16 MiB flow-control window, 10 s to connect, a 1-minute stall
     * limit (as {@code RunOptions}), keepalive pings after 10 s idle answered within 2 s (on
     * loopback or a LAN a ping takes microseconds, so 2 s only forgives long GC pauses), a minute
     * to resume a broken link, a heartbeat every second.
     */
    public static TransportOptions defaults() {
        return new TransportOptions(
                2,
                DEFAULT_MAX_MESSAGE_BYTES,
                16 << 20,
                Duration.ofSeconds(10),
                Duration.ofMinutes(1),
                Duration.ofSeconds(10),
                Duration.ofSeconds(2),
                Duration.ofMinutes(1),
                Duration.ofSeconds(1));
    }

    public TransportOptions withWindow(int messages) {
        return new TransportOptions(
                messages,
                maxMessageBytes,
                flowControlWindow,
                connectTimeout,
                stallTimeout,
                keepAliveTime,
                keepAliveTimeout,
                reconnectTimeout,
                heartbeatInterval);
    }

    public TransportOptions withMaxMessageBytes(int bytes) {
        return new TransportOptions(
                window,
                bytes,
                flowControlWindow,
                connectTimeout,
                stallTimeout,
                keepAliveTime,
                keepAliveTimeout,
                reconnectTimeout,
                heartbeatInterval);
    }

    public TransportOptions withFlowControlWindow(int bytes) {
        return new TransportOptions(
                window,
                maxMessageBytes,
                bytes,
                connectTimeout,
                stallTimeout,
                keepAliveTime,
                keepAliveTimeout,
                reconnectTimeout,
                heartbeatInterval);
    }

    public TransportOptions withConnectTimeout(Duration timeout) {
        return new TransportOptions(
                window,
                maxMessageBytes,
                flowControlWindow,
                timeout,
                stallTimeout,
                keepAliveTime,
                keepAliveTimeout,
                reconnectTimeout,
                heartbeatInterval);
    }

    public TransportOptions withStallTimeout(Duration timeout) {
        return new TransportOptions(
                window,
                maxMessageBytes,
                flowControlWindow,
                connectTimeout,
                timeout,
                keepAliveTime,
                keepAliveTimeout,
                reconnectTimeout,
                heartbeatInterval);
    }

    public TransportOptions withKeepAlive(Duration time, Duration timeout) {
        return new TransportOptions(
                window,
                maxMessageBytes,
                flowControlWindow,
                connectTimeout,
                stallTimeout,
                time,
                timeout,
                reconnectTimeout,
                heartbeatInterval);
    }

    public TransportOptions withReconnectTimeout(Duration timeout) {
        return new TransportOptions(
                window,
                maxMessageBytes,
                flowControlWindow,
                connectTimeout,
                stallTimeout,
                keepAliveTime,
                keepAliveTimeout,
                timeout,
                heartbeatInterval);
    }

    public TransportOptions withHeartbeatInterval(Duration interval) {
        return new TransportOptions(
                window,
                maxMessageBytes,
                flowControlWindow,
                connectTimeout,
                stallTimeout,
                keepAliveTime,
                keepAliveTimeout,
                reconnectTimeout,
                interval);
    }

    /** gRPC's largest inbound message: a full payload plus the header. */
    int maxInboundBytes() {
        return maxMessageBytes + WireMessage.HEADER_BYTES;
    }
}
