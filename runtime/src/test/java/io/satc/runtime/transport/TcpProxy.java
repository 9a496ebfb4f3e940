package io.satc.runtime.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on loopback between a link's sender and its receiver that a test can break: cut
 * every connection, damage bytes in flight (flip one, drop a run, swap two chunks), or refuse new
 * connections for a while. What it does to the byte stream is what a bad link or an attacker on
 * the path could do; the endpoints must deliver every message once, in order, or fail cleanly.
 */
final class TcpProxy implements AutoCloseable {

    /** What to do to the next chunk of bytes from sender to receiver. */
    enum Damage {
        NONE,
        FLIP,
        DROP,
        SWAP
    }

    private final ServerSocket listener;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Damage damage = Damage.NONE;
    private volatile long damageAfter;
    private volatile boolean refusing;
    private volatile boolean closed;

    TcpProxy(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getByName(Loopback.HOST));
        Thread accept = new Thread(this::accept, "tcp proxy accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    /** Bytes passed from sender to receiver so far. */
    long forwarded() {
        return forwarded.get();
    }

    /** Closes every connection in both directions, as a link that went down does. */
    void sever() {
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Closing is all that matters.
            }
        }
        open.clear();
    }

    /** While true, new connections are closed at once (the receiver looks unreachable). */
    void refuse(boolean refuse) {
        this.refusing = refuse;
    }

    /** Damages the sender's byte stream once, after {@code afterBytes} more bytes have passed. */
    void damage(Damage what, long afterBytes) {
        this.damageAfter = forwarded.get() + afterBytes;
        this.damage = what;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (refusing) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(Loopback.HOST, target);
                open.add(client);
                open.add(server);
                connections.incrementAndGet();
                pump(client, server, true);
                pump(server, client, false);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean upstream) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[16 << 10];
                    byte[] held = null;
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            if (upstream) {
                                long before = forwarded.getAndAdd(n);
                                Damage d = damage;
                                if (d != Damage.NONE && before + n > damageAfter) {
                                    damage = Damage.NONE;
                                    switch (d) {
                                        case FLIP -> buffer[(int) Math.max(0, damageAfter - before)] ^= 0x5A;
                                        case DROP -> n = (int) Math.max(0, damageAfter - before);
                                        case SWAP -> {
                                            held = java.util.Arrays.copyOf(buffer, n);
                                            continue;
                                        }
                                        default -> {}
                                    }
                                }
                                out.write(buffer, 0, n);
                                if (held != null) {
                                    out.write(held);
                                    held = null;
                                }
                            } else {
                                out.write(buffer, 0, n);
                            }
                            out.flush();
                        }
                    } catch (IOException ignored) {
                        // One side went away: close both, as a broken path does.
                    } finally {
                        try {
                            from.close();
                            to.close();
                        } catch (IOException ignored) {
                            // Already closed.
                        }
                    }
                },
                "tcp proxy " + (upstream ? "up" : "down"));
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        sever();
    }
}
