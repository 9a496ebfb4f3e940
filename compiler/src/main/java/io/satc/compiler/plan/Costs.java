package io.satc.compiler.plan;

import java.util.Locale;

/**
 * The cost-model formulas that both the evaluator and the search compute; keeping each as one
 * expression here makes their floating-point results identical, so the two never disagree on a tie.
 */
final class Costs {

    private Costs() {}

    static double bits(int microBatchSize, double bytesPerSample) {
        return 8.0 * microBatchSize * bytesPerSample;
    }

    static double computeSeconds(int microBatchSize, double flops, double computeFlops) {
        return computeFlops > 0 ? microBatchSize * flops / computeFlops : Double.POSITIVE_INFINITY;
    }

    static double memoryBytes(int microBatchSize, double weights, double inBytes, double maxOutBytes) {
        return weights + 2.0 * microBatchSize * Math.max(inBytes, maxOutBytes);
    }

    static double volume(int batch, double bytesPerSample, int hops) {
        return batch * bytesPerSample * hops;
    }

    static double latency(double serviceAndDelay, int microBatches, double bottleneck) {
        return serviceAndDelay + (microBatches - 1) * bottleneck;
    }

    /** Memory in GB, or MB / kB below a gigabyte, so a 3 MB satellite does not read "0.00 GB". */
    static String memory(double bytes) {
        if (bytes >= 1e9) {
            return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
        }
        if (bytes >= 1e6) {
            return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f kB", bytes / 1e3);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }
}
