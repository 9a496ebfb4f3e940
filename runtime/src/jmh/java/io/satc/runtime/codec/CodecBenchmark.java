package io.satc.runtime.codec;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Single-thread throughput of each codec on one [8, 128, 384] fp32 activation (1,572,864 bytes).
 *
 * <p>Scores are operations per second of wall time; multiply by 1.572864 for MB/s of fp32
 * activation. Because a shared machine time-slices the benchmark thread, each operation also
 * adds the thread CPU time it used to the {@code cpuNanos} counter: {@code ops · 1.572864e6 /
 * cpuNanos · 1e3} is MB/s per busy core, the figure that does not depend on other load.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {

    @Param({
        "none",
        "fp16",
        "int8",
        "int4",
        "topk(10%)",
        "none+zstd",
        "fp16+zstd",
        "int8+zstd",
        "int4+zstd",
        "topk(10%)+zstd"
    })
    public String codec;

    private final FrameEncoder encoder = new FrameEncoder();
    private final FrameDecoder decoder = new FrameDecoder();
    private Tensor tensor;
    private CodecSpec spec;
    private byte[] frame;

    @Setup(Level.Trial)
    public void setUp() throws UnencodableTensorException {
        // Transformer-like activations: unit Gaussian with a few outlier channels 100x larger.
        Random random = new Random(42);
        int hidden = 384;
        float[] data = new float[8 * 128 * hidden];
        for (int i = 0; i < data.length; i++) {
            int column = i % hidden;
            float x = (float) random.nextGaussian();
            data[i] = column == 17 || column == 200 || column == 301 ? 100 * x : x;
        }
        tensor = new Tensor(new int[] {8, 128, hidden}, data);
        spec = CodecSpec.parse(codec).spec().orElseThrow();
        frame = encoder.encode(tensor, spec, 0).bytes();
    }

    @Benchmark
    public Tensor roundTrip(CpuTime cpu) throws UnencodableTensorException, FrameFormatException {
        long start = cpu.now();
        Tensor result = decoder.decode(encoder.encode(tensor, spec, 0).bytes()).tensor();
        cpu.add(start);
        return result;
    }

    @Benchmark
    public byte[] encode(CpuTime cpu) throws UnencodableTensorException {
        long start = cpu.now();
        byte[] result = encoder.encode(tensor, spec, 0).bytes();
        cpu.add(start);
        return result;
    }

    @Benchmark
    public Tensor decode(CpuTime cpu) throws FrameFormatException {
        long start = cpu.now();
        Tensor result = decoder.decode(frame).tensor();
        cpu.add(start);
        return result;
    }

    /** Per-thread totals of operations and the thread CPU time they took, reported by JMH. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        public long ops;
        public long cpuNanos;

        @Setup(Level.Iteration)
        public void reset() {
            ops = 0;
            cpuNanos = 0;
        }

        long now() {
            return THREADS.getCurrentThreadCpuTime();
        }

        void add(long start) {
            cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
            ops++;
        }
    }
}
