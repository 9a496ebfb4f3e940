package io.satc.runtime.transport;

import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.InternalNettyServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.channel.RecvByteBufAllocator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A node's receiving side: listens on one address and serves a fixed set of named links, each
 * delivering what its sender streams into a {@link LinkInbox}.
 *
 * <p>The links are declared when the server starts, so a sender that connects as soon as the port
 * opens always finds them. Closing the server breaks every unfinished stream: its sender sees
 * {@code CONNECTION_LOST}, and so does a consumer still waiting on the inbox.
 *
 * <pre>
 * try (FrameServer server = FrameServer.start("0.0.0.0", 7003, List.of("leo-b→leo-c"), options)) {
 *     LinkInbox in = server.inbox("leo-b→leo-c");
 *     for (Delivery d = in.receive(); d instanceof Delivery.Message m; d = in.receive()) { … }
 * }
 * </pre>
 */
public final class FrameServer implements AutoCloseable {

    private static final long SHUTDOWN_GRACE_MS = 5_000;
    private static final int MAX_READ_BYTES = 1 << 20;

    private final String host;
    private final Map<String, LinkInbox> inboxes = new TreeMap<>();
    private final MutualTls tls;
    private final Map<String, String> senders;
    private volatile String address;
    private Server server;

    private FrameServer(
            String host,
            int port,
            Collection<String> links,
            TransportOptions options,
            MutualTls tls,
            Map<String, String> senders) {
        this.host = host;
        this.address = Peer.address(host, port);
        this.tls = tls;
        this.senders = Map.copyOf(senders);
        for (String link : links) {
            inboxes.put(link, new LinkInbox(link, this, options));
        }
    }

    /**
     * Starts listening on {@code host:port} (port 0 picks a free one, see {@link #port()}).
     *
     * @param links the names of the links this node receives, at least one
     * @throws TransportException {@code ADDRESS_IN_USE} when the port is taken,
     *     {@code BIND_FAILED} for any other reason the address cannot be listened on; the message
     *     names {@code HOST:PORT}
     */
    public static FrameServer start(String host, int port, Collection<String> links, TransportOptions options)
            throws TransportException {
        return start(host, port, links, options, null, Map.of());
    }

    /**
     * Starts listening over mutual TLS 1.3 ({@code tls}): only the node {@code senders} names for
     * a link may open it; a stream from any other node of the mission is refused with
     * {@code PERMISSION_DENIED} and logged, as are clients that fail the handshake.
     *
     * @param senders link → the node that sends on it
     */
    public static FrameServer start(
            String host, int port, Map<String, String> senders, TransportOptions options, MutualTls tls)
            throws TransportException {
        return start(host, port, senders.keySet(), options, tls, senders);
    }

    private static FrameServer start(
            String host,
            int port,
            Collection<String> links,
            TransportOptions options,
            MutualTls tls,
            Map<String, String> senders)
            throws TransportException {
        if (links.isEmpty()) {
            throw new IllegalArgumentException("a frame server needs at least one link");
        }
        FrameServer frames = new FrameServer(host, port, links, options, tls, senders);
        ServerServiceDefinition service = ServerServiceDefinition.builder(LinkProtocol.SERVICE)
                .addMethod(LinkProtocol.STREAM, (call, headers) -> new InboundStream(frames, call).start())
                .build();
        NettyServerBuilder builder;
        if (tls == null) {
            builder = NettyServerBuilder.forAddress(new InetSocketAddress(host, port));
        } else {
            try {
                builder = NettyServerBuilder.forAddress(
                        new InetSocketAddress(host, port),
                        InternalNettyServerCredentials.create(new RefusalWatcher(tls.serverContext(), tls)));
            } catch (javax.net.ssl.SSLException e) {
                throw new TransportException(
                        TransportException.Reason.BIND_FAILED,
                        "Cannot set up TLS on " + frames.address + ": " + e.getMessage() + ".",
                        e);
            }
        }
        Server server = builder
                // Handlers only enqueue and signal, so they run on the network threads without a hop.
                .directExecutor()
                .maxInboundMessageSize(options.maxInboundBytes())
                .flowControlWindow(options.flowControlWindow())
                .keepAliveTime(options.keepAliveTime().toNanos(), TimeUnit.NANOSECONDS)
                .keepAliveTimeout(options.keepAliveTimeout().toNanos(), TimeUnit.NANOSECONDS)
                .permitKeepAliveTime(
                        Math.min(options.keepAliveTime().toNanos(), TimeUnit.SECONDS.toNanos(10)), TimeUnit.NANOSECONDS)
                .permitKeepAliveWithoutCalls(true)
                .withChildOption(readAllocator(), new AdaptiveRecvByteBufAllocator(64, 64 << 10, MAX_READ_BYTES))
                .addService(service)
                .build();
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            server.shutdownNow();
            throw bindFailure(frames.address, e);
        }
        frames.server = server;
        // Only a port chosen by the system changes the address, and no sender knows it yet.
        frames.address = Peer.address(host, server.getPort());
        return frames;
    }

    /**
     * Reads of up to 1 MiB instead of Netty's 64 KiB: a 1.5 MB frame then takes a couple of read
     * calls and HTTP/2 decoding passes rather than two dozen, about 0.1–0.3 ms less per frame on
     * loopback. Netty 4.2 deprecates the option but offers no replacement in the version gRPC
     * ships.
     */
    @SuppressWarnings("deprecation")
    private static ChannelOption<RecvByteBufAllocator> readAllocator() {
        return ChannelOption.RCVBUF_ALLOCATOR;
    }

    private static TransportException bindFailure(String address, Throwable e) {
        // The NIO transport throws BindException, the native epoll one an IOException of its own;
        // both say "Address already in use" (EADDRINUSE).
        for (Throwable t = e; t != null; t = t.getCause()) {
            String detail = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (detail.contains("already in use")) {
                return new TransportException(
                        TransportException.Reason.ADDRESS_IN_USE,
                        "Cannot listen on " + address
                                + ": the address is already in use; another node or program holds the port.",
                        e);
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new TransportException(
                TransportException.Reason.BIND_FAILED, "Cannot listen on " + address + ": " + detail + ".", e);
    }

    /** The inbox of {@code link}, one of the links the server was started with. */
    public LinkInbox inbox(String link) {
        LinkInbox inbox = inboxes.get(link);
        if (inbox == null) {
            throw new IllegalArgumentException("link `" + link + "` is not one of " + linkList());
        }
        return inbox;
    }

    public String host() {
        return host;
    }

    /** The port listened on, the one picked when started with 0. */
    public int port() {
        return server.getPort();
    }

    /** {@code HOST:PORT} as listened on (as requested until the server has started). */
    public String address() {
        return address;
    }

    /** Breaks every unfinished stream, stops listening and waits briefly for the network threads. */
    @Override
    public void close() {
        inboxes.values().forEach(LinkInbox::shutDown);
        server.shutdownNow();
        try {
            server.awaitTermination(SHUTDOWN_GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    LinkInbox inboxOrNull(String link) {
        return inboxes.get(link);
    }

    /** Mutual TLS, or null for plaintext. */
    MutualTls tls() {
        return tls;
    }

    /** The node that may send on {@code link} (TLS only). */
    String senderOf(String link) {
        return senders.get(link);
    }

    /** The links served, for messages: {@code `a`, `b`}. */
    String linkList() {
        return inboxes.keySet().stream().map(l -> "`" + l + "`").collect(Collectors.joining(", "));
    }

    /** The links served, sorted. */
    public Collection<String> links() {
        return Collections.unmodifiableSet(inboxes.keySet());
    }
}
