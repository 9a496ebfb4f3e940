package io.satc.compiler.orbit;

import java.util.List;

/**
 * The ground stations as flat arrays: Earth-fixed position and ellipsoid normal of each, rotated
 * into the inertial frame by GMST on demand.
 */
final class Stations {

    final int count;
    /** Earth-fixed position, km, 3 per station. */
    final double[] fixed;
    /** Earth-fixed unit normal of the ellipsoid (geodetic up), 3 per station. */
    final double[] normal;
    /** {@code sin(min_elevation)} per station. */
    final double[] sinMinElevation;
    /** Inertial speed from Earth rotation, km/s (a bound). */
    final double[] speed;

    final double[] downlink;
    private final EarthRotation rotation;

    Stations(List<GroundStation> stations, EarthRotation rotation) {
        this.rotation = rotation;
        count = stations.size();
        fixed = new double[3 * count];
        normal = new double[3 * count];
        sinMinElevation = new double[count];
        speed = new double[count];
        downlink = new double[count];
        for (int k = 0; k < count; k++) {
            GroundStation g = stations.get(k);
            geodeticToFixed(g.latitudeRad(), g.longitudeRad(), g.altitudeKm(), fixed, 3 * k);
            double cl = Math.cos(g.latitudeRad());
            normal[3 * k] = cl * Math.cos(g.longitudeRad());
            normal[3 * k + 1] = cl * Math.sin(g.longitudeRad());
            normal[3 * k + 2] = Math.sin(g.latitudeRad());
            sinMinElevation[k] = Math.sin(g.minElevationRad());
            speed[k] = Earth.ROTATION_RATE_BOUND_RAD_S * Math.hypot(fixed[3 * k], fixed[3 * k + 1]);
            downlink[k] = g.downlinkBitsPerSecond();
        }
    }

    /** WGS84 geodetic coordinates to Earth-fixed Cartesian km. */
    static void geodeticToFixed(double lat, double lon, double altKm, double[] out, int off) {
        double sl = Math.sin(lat);
        double cl = Math.cos(lat);
        double n = Earth.RADIUS_KM / Math.sqrt(1 - Earth.E2 * sl * sl);
        out[off] = (n + altKm) * cl * Math.cos(lon);
        out[off + 1] = (n + altKm) * cl * Math.sin(lon);
        out[off + 2] = (n * (1 - Earth.E2) + altKm) * sl;
    }

    /**
     * Inertial positions and normals of every station at {@code t}: {@code pos} and {@code up} get 3
     * values per station.
     */
    void inertial(double t, double[] pos, double[] up) {
        double theta = rotation.gmstRad(t);
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        for (int k = 0; k < count; k++) {
            int i = 3 * k;
            pos[i] = c * fixed[i] - s * fixed[i + 1];
            pos[i + 1] = s * fixed[i] + c * fixed[i + 1];
            pos[i + 2] = fixed[i + 2];
            up[i] = c * normal[i] - s * normal[i + 1];
            up[i + 1] = s * normal[i] + c * normal[i + 1];
            up[i + 2] = normal[i + 2];
        }
    }

    /** Inertial position and normal of station {@code k} at {@code t}, 3 values each at {@code off}. */
    void inertial(int k, double t, double[] pos, double[] up, int off) {
        double theta = rotation.gmstRad(t);
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        int i = 3 * k;
        pos[off] = c * fixed[i] - s * fixed[i + 1];
        pos[off + 1] = s * fixed[i] + c * fixed[i + 1];
        pos[off + 2] = fixed[i + 2];
        up[off] = c * normal[i] - s * normal[i + 1];
        up[off + 1] = s * normal[i] + c * normal[i + 1];
        up[off + 2] = normal[i + 2];
    }
}
