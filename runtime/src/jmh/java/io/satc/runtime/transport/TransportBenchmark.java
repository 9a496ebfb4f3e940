package io.satc.runtime.transport;

import io.satc.runtime.codec.CodecSpec;
import io.satc.runtime.codec.FrameDecoder;
import io.satc.runtime.codec.FrameEncoder;
import io.satc.runtime.codec.FrameFormatException;
import io.satc.runtime.codec.Tensor;
import io.satc.runtime.codec.UnencodableTensorException;
import io.satc.runtime.trust.Certificates;
import io.satc.runtime.trust.Keys;
import java.lang.management.ManagementFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-hop overhead of framing plus transport for one [8, 128, 384] fp32 activation (a
 * 1,572,908-byte frame with codec {@code none}), natively over loopback gRPC.
 *
 * <p>{@link #hop} is one micro-batch's one-way trip: encode with {@link FrameEncoder}, send through
 * a {@link FrameSender}, receive from the {@link LinkInbox}, {@link FrameDecoder#decode}. Sender
 * and receiver live in this JVM and the benchmark thread does both ends, so the elapsed time is
 * measured on one clock with no echo: it is the latency from "activation ready at the sender" to
 * "activation decoded at the receiver", each micro-batch sent only after the previous one arrived
 * (no queueing). {@link #framing} (encode + decode, no network) and {@link #transport} (send +
 * receive of ready bytes) split it. Sample-time mode records every invocation, so JMH prints the
 * median and p99 over thousands of micro-batches.
 *
 * <p>On a shared machine the wall-clock figures include waiting for a core. After each iteration
 * the benchmark therefore also prints the whole JVM's CPU time per operation (sender, receiver,
 * network threads, JIT and GC together), which other load changes little.
 *
 * <p>{@code tls}: the same over mutual TLS 1.3 as nodes use it (docs/transport.md), to measure
 * what encryption costs per hop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Netty and gRPC are large: on a busy 2-core machine C2 needs some 15-20 s to finish compiling them.
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class TransportBenchmark {

    /** HTTP/2 flow-control window in MiB; below the frame size a frame waits for a window update. */
    @Param({"16"})
    public int flowControlMiB;

    /** Plaintext, or mutual TLS 1.3 as between the nodes of a mission (ECDSA P-256 node keys, BoringSSL). */
    @Param({"false", "true"})
    public boolean tls;

    private final FrameEncoder encoder = new FrameEncoder();
    private final FrameDecoder decoder = new FrameDecoder();
    private Tensor tensor;
    private byte[] frame;
    private FrameServer server;
    private FrameSender sender;
    private LinkInbox inbox;
    private long microBatch;
    private long iterationOps;
    private long iterationCpuNanos;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Random random = new Random(42);
        float[] data = new float[8 * 128 * 384];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        tensor = new Tensor(new int[] {8, 128, 384}, data);
        frame = encoder.encode(tensor, CodecSpec.NONE, 0).bytes();
        TransportOptions options = TransportOptions.defaults().withFlowControlWindow(flowControlMiB << 20);
        if (tls) {
            KeyPair caKey = Keys.generate();
            X509Certificate ca = Certificates.selfSignedCa(caKey, "bench");
            Map<String, X509Certificate> certificates = new TreeMap<>();
            Map<String, KeyPair> keys = new TreeMap<>();
            Map<String, String> pins = new TreeMap<>();
            for (String node : List.of("sender", "bench")) {
                KeyPair key = Certificates.nodeKey(new SecureRandom());
                keys.put(node, key);
                certificates.put(node, Certificates.issue(caKey.getPrivate(), ca, node, key.getPublic()));
                pins.put(node, MutualTls.pin(certificates.get(node)));
            }
            server = FrameServer.start(
                    "127.0.0.1",
                    0,
                    Map.of("bench", "sender"),
                    options,
                    new MutualTls(
                            "bench",
                            keys.get("bench").getPrivate(),
                            certificates.get("bench"),
                            ca,
                            pins,
                            System.err::println));
            sender = FrameSender.connect(
                    "bench",
                    new Peer("bench", "127.0.0.1", server.port()),
                    options,
                    new MutualTls(
                            "sender",
                            keys.get("sender").getPrivate(),
                            certificates.get("sender"),
                            ca,
                            pins,
                            System.err::println));
        } else {
            server = FrameServer.start("127.0.0.1", 0, List.of("bench"), options);
            sender = FrameSender.connect("bench", new Peer("bench", "127.0.0.1", server.port()), options);
        }
        inbox = server.inbox("bench");
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        iterationOps = 0;
        iterationCpuNanos = processCpuNanos();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        double cpuMs = (processCpuNanos() - iterationCpuNanos) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "  [JVM CPU %.3f ms/op over %d ops, load average %.2f]%n",
                cpuMs / iterationOps,
                iterationOps,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        sender.finish();
        if (!(inbox.receive() instanceof Delivery.EndOfStream)) {
            throw new IllegalStateException("the benchmark left messages behind");
        }
        sender.close();
        server.close();
    }

    @Benchmark
    public Tensor hop()
            throws UnencodableTensorException, TransportException, InterruptedException, FrameFormatException {
        iterationOps++;
        long id = microBatch++;
        sender.send(id, encoder.encode(tensor, CodecSpec.NONE, id).bytes());
        Delivery.Message m = (Delivery.Message) inbox.receive();
        return decoder.decode(m.payload()).tensor();
    }

    @Benchmark
    public Tensor framing() throws UnencodableTensorException, FrameFormatException {
        iterationOps++;
        return decoder.decode(
                        encoder.encode(tensor, CodecSpec.NONE, microBatch++).bytes())
                .tensor();
    }

    @Benchmark
    public byte[] transport() throws TransportException, InterruptedException {
        iterationOps++;
        sender.send(microBatch++, frame);
        return ((Delivery.Message) inbox.receive()).payload();
    }
}
