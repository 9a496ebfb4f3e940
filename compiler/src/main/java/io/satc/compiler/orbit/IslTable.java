package io.satc.compiler.orbit;

import java.util.Arrays;

/** Inter-satellite links: a margin of range and line of sight per slot. */
final class IslTable extends LinkTable {

    private final Ephemeris ephemeris;
    private double[] maxRange = new double[16];
    private final double[] pair = new double[6];
    private final double[] out = new double[1];

    IslTable(Ephemeris ephemeris) {
        this.ephemeris = ephemeris;
    }

    /** Adds the link {@code i}–{@code j} with its rule's rate and maximum range ({@code +inf}: line of sight only). */
    int add(int i, int j, double rateBitsPerSecond, double maxRangeKm) {
        int s = add(i, j, rateBitsPerSecond);
        maxRange[s] = maxRangeKm;
        return s;
    }

    @Override
    void grow(int n) {
        super.grow(n);
        maxRange = Arrays.copyOf(maxRange, n);
    }

    double maxRange(int slot) {
        return maxRange[slot];
    }

    @Override
    double eval(int slot, double t) {
        ephemeris.position(a[slot], t, pair, 0);
        ephemeris.position(b[slot], t, pair, 3);
        double m = LinkMath.isl(pair, 0, 3, maxRange[slot], out, 0);
        evalRange = out[0];
        return m;
    }

    @Override
    double slopeBound(int slot, double ra, double rb, double len) {
        return ephemeris.speed[a[slot]] + ephemeris.speed[b[slot]];
    }

    @Override
    void sample(double[] sat, double[] stationPos, double[] stationUp) {
        for (int k = 0; k < activeCount; k++) {
            int s = active[k];
            curMargin[s] = LinkMath.isl(sat, 3 * a[s], 3 * b[s], maxRange[s], curRange, s);
        }
    }

    @Override
    boolean ground() {
        return false;
    }
}
