package io.satc.runtime.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two network namespaces joined by a veth pair, {@code A} (10.77.N.1) and {@code B}
 * (10.77.N.2), whose link a test can blackhole: a token-bucket filter (tc tbf) of 8 bit/s with a
 * one-byte bucket on both ends drops every packet while both processes stay alive, as a link out
 * of sight does. Needs root and the {@code ip} and {@code tc} tools; {@link #unavailable} says
 * why not where they are missing.
 */
final class NetworkNamespaces implements AutoCloseable {

    final String a;
    final String b;
    final String addressA;
    final String addressB;
    private final String vethA;
    private final String vethB;

    private NetworkNamespaces(int n) {
        long pid = ProcessHandle.current().pid() % 100_000;
        a = "satc" + pid + "a" + n;
        b = "satc" + pid + "b" + n;
        vethA = "sv" + pid + "a" + n;
        vethB = "sv" + pid + "b" + n;
        addressA = "10.77." + n + ".1";
        addressB = "10.77." + n + ".2";
    }

    /** Why namespaces cannot be made here, or null when they can. */
    static String unavailable() {
        try {
            if (!run("id", "-u").strip().equals("0")) {
                return "network namespaces need root (run .ci/run as root)";
            }
            NetworkNamespaces probe = create(250);
            probe.blackhole(true);
            probe.blackhole(false);
            probe.close();
            return null;
        } catch (IOException | InterruptedException e) {
            return "cannot make network namespaces with ip and tc here: " + e.getMessage();
        }
    }

    /** Namespaces with pair number {@code n} (1 … 250), distinct for tests that run at once. */
    static NetworkNamespaces create(int n) throws IOException, InterruptedException {
        NetworkNamespaces ns = new NetworkNamespaces(n);
        ns.deleteQuietly();
        run("ip", "netns", "add", ns.a);
        run("ip", "netns", "add", ns.b);
        run("ip", "link", "add", ns.vethA, "type", "veth", "peer", "name", ns.vethB);
        run("ip", "link", "set", ns.vethA, "netns", ns.a);
        run("ip", "link", "set", ns.vethB, "netns", ns.b);
        run("ip", "-n", ns.a, "addr", "add", ns.addressA + "/30", "dev", ns.vethA);
        run("ip", "-n", ns.b, "addr", "add", ns.addressB + "/30", "dev", ns.vethB);
        for (String[] side : new String[][] {{ns.a, ns.vethA}, {ns.b, ns.vethB}}) {
            run("ip", "-n", side[0], "link", "set", side[1], "up");
            run("ip", "-n", side[0], "link", "set", "lo", "up");
        }
        return ns;
    }

    /** Drops every packet on the link in both directions (true), or lets them through again. */
    void blackhole(boolean on) throws IOException, InterruptedException {
        for (String[] side : new String[][] {{a, vethA}, {b, vethB}}) {
            if (on) {
                run(
                        "ip", "netns", "exec", side[0], "tc", "qdisc", "add", "dev", side[1], "root", "tbf", "rate",
                        "8bit", "burst", "1", "limit", "1");
            } else {
                run("ip", "netns", "exec", side[0], "tc", "qdisc", "del", "dev", side[1], "root");
            }
        }
    }

    private void deleteQuietly() {
        for (String ns : List.of(a, b)) {
            try {
                run("ip", "netns", "del", ns);
            } catch (IOException | InterruptedException e) {
                // Not there: nothing to delete.
            }
        }
    }

    @Override
    public void close() {
        deleteQuietly();
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
        return output;
    }
}
