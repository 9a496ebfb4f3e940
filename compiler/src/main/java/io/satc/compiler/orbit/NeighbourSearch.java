package io.satc.compiler.orbit;

import java.util.Arrays;

/**
 * All pairs of points closer than a radius, through a uniform grid of cubic cells as wide as the
 * radius: a point's partners lie in its own or the 26 adjacent cells, so the work grows with the
 * number of points and close pairs, not with all pairs. Buffers are kept between calls.
 */
final class NeighbourSearch {

    /** Receives each pair once, {@code i < j} by index into {@code members}' values. */
    interface Sink {
        void pair(int i, int j);
    }

    private static final long OFFSET = 1L << 20;
    private static final long MASK = (1L << 21) - 1;

    private long[] keys = new long[0];
    private long[] sorted = new long[0];
    private int[] bucketStart = new int[0];
    private int[] order = new int[0];

    /** Calls {@code sink} for every pair of {@code members} with distance at most {@code radius} at {@code pos}. */
    void pairs(double[] pos, int[] members, int n, double radius, Sink sink) {
        if (keys.length < n) {
            keys = new long[n];
            sorted = new long[n];
            bucketStart = new int[n + 1];
            order = new int[n];
        }
        for (int m = 0; m < n; m++) {
            int i = 3 * members[m];
            keys[m] = key(cell(pos[i], radius), cell(pos[i + 1], radius), cell(pos[i + 2], radius));
        }
        System.arraycopy(keys, 0, sorted, 0, n);
        Arrays.sort(sorted, 0, n);
        int buckets = 0;
        for (int m = 0; m < n; m++) {
            if (m == 0 || sorted[m] != sorted[m - 1]) {
                sorted[buckets++] = sorted[m];
            }
        }
        // Counting sort of the members by bucket.
        Arrays.fill(bucketStart, 0, buckets + 1, 0);
        int[] bucketOf = new int[n];
        for (int m = 0; m < n; m++) {
            bucketOf[m] = Arrays.binarySearch(sorted, 0, buckets, keys[m]);
            bucketStart[bucketOf[m] + 1]++;
        }
        for (int k = 0; k < buckets; k++) {
            bucketStart[k + 1] += bucketStart[k];
        }
        int[] fill = Arrays.copyOf(bucketStart, buckets);
        for (int m = 0; m < n; m++) {
            order[fill[bucketOf[m]]++] = m;
        }
        double r2 = radius * radius;
        for (int m = 0; m < n; m++) {
            long k = keys[m];
            long cx = k >>> 42;
            long cy = (k >>> 21) & MASK;
            long cz = k & MASK;
            int i = 3 * members[m];
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    for (long dz = -1; dz <= 1; dz++) {
                        int bkt = Arrays.binarySearch(sorted, 0, buckets, key(cx + dx, cy + dy, cz + dz));
                        if (bkt < 0) {
                            continue;
                        }
                        for (int q = bucketStart[bkt]; q < bucketStart[bkt + 1]; q++) {
                            int o = order[q];
                            if (members[o] <= members[m]) {
                                continue;
                            }
                            int j = 3 * members[o];
                            double ex = pos[j] - pos[i];
                            double ey = pos[j + 1] - pos[i + 1];
                            double ez = pos[j + 2] - pos[i + 2];
                            if (ex * ex + ey * ey + ez * ez <= r2) {
                                sink.pair(members[m], members[o]);
                            }
                        }
                    }
                }
            }
        }
    }

    private static long cell(double x, double radius) {
        return (long) Math.floor(x / radius) + OFFSET;
    }

    private static long key(long cx, long cy, long cz) {
        return (cx << 42) | ((cy & MASK) << 21) | (cz & MASK);
    }
}
