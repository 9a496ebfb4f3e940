package io.satc.compiler.orbit;

import java.util.Arrays;

/**
 * Links of one kind evaluated together: per slot, its geometry and the state of its open contact,
 * all in flat arrays that grow as slots are added (no object per link or per sample).
 *
 * <p>Only the {@code active} slots are sampled; a dynamic table (a {@code range} rule) changes that
 * set between refreshes, and a slot leaves it only while its link is down.
 */
abstract class LinkTable {

    int slots;
    int[] active = new int[16];
    int activeCount;

    /** Ends of each slot: satellite indices, or satellite and station for ground links. */
    int[] a = new int[16];

    int[] b = new int[16];
    double[] rate = new double[16];

    /** Margin, range and sin(elevation) at the previous and the current sample. */
    double[] prevMargin = new double[16];

    double[] prevRange = new double[16];
    double[] curMargin = new double[16];
    double[] curRange = new double[16];
    double[] curSinEl = new double[16];

    /** Open contact: whether up, its start, and the extremes sampled so far (value and time). */
    boolean[] up = new boolean[16];

    double[] start = new double[16];
    double[] minR = new double[16];
    double[] minRt = new double[16];
    double[] maxR = new double[16];
    double[] maxRt = new double[16];
    double[] maxE = new double[16];
    double[] maxEt = new double[16];

    /** Range and sin(elevation) of the last {@link #eval} call. */
    double evalRange;

    double evalSinEl;

    /** Margin of {@code slot} at {@code t}, setting {@link #evalRange} (and {@link #evalSinEl}). */
    abstract double eval(int slot, double t);

    /** Bound of the margin's slope over an interval of length {@code len} with end ranges {@code ra}, {@code rb}. */
    abstract double slopeBound(int slot, double ra, double rb, double len);

    /** Margins, ranges (and sin(elevation)) of the active slots into {@code cur*}. */
    abstract void sample(double[] sat, double[] stationPos, double[] stationUp);

    /** Whether the table's contacts have an elevation. */
    abstract boolean ground();

    /** Adds a slot joining {@code i} and {@code j}; returns its index. */
    int add(int i, int j, double r) {
        if (slots == a.length) {
            grow(Math.max(16, slots * 2));
        }
        a[slots] = i;
        b[slots] = j;
        rate[slots] = r;
        up[slots] = false;
        return slots++;
    }

    void activateAll() {
        if (active.length < slots) {
            active = new int[slots];
        }
        for (int s = 0; s < slots; s++) {
            active[s] = s;
        }
        activeCount = slots;
    }

    void swapSamples() {
        double[] m = prevMargin;
        prevMargin = curMargin;
        curMargin = m;
        double[] r = prevRange;
        prevRange = curRange;
        curRange = r;
    }

    void grow(int n) {
        a = Arrays.copyOf(a, n);
        b = Arrays.copyOf(b, n);
        rate = Arrays.copyOf(rate, n);
        prevMargin = Arrays.copyOf(prevMargin, n);
        prevRange = Arrays.copyOf(prevRange, n);
        curMargin = Arrays.copyOf(curMargin, n);
        curRange = Arrays.copyOf(curRange, n);
        curSinEl = Arrays.copyOf(curSinEl, n);
        up = Arrays.copyOf(up, n);
        start = Arrays.copyOf(start, n);
        minR = Arrays.copyOf(minR, n);
        minRt = Arrays.copyOf(minRt, n);
        maxR = Arrays.copyOf(maxR, n);
        maxRt = Arrays.copyOf(maxRt, n);
        maxE = Arrays.copyOf(maxE, n);
        maxEt = Arrays.copyOf(maxEt, n);
    }
}
