package io.satc.compiler.orbit;

import java.util.Arrays;

/**
 * Finds every edge of one link inside a sampling interval, exactly.
 *
 * <p>The margin {@code f} (positive while up) has a slope bound {@code L} on the interval
 * ({@link LinkTable#slopeBound}). If both ends have the same sign and {@code |f(a)| + |f(b)| > L (b - a)},
 * {@code f} cannot reach zero in between, so nothing is missed there; otherwise the interval is halved
 * until that holds or it is shorter than {@link #RESOLUTION_S}. A sign change is solved by a bracketing
 * Illinois (regula falsi) iteration with bisection safeguard to {@link #EDGE_TOLERANCE_S}, and both
 * sides of the root are scanned again, so several edges within one interval are all found. Only an
 * up or down spell shorter than {@link #RESOLUTION_S} can be missed.
 */
final class EdgeScanner {

    /** Spells shorter than this may be missed (merged into their neighbours). */
    static final double RESOLUTION_S = 1e-3;

    /** Width of the final bracket of each edge. */
    static final double EDGE_TOLERANCE_S = 1e-6;

    private double[] times = new double[8];
    private boolean[] rising = new boolean[8];
    private int count;

    private LinkTable table;
    private int slot;

    /** Edges of the last {@link #scan}, in time order: {@code time(k)}, {@code rising(k)}. */
    int count() {
        return count;
    }

    double time(int k) {
        return times[k];
    }

    boolean rising(int k) {
        return rising[k];
    }

    /** Whether the interval can hold no edge at all (the cheap test done before any scan). */
    static boolean quiet(double fa, double fb, double slope, double len) {
        return (fa >= 0) == (fb >= 0) && Math.abs(fa) + Math.abs(fb) > slope * len;
    }

    /** Collects the edges of {@code slot} in {@code [ta, tb]} given the margins and ranges at its ends. */
    void scan(LinkTable t, int s, double ta, double fa, double ra, double tb, double fb, double rb) {
        table = t;
        slot = s;
        count = 0;
        recurse(ta, fa, ra, tb, fb, rb);
    }

    private void recurse(double ta, double fa, double ra, double tb, double fb, double rb) {
        double len = tb - ta;
        boolean ua = fa >= 0;
        boolean ub = fb >= 0;
        if (ua == ub) {
            if (len <= RESOLUTION_S || Math.abs(fa) + Math.abs(fb) > table.slopeBound(slot, ra, rb, len) * len) {
                return;
            }
            double tm = ta + len / 2;
            double fm = table.eval(slot, tm);
            double rm = table.evalRange;
            recurse(ta, fa, ra, tm, fm, rm);
            recurse(tm, fm, rm, tb, fb, rb);
            return;
        }
        // A sign change: shrink the bracket [lo, hi] around one root, keeping f(lo) on a's side.
        double lo = ta;
        double flo = fa;
        double rlo = ra;
        double hi = tb;
        double fhi = fb;
        double rhi = rb;
        double wlo = fa; // Illinois weights: the stored values, halved when one end stalls
        double whi = fb;
        int side = 0;
        double widthBefore = hi - lo;
        int step = 0;
        while (hi - lo > EDGE_TOLERANCE_S) {
            double t;
            if (step % 3 == 2 && hi - lo > 0.5 * widthBefore) {
                t = 0.5 * (lo + hi); // the secant steps did not halve the bracket: bisect
            } else {
                t = (lo * whi - hi * wlo) / (whi - wlo);
                double margin = 0.25 * EDGE_TOLERANCE_S;
                if (!(t > lo + margin)) {
                    t = lo + margin;
                } else if (!(t < hi - margin)) {
                    t = hi - margin;
                }
            }
            if (step % 3 == 2) {
                widthBefore = hi - lo;
            }
            step++;
            double f = table.eval(slot, t);
            double r = table.evalRange;
            if ((f >= 0) == ua) {
                lo = t;
                flo = f;
                rlo = r;
                wlo = f;
                if (side == -1) {
                    whi /= 2;
                }
                side = -1;
            } else {
                hi = t;
                fhi = f;
                rhi = r;
                whi = f;
                if (side == 1) {
                    wlo /= 2;
                }
                side = 1;
            }
        }
        recurse(ta, fa, ra, lo, flo, rlo);
        add(ub ? hi : lo, ub);
        recurse(hi, fhi, rhi, tb, fb, rb);
    }

    private void add(double t, boolean up) {
        if (count == times.length) {
            times = Arrays.copyOf(times, count * 2);
            rising = Arrays.copyOf(rising, count * 2);
        }
        times[count] = t;
        rising[count] = up;
        count++;
    }
}
