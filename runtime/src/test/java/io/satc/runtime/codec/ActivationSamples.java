package io.satc.runtime.codec;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random activation-like tensors for tests: Gaussian rows with outlier columns, zeros and signed zeros. */
final class ActivationSamples {

    private ActivationSamples() {}

    /** Shapes of rank 1 to 4 with small dimensions (rows up to 100 so int4 groups and topk ties show). */
    static Arbitrary<int[]> shapes() {
        Arbitrary<Integer> rank = Arbitraries.integers().between(1, 4);
        return rank.flatMap(r -> Arbitraries.integers()
                .between(1, 5)
                .array(int[].class)
                .ofSize(r - 1)
                .flatMap(lead -> Arbitraries.integers().between(1, 100).map(last -> {
                    int[] shape = java.util.Arrays.copyOf(lead, r);
                    shape[r - 1] = last;
                    return shape;
                })));
    }

    /** Finite tensors; magnitudes stay below the int4 and fp16 ranges. */
    static Arbitrary<Tensor> finiteTensors() {
        return Combinators.combine(shapes(), Arbitraries.longs()).as(ActivationSamples::sample);
    }

    /** A deterministic sample for {@code shape} from {@code seed}. */
    static Tensor sample(int[] shape, long seed) {
        Random random = new Random(seed);
        int elements = 1;
        for (int d : shape) {
            elements *= d;
        }
        int rowLength = shape[shape.length - 1];
        float[] data = new float[elements];
        float scale = (float) Math.pow(10, random.nextInt(7) - 4); // 1e-4 .. 1e2
        boolean[] outlier = new boolean[rowLength];
        for (int c = 0; c < Math.max(1, rowLength / 50); c++) {
            outlier[random.nextInt(rowLength)] = random.nextBoolean();
        }
        int style = random.nextInt(8);
        for (int i = 0; i < elements; i++) {
            float x = (float) random.nextGaussian() * scale;
            if (outlier[i % rowLength]) {
                x *= 100;
            }
            switch (style) {
                case 0: // sparse: mostly exact zeros, some negative zeros
                    x = random.nextInt(4) == 0 ? x : (random.nextBoolean() ? 0f : -0f);
                    break;
                case 1: // heavy ties: a few distinct values
                    x = (random.nextInt(5) - 2) * scale;
                    break;
                case 2: // tiny, including fp32 subnormals
                    x *= 0x1p-130f;
                    break;
                default:
                    break;
            }
            data[i] = x;
        }
        if (random.nextInt(10) == 0) {
            java.util.Arrays.fill(data, 0, Math.min(elements, rowLength), 0f); // an all-zero row
        }
        return new Tensor(shape, data);
    }

    static Tensor gaussian(long seed, int... shape) {
        Random random = new Random(seed);
        int elements = 1;
        for (int d : shape) {
            elements *= d;
        }
        float[] data = new float[elements];
        for (int i = 0; i < elements; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return new Tensor(shape, data);
    }
}
