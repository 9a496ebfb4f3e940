package io.satc.runtime.transport;

import java.time.Duration;
import java.util.List;

/**
 * One end of a link in a JVM of its own, for {@link PeerProcessTest} to kill: {@code receive}
 * serves the link and never consumes; {@code send PORT} streams 1 MiB messages to it. Either prints
 * a line when it is ready and exits by itself after a minute, so a test that dies leaves nothing
 * running.
 */
public final class LinkPeerProcess {

    private LinkPeerProcess() {}

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(3);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        TransportOptions options = TransportOptions.defaults().withStallTimeout(Duration.ofMinutes(2));
        if (args[0].equals("receive")) {
            FrameServer server = FrameServer.start(Loopback.HOST, 0, List.of(Loopback.LINK), options);
            System.out.println("listening " + server.port());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        } else {
            Peer peer = new Peer("leo-c", Loopback.HOST, Integer.parseInt(args[1]));
            try (FrameSender sender = FrameSender.connect(Loopback.LINK, peer, options)) {
                System.out.println("connected");
                System.out.flush();
                for (int i = 0; i < 1_000; i++) {
                    sender.send(i, new byte[1 << 20]);
                }
                sender.finish();
            }
        }
    }
}
