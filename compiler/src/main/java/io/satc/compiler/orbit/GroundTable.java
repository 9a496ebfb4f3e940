package io.satc.compiler.orbit;

/** Satellite-to-station links, one slot per satellite and station: an elevation margin per slot. */
final class GroundTable extends LinkTable {

    private final Ephemeris ephemeris;
    private final Stations stations;
    private final double[] sat = new double[3];
    private final double[] pos = new double[3];
    private final double[] upv = new double[3];
    private final double[] outRange = new double[1];
    private final double[] outSinEl = new double[1];

    GroundTable(Ephemeris ephemeris, Stations stations) {
        this.ephemeris = ephemeris;
        this.stations = stations;
        for (int i = 0; i < ephemeris.count; i++) {
            for (int k = 0; k < stations.count; k++) {
                add(i, k, stations.downlink[k]);
            }
        }
        activateAll();
    }

    @Override
    double eval(int slot, double t) {
        ephemeris.position(a[slot], t, sat, 0);
        stations.inertial(b[slot], t, pos, upv, 0);
        double m = LinkMath.ground(sat, 0, pos, upv, 0, stations.sinMinElevation[b[slot]], outRange, outSinEl, 0);
        evalRange = outRange[0];
        evalSinEl = outSinEl[0];
        return m;
    }

    @Override
    double slopeBound(int slot, double ra, double rb, double len) {
        return LinkMath.groundSlopeBound(ephemeris.speed[a[slot]] + stations.speed[b[slot]], ra, rb, len);
    }

    @Override
    void sample(double[] satellites, double[] stationPos, double[] stationUp) {
        for (int k = 0; k < activeCount; k++) {
            int s = active[k];
            curMargin[s] = LinkMath.ground(
                    satellites,
                    3 * a[s],
                    stationPos,
                    stationUp,
                    3 * b[s],
                    stations.sinMinElevation[b[s]],
                    curRange,
                    curSinEl,
                    s);
        }
    }

    @Override
    boolean ground() {
        return true;
    }
}
