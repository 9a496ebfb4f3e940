package io.satc.runtime.pipeline;

import io.satc.runtime.bundle.TensorDescriptor;
import io.satc.runtime.codec.Activation;
import io.satc.runtime.codec.LongTensor;
import io.satc.runtime.codec.Tensor;
import java.util.Locale;

/**
 * Deterministic stand-in activations for simulation stages, and the checksum that identifies
 * an activation in run reports.
 */
public final class SyntheticActivation {

    private SyntheticActivation() {}

    /**
     * A tensor of {@code shape} filled from a 64-bit LCG with values in [−1, 1): finite, so every
     * codec can encode it, and cheap enough to leave the measured time to the pipeline.
     */
    public static Tensor fill(int[] shape, long seed) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] data = new float[Math.toIntExact(n)];
        long x = mix(seed);
        for (int i = 0; i < data.length; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            data[i] = (x >>> 40) * 0x1.0p-23f - 1.0f;
        }
        return Tensor.of(data, shape);
    }

    /** The seed of one stage's output for one micro-batch, depending on everything upstream. */
    public static long seed(int stageIndex, long microBatchId, long inputChecksum) {
        return mix(mix(stageIndex * 0x9E3779B97F4A7C15L + microBatchId) ^ inputChecksum);
    }

    /** 64-bit FNV-1a over the shape and the raw bits of every element (each int64 as two halves). */
    public static long checksum(Activation activation) {
        long h = 0xcbf29ce484222325L;
        for (int d : activation.shape()) {
            h = (h ^ d) * 0x100000001b3L;
        }
        if (activation instanceof Tensor tensor) {
            for (float v : tensor.data()) {
                h = (h ^ Float.floatToRawIntBits(v)) * 0x100000001b3L;
            }
        } else {
            for (long v : ((LongTensor) activation).data()) {
                h = (h ^ (int) v) * 0x100000001b3L;
                h = (h ^ (int) (v >>> 32)) * 0x100000001b3L;
            }
        }
        return h;
    }

    /**
     * A stand-in for a tensor descriptor: {@link #fill} for float32, and for int64 (token ids,
     * masks) zeros, which every embedding table and mask accepts.
     */
    public static Activation of(TensorDescriptor descriptor, long seed) {
        if ("int64".equals(descriptor.dtype())) {
            return LongTensor.of(new long[Math.toIntExact(descriptor.elementCount())], descriptor.dimensions());
        }
        return fill(descriptor.dimensions(), seed);
    }

    /** A checksum as 16 lowercase hex digits, the form reports print. */
    public static String hex(long checksum) {
        return String.format(Locale.ROOT, "%016x", checksum);
    }

    /** SplitMix64's finaliser: spreads nearby seeds (micro-batch 1, 2, …) over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
