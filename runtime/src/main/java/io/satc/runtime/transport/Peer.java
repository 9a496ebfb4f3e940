package io.satc.runtime.transport;

/**
 * A node a sender connects to: its name, for messages, and its address.
 *
 * @param name the node's name in the mission, such as {@code leo-c}
 * @param host a host name or IP literal
 * @param port a TCP port, 1…65535
 */
public record Peer(String name, String host, int port) {

    public Peer {
        if (name.isBlank() || host.isBlank()) {
            throw new IllegalArgumentException("peer name and host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
    }

    /** {@code HOST:PORT}, with an IPv6 literal in brackets. */
    public String address() {
        return address(host, port);
    }

    /** Reads like {@code leo-c at 127.0.0.1:7003}. */
    @Override
    public String toString() {
        return name + " at " + address();
    }

    static String address(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
