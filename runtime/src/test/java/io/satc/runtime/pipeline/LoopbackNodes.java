package io.satc.runtime.pipeline;

import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleStage;
import io.satc.runtime.transport.Peer;
import io.satc.runtime.transport.TransportOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Distributed runs inside one test JVM: every stage's node on its own loopback port. */
public final class LoopbackNodes {

    private LoopbackNodes() {}

    /** A free loopback port for every stage's node. */
    public static Map<String, Peer> peers(Bundle bundle) throws IOException {
        Map<String, Peer> peers = new LinkedHashMap<>();
        for (BundleStage s : bundle.manifest().stages()) {
            try (ServerSocket socket = new ServerSocket(0)) {
                peers.put(s.node(), new Peer(s.node(), "127.0.0.1", socket.getLocalPort()));
            }
        }
        return peers;
    }

    /** {@code node} listening on its port of {@code peers}, with timeouts short enough for a test. */
    public static NodeRunner.Config config(String node, Map<String, Peer> peers) {
        Peer self = peers.get(node);
        return new NodeRunner.Config(
                node,
                self.host(),
                self.port(),
                peers,
                TransportOptions.defaults()
                        .withConnectTimeout(Duration.ofSeconds(10))
                        .withStallTimeout(Duration.ofSeconds(10)),
                Duration.ofSeconds(60),
                false);
    }
}
