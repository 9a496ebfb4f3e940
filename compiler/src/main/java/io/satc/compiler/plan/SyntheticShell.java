package io.satc.compiler.plan;

import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.LinkSchedule;
import io.satc.compiler.lower.TimeWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A synthetic contact plan for the planner benchmark: the links of a circular two-body Walker
 * delta shell with grid ISLs and ground stations, sampled once a second, cut into windows wherever
 * the set of links that are up changes, each link at its largest range in the window. It follows
 * the geometry of shared/spec/orbits.md §2 (Walker phasing, GMST (IAU-82) rotation, WGS84 stations,
 * elevation from the ellipsoid normal, line of sight above R + 80 km) but is not the project's
 * geometry package: it exists so that the benchmark has realistic windows of the right number and
 * shape, and it is labelled synthetic wherever its figures are printed. Edges are known to the
 * second (the spec allows sampling at 1 s); a link counts as up for a window when it is up at every
 * sample of the window and at the sample that ends it.
 */
final class SyntheticShell {

    static final double EARTH_RADIUS_KM = 6378.137;
    static final double MU_KM3_S2 = 398600.4418;
    static final double FLATTENING = 1 / 298.257223563;
    static final double SPEED_OF_LIGHT_KM_S = 299_792.458;
    static final double EARTH_ROTATION_RAD_S = 7.2921158553e-5;
    private static final double LINE_OF_SIGHT_KM = EARTH_RADIUS_KM + 80.0;

    /** A ground station: WGS84 position, the least elevation of a contact and the downlink rate. */
    record Station(
            String name,
            double latitudeDeg,
            double longitudeDeg,
            double altitudeKm,
            double minElevationDeg,
            double downlinkBitsPerSecond) {}

    /**
     * The shell: {@code planes × perPlane} satellites named {@code name-PP-SS}, plane and slot
     * padded to the digits of the largest index of either (as the contract names them).
     */
    record Walker(
            String name,
            int planes,
            int perPlane,
            int phasing,
            double altitudeKm,
            double inclinationDeg,
            double islBitsPerSecond,
            double islMaxRangeKm) {

        String satellite(int p, int s) {
            int digits = Integer.toString(Math.max(planes - 1, perPlane - 1)).length();
            return String.format(Locale.ROOT, "%s-%0" + digits + "d-%0" + digits + "d", name, p, s);
        }
    }

    private final Walker walker;
    private final List<Station> stations;
    private final int sats;
    private final double radius;
    private final double meanMotion;
    private final double cosInc;
    private final double sinInc;
    private final double[] cosRaan;
    private final double[] sinRaan;
    private final double[] u0;
    /** Grid ISLs as pairs of satellite indices: the in-plane neighbour and the same slot one plane on. */
    private final int[][] isl;
    /** Per station: Earth-fixed position (km) and the ellipsoid normal. */
    private final double[][] ground;

    private final double[][] up;
    private final double theta0;
    private final String[] names;
    /** Earth-fixed positions at the last sample. */
    private final double[] x;

    private final double[] y;
    private final double[] z;

    private SyntheticShell(Walker walker, List<Station> stations, String start) {
        this.walker = walker;
        this.stations = List.copyOf(stations);
        int planes = walker.planes();
        int per = walker.perPlane();
        sats = planes * per;
        radius = EARTH_RADIUS_KM + walker.altitudeKm();
        meanMotion = Math.sqrt(MU_KM3_S2 / (radius * radius * radius));
        cosInc = Math.cos(Math.toRadians(walker.inclinationDeg()));
        sinInc = Math.sin(Math.toRadians(walker.inclinationDeg()));
        cosRaan = new double[sats];
        sinRaan = new double[sats];
        u0 = new double[sats];
        names = new String[sats];
        List<int[]> pairs = new ArrayList<>();
        for (int p = 0; p < planes; p++) {
            double raan = 2 * Math.PI * p / planes;
            for (int s = 0; s < per; s++) {
                int i = p * per + s;
                cosRaan[i] = Math.cos(raan);
                sinRaan[i] = Math.sin(raan);
                u0[i] = 2 * Math.PI * s / per + 2 * Math.PI * walker.phasing() * p / sats;
                names[i] = walker.satellite(p, s);
                if (per > 1) {
                    pairs.add(new int[] {i, p * per + (s + 1) % per});
                }
                if (planes > 2 || (planes == 2 && p == 0)) {
                    pairs.add(new int[] {i, ((p + 1) % planes) * per + s});
                }
            }
        }
        isl = pairs.toArray(new int[0][]);
        ground = new double[stations.size()][];
        up = new double[stations.size()][];
        double e2 = FLATTENING * (2 - FLATTENING);
        for (int g = 0; g < stations.size(); g++) {
            Station st = stations.get(g);
            double lat = Math.toRadians(st.latitudeDeg());
            double lon = Math.toRadians(st.longitudeDeg());
            double nRad = EARTH_RADIUS_KM / Math.sqrt(1 - e2 * Math.sin(lat) * Math.sin(lat));
            ground[g] = new double[] {
                (nRad + st.altitudeKm()) * Math.cos(lat) * Math.cos(lon),
                (nRad + st.altitudeKm()) * Math.cos(lat) * Math.sin(lon),
                (nRad * (1 - e2) + st.altitudeKm()) * Math.sin(lat)
            };
            up[g] = new double[] {Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)};
        }
        theta0 = gmst(Instant.parse(start));
        x = new double[sats];
        y = new double[sats];
        z = new double[sats];
    }

    /** The schedule of {@code walker} and {@code stations} from {@code start} over {@code durationSeconds}. */
    static LinkSchedule schedule(Walker walker, List<Station> stations, String start, double durationSeconds) {
        SyntheticShell shell = new SyntheticShell(walker, stations, start);
        int links = shell.linkCount();
        int lastSample = (int) Math.ceil(durationSeconds);
        double[] range = new double[links];
        double[] windowMax = new double[links];
        Link[][] last = new Link[links][2];
        List<TimeWindow> windows = new ArrayList<>();
        boolean[] open = null;
        double windowStart = 0.0;
        for (int k = 0; k <= lastSample; k++) {
            double t = Math.min(k, durationSeconds);
            boolean[] now = shell.sample(t, range);
            if (open != null && (k == lastSample || !Arrays.equals(open, now))) {
                // Close the window that began at windowStart: its links are those up at every sample
                // of it and still up at this one, at their largest range over all of these samples.
                boolean[] kept = new boolean[links];
                for (int l = 0; l < links; l++) {
                    kept[l] = open[l] && now[l];
                    if (kept[l]) {
                        windowMax[l] = Math.max(windowMax[l], range[l]);
                    }
                }
                windows.add(shell.window(kept, windowMax, last, windowStart, t));
                windowStart = t;
                open = null;
                Arrays.fill(windowMax, 0.0);
            }
            if (open == null) {
                open = now;
            }
            for (int l = 0; l < links; l++) {
                if (now[l]) {
                    windowMax[l] = Math.max(windowMax[l], range[l]);
                }
            }
        }
        return new LinkSchedule(start, durationSeconds, windows);
    }

    /** ISLs first, then for each station one downlink per satellite. */
    private int linkCount() {
        return isl.length + sats * stations.size();
    }

    /** Which links are up at {@code t} seconds from the start, with every link's range in {@code range}. */
    boolean[] sample(double t, double[] range) {
        double theta = theta0 + EARTH_ROTATION_RAD_S * t;
        double ct = Math.cos(theta);
        double st = Math.sin(theta);
        for (int i = 0; i < sats; i++) {
            double u = u0[i] + meanMotion * t;
            double cu = Math.cos(u);
            double su = Math.sin(u);
            double xi = radius * (cosRaan[i] * cu - sinRaan[i] * su * cosInc);
            double yi = radius * (sinRaan[i] * cu + cosRaan[i] * su * cosInc);
            // Earth-fixed: the inertial frame turned by GMST about z.
            x[i] = ct * xi + st * yi;
            y[i] = -st * xi + ct * yi;
            z[i] = radius * su * sinInc;
        }
        boolean[] now = new boolean[linkCount()];
        for (int l = 0; l < isl.length; l++) {
            int i = isl[l][0];
            int j = isl[l][1];
            double dx = x[j] - x[i];
            double dy = y[j] - y[i];
            double dz = z[j] - z[i];
            double d2 = dx * dx + dy * dy + dz * dz;
            // The point of the segment nearest Earth's centre must stay above R + 80 km.
            double tc = Math.max(0, Math.min(1, -(x[i] * dx + y[i] * dy + z[i] * dz) / d2));
            double mx = x[i] + tc * dx;
            double my = y[i] + tc * dy;
            double mz = z[i] + tc * dz;
            range[l] = Math.sqrt(d2);
            now[l] = mx * mx + my * my + mz * mz >= LINE_OF_SIGHT_KM * LINE_OF_SIGHT_KM
                    && range[l] <= walker.islMaxRangeKm();
        }
        for (int g = 0; g < stations.size(); g++) {
            double sinMin = Math.sin(Math.toRadians(stations.get(g).minElevationDeg()));
            for (int i = 0; i < sats; i++) {
                double dx = x[i] - ground[g][0];
                double dy = y[i] - ground[g][1];
                double dz = z[i] - ground[g][2];
                double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                int l = isl.length + g * sats + i;
                range[l] = d;
                now[l] = (dx * up[g][0] + dy * up[g][1] + dz * up[g][2]) / d >= sinMin;
            }
        }
        return now;
    }

    /**
     * A window's links: the ISLs (both directions) and downlinks in {@code kept}, at their largest
     * range; a link equal to the one of the previous window it was up in is that very object.
     */
    private TimeWindow window(boolean[] kept, double[] maxRange, Link[][] last, double start, double end) {
        List<Link> out = new ArrayList<>();
        for (int l = 0; l < isl.length; l++) {
            if (kept[l]) {
                double delay = maxRange[l] / SPEED_OF_LIGHT_KM_S;
                if (last[l][0] == null || last[l][0].propagationSeconds() != delay) {
                    String a = names[isl[l][0]];
                    String b = names[isl[l][1]];
                    last[l][0] = new Link(a, b, walker.islBitsPerSecond(), delay);
                    last[l][1] = new Link(b, a, walker.islBitsPerSecond(), delay);
                }
                out.add(last[l][0]);
                out.add(last[l][1]);
            }
        }
        for (int g = 0; g < stations.size(); g++) {
            for (int i = 0; i < sats; i++) {
                int l = isl.length + g * sats + i;
                if (kept[l]) {
                    double delay = maxRange[l] / SPEED_OF_LIGHT_KM_S;
                    if (last[l][0] == null || last[l][0].propagationSeconds() != delay) {
                        last[l][0] = new Link(
                                names[i],
                                stations.get(g).name(),
                                stations.get(g).downlinkBitsPerSecond(),
                                delay);
                    }
                    out.add(last[l][0]);
                }
            }
        }
        return new TimeWindow(start, end, out);
    }

    /** The shell's sampler, for tests that re-check its windows. */
    static SyntheticShell sampler(Walker walker, List<Station> stations, String start) {
        return new SyntheticShell(walker, stations, start);
    }

    /** The directed links that {@link #sample} reports as up, as (from, to) names, by link index. */
    String[] linkNames(int l) {
        if (l < isl.length) {
            return new String[] {names[isl[l][0]], names[isl[l][1]]};
        }
        int g = (l - isl.length) / sats;
        return new String[] {names[(l - isl.length) % sats], stations.get(g).name()};
    }

    int links() {
        return linkCount();
    }

    /** Greenwich mean sidereal time (IAU-82) at {@code instant}, UT1 taken as UTC, in radians. */
    static double gmst(Instant instant) {
        double jd = 2440587.5 + instant.getEpochSecond() / 86400.0 + instant.getNano() / 86400e9;
        double t = (jd - 2451545.0) / 36525.0;
        double seconds = 67310.54841 + (876600.0 * 3600 + 8640184.812866) * t + 0.093104 * t * t - 6.2e-6 * t * t * t;
        double s = seconds % 86400.0;
        if (s < 0) {
            s += 86400.0;
        }
        return 2 * Math.PI * s / 86400.0;
    }
}
