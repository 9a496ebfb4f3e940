package io.satc.runtime.codec;

import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * <p>Scores are operations per second; multiply by 1.572864 for MB/s of fp32 activation per core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {

    @Param({"none", "fp16", "int8", "int4", "topk(10%)", "none+zstd", "fp16+zstd", "int8+zstd", "int4+zstd",
            "topk(10%)+zstd"})
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
    public Tensor roundTrip() throws UnencodableTensorException, FrameFormatException {
        return decoder.decode(encoder.encode(tensor, spec, 0).bytes()).tensor();
    }

    @Benchmark
    public byte[] encode() throws UnencodableTensorException {
        return encoder.encode(tensor, spec, 0).bytes();
    }

    @Benchmark
    public Tensor decode() throws FrameFormatException {
        return decoder.decode(frame).tensor();
    }
}
