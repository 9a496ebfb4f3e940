package io.satc.compiler.model.calibration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the output of a compressed run is compared with the uncompressed one, giving ℓ ≥ 0.
 *
 * <p>Outputs are {@code [samples, positions, width]} row-major; a mask {@code [samples,
 * positions]} marks the real (non-padded) positions. When the output has a different number of
 * positions than the mask (a pooled output, say), every position counts.
 */
public enum CalibrationMetric {
    /**
     * The fraction of real positions whose argmax over the last axis differs from the uncompressed
     * model's (ties go to the lower index): next-token disagreement for a decoder.
     */
    TOP1 {
        @Override
        public double loss(float[] reference, float[] actual, int samples, int width, long[] mask) {
            int positions = positions(reference, actual, samples, width);
            boolean useMask = mask.length == samples * positions;
            long counted = 0;
            long differing = 0;
            for (int p = 0; p < samples * positions; p++) {
                if (useMask && mask[p] == 0) {
                    continue;
                }
                counted++;
                if (argmax(reference, p * width, width) != argmax(actual, p * width, width)) {
                    differing++;
                }
            }
            return counted == 0 ? 0.0 : (double) differing / counted;
        }
    },
    /**
     * One minus the mean over samples of the cosine similarity between the mask-weighted mean of
     * the output vectors (a sentence embedding) and the uncompressed one's.
     */
    COSINE {
        @Override
        public double loss(float[] reference, float[] actual, int samples, int width, long[] mask) {
            int positions = positions(reference, actual, samples, width);
            boolean useMask = mask.length == samples * positions;
            double sum = 0;
            for (int s = 0; s < samples; s++) {
                double[] a = new double[width];
                double[] b = new double[width];
                long count = 0;
                for (int t = 0; t < positions; t++) {
                    int p = s * positions + t;
                    if (useMask && mask[p] == 0) {
                        continue;
                    }
                    count++;
                    for (int c = 0; c < width; c++) {
                        a[c] += reference[p * width + c];
                        b[c] += actual[p * width + c];
                    }
                }
                sum += count == 0 ? 1.0 : cosine(a, b);
            }
            // Dividing the pooled sums by the count does not change the cosine, so it is skipped.
            return Math.max(0.0, 1.0 - sum / samples);
        }
    };

    /**
     * The loss of {@code actual} against {@code reference}, both {@code [samples, positions,
     * width]}; identical arrays give exactly 0.
     */
    public abstract double loss(float[] reference, float[] actual, int samples, int width, long[] mask);

    /** Lower-case name, as in tables, JSON and the cache key. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The metric named {@code label} (`top1`, `cosine`), case-insensitively. */
    public static Optional<CalibrationMetric> fromLabel(String label) {
        for (CalibrationMetric m : values()) {
            if (m.label().equalsIgnoreCase(label)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static int positions(float[] reference, float[] actual, int samples, int width) {
        if (reference.length != actual.length) {
            throw new IllegalArgumentException(
                    "outputs of " + reference.length + " and " + actual.length + " elements");
        }
        if (samples < 1 || width < 1 || reference.length % ((long) samples * width) != 0) {
            throw new IllegalArgumentException(
                    reference.length + " elements are not " + samples + " samples of rows of " + width);
        }
        return reference.length / (samples * width);
    }

    static int argmax(float[] values, int from, int width) {
        int best = from;
        for (int i = from + 1; i < from + width; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best - from;
    }

    /** Cosine similarity in [-1, 1]; exactly 1 for identical vectors, 1 for two zero vectors. */
    static double cosine(double[] a, double[] b) {
        if (Arrays.equals(a, b)) {
            return 1.0;
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        if (na == 0 || nb == 0) {
            return 0.0;
        }
        return Math.max(-1.0, Math.min(1.0, dot / (Math.sqrt(na) * Math.sqrt(nb))));
    }
}
