package io.satc.compiler.plan;

import io.satc.compiler.lower.ModelUnit;
import io.satc.compiler.lower.PlacementProblem;
import java.util.List;

/**
 * Every stage a plan of one problem can have, as a window of consecutive units {@code first..last}:
 * its summed FLOPs and weights and its memory need (cost model §4, with {@code A_in} the activation
 * that enters unit {@code first}), summed once per problem in unit order. The search, its
 * frontier bound and the infeasibility explainer all enumerate stages through this one table, so
 * they agree to the last bit; the {@link Evaluator} keeps its own sums, as the reference they are
 * tested against.
 */
final class StageWindows {

    private final int b;
    /** Per cut j + 1: bytes per sample of the activation after unit j (the raw input for j = −1). */
    private final double[] activation;
    /** Per first unit, per {@code last − first}: the window's summed FLOPs per sample. */
    private final double[][] flops;
    /** The same for weight bytes. */
    private final double[][] weights;
    /** The same for the memory a stage of the window needs on any node ({@link Costs#memoryBytes}). */
    private final double[][] memory;

    StageWindows(PlacementProblem problem) {
        List<ModelUnit> units = problem.units();
        int n = units.size();
        this.b = problem.microBatchSize();
        this.activation = new double[n + 1];
        activation[0] = problem.inputBytesPerSample();
        for (int j = 0; j < n; j++) {
            activation[j + 1] = units.get(j).outBytesPerSample();
        }
        this.flops = new double[n][];
        this.weights = new double[n][];
        this.memory = new double[n][];
        for (int first = 0; first < n; first++) {
            flops[first] = new double[n - first];
            weights[first] = new double[n - first];
            memory[first] = new double[n - first];
            double f = 0.0;
            double w = 0.0;
            double maxOut = 0.0;
            for (int last = first; last < n; last++) {
                ModelUnit unit = units.get(last);
                f += unit.flopsPerSample();
                w += unit.weightBytes();
                maxOut = Math.max(maxOut, unit.outBytesPerSample());
                flops[first][last - first] = f;
                weights[first][last - first] = w;
                memory[first][last - first] = Costs.memoryBytes(b, w, activation[first], maxOut);
            }
        }
    }

    /** Bytes per sample of the activation after unit {@code j}; the raw input for {@code j = −1}. */
    double activation(int j) {
        return activation[j + 1];
    }

    /** Summed FLOPs per sample of units {@code first..last}. */
    double flops(int first, int last) {
        return flops[first][last - first];
    }

    /** Seconds per micro-batch that units {@code first..last} compute on a node of {@code computeFlops}. */
    double computeSeconds(int first, int last, double computeFlops) {
        return Costs.computeSeconds(b, flops[first][last - first], computeFlops);
    }

    /** Memory a stage running units {@code first..last} needs: weights plus twice the largest activation. */
    double memoryBytes(int first, int last) {
        return memory[first][last - first];
    }

    /**
     * The last unit of the longest window from {@code first} whose memory need fits
     * {@code memoryBytes} ({@code first − 1} when not even unit {@code first} fits). The need grows
     * with the window (weights and activations are non-negative, and rounded addition and max
     * are monotone), so every shorter window fits too.
     */
    int lastFitting(int first, double memoryBytes) {
        return first + fitting(memory[first], memoryBytes) - 1;
    }

    /** The same by weights alone, the relaxation of memory that the cheap bound uses. */
    int lastFittingWeights(int first, double memoryBytes) {
        return first + fitting(weights[first], memoryBytes) - 1;
    }

    /** How many leading entries of a non-decreasing row are at most {@code limit}. */
    private static int fitting(double[] row, double limit) {
        int lo = 0;
        int hi = row.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (row[mid] > limit) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
