package io.satc.runtime.fault;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A peers file with a free loopback port for each node. */
final class LoopbackPeers {

    private LoopbackPeers() {}

    static Path write(Path file, List<String> nodes) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String node : nodes) {
            try (ServerSocket socket = new ServerSocket(0)) {
                sb.append(node)
                        .append(" 127.0.0.1:")
                        .append(socket.getLocalPort())
                        .append('\n');
            }
        }
        return Files.writeString(file, sb.toString());
    }
}
