package io.satc.runtime.fault;

import io.satc.runtime.cli.RuntimeMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One stage's {@code satc-runtime node} in a JVM of its own (in a network namespace when given
 * one), its standard output and error in files; killed when the test ends.
 */
final class NodeProcess implements AutoCloseable {

    final String node;
    final Process process;
    private final Path out;
    private final Path err;

    private NodeProcess(String node, Process process, Path out, Path err) {
        this.node = node;
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code node} of {@code mission} with {@code extra} options, inside {@code namespace} unless null. */
    static NodeProcess start(
            FaultMission mission, String node, Path peers, Path logs, String namespace, String... extra)
            throws IOException {
        List<String> command = new ArrayList<>();
        if (namespace != null) {
            command.addAll(List.of("ip", "netns", "exec", namespace));
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                RuntimeMain.class.getName(),
                "node",
                mission.bundle().toString(),
                "--node",
                node,
                "--peers",
                peers.toString(),
                "--trust",
                mission.trust().toString(),
                "--identity",
                mission.identities().toString()));
        command.addAll(List.of(extra));
        Files.createDirectories(logs);
        Path out = logs.resolve(node + ".out");
        Path err = logs.resolve(node + ".err");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new NodeProcess(node, p, out, err);
    }

    String out() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    String err() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** Waits until the node has said it listens (it verified the bundle and opened its port). */
    void awaitListening(long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!err().contains(" listening on ")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(node + " did not start: " + err());
            }
            Thread.sleep(50);
        }
    }

    /** Waits until the node says its run started (its links are up and the first micro-batch is on its way). */
    void awaitStarted(long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!err().contains(": the run started: ")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(node + " did not start its run: " + err());
            }
            Thread.sleep(20);
        }
    }

    /** The exit code, after waiting at most {@code seconds}. */
    int exit(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError(node + " did not finish within " + seconds + " s: " + err());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
