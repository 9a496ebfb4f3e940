package io.satc.compiler.orbit;

/**
 * The two link conditions as margins (positive while up), on flat coordinate arrays, shared by the
 * vectorised sampling and the scalar root-finding so both evaluate one formula.
 */
final class LinkMath {

    /** {@code R + 80 km}: an ISL segment must stay farther than this from Earth's centre. */
    static final double LINE_OF_SIGHT_RADIUS_KM = Earth.RADIUS_KM + Earth.LINE_OF_SIGHT_ALTITUDE_KM;

    private LinkMath() {}

    /**
     * Margin of an ISL between the points at {@code p[i..i+2]} and {@code p[j..j+2]}: the smaller of
     * {@code maxRange - range} and the segment's clearance above {@link #LINE_OF_SIGHT_RADIUS_KM}
     * (both km). Writes the range to {@code range[r]}.
     */
    static double isl(double[] p, int i, int j, double maxRangeKm, double[] range, int r) {
        double ax = p[i];
        double ay = p[i + 1];
        double az = p[i + 2];
        double dx = p[j] - ax;
        double dy = p[j + 1] - ay;
        double dz = p[j + 2] - az;
        double dd = dx * dx + dy * dy + dz * dz;
        double d = Math.sqrt(dd);
        range[r] = d;
        // The point of the segment closest to the centre: a + s (b - a), s clamped to [0, 1].
        double s = dd > 0 ? -(ax * dx + ay * dy + az * dz) / dd : 0;
        s = s < 0 ? 0 : (s > 1 ? 1 : s);
        double cx = ax + s * dx;
        double cy = ay + s * dy;
        double cz = az + s * dz;
        double clearance = Math.sqrt(cx * cx + cy * cy + cz * cz) - LINE_OF_SIGHT_RADIUS_KM;
        return Math.min(maxRangeKm - d, clearance);
    }

    /**
     * Margin of a ground contact: {@code sin(elevation) - sin(min_elevation)}, the elevation of the
     * satellite at {@code sat[i..]} seen from the station at {@code pos[k..]} with unit normal
     * {@code up[k..]}. Writes the range to {@code range[r]} and {@code sin(elevation)} to
     * {@code sinElevation[r]}.
     */
    static double ground(
            double[] sat,
            int i,
            double[] pos,
            double[] up,
            int k,
            double sinMinElevation,
            double[] range,
            double[] sinElevation,
            int r) {
        double dx = sat[i] - pos[k];
        double dy = sat[i + 1] - pos[k + 1];
        double dz = sat[i + 2] - pos[k + 2];
        double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
        double se = (dx * up[k] + dy * up[k + 1] + dz * up[k + 2]) / d;
        range[r] = d;
        sinElevation[r] = se;
        return se - sinMinElevation;
    }

    /**
     * Bound of {@code |d margin / dt|} of a ground contact over an interval of length {@code len}
     * whose ends have ranges {@code ra} and {@code rb}: the line of sight turns at most at
     * {@code (v_sat + v_station) / range} and the normal at Earth's rotation rate.
     */
    static double groundSlopeBound(double speed, double ra, double rb, double len) {
        double low = Math.min(ra, rb) - speed * len / 2;
        if (!(low > 1)) {
            low = 1; // a station never comes within 1 km of a satellite; keeps the bound finite
        }
        return speed / low + Earth.ROTATION_RATE_BOUND_RAD_S;
    }
}
