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

    /** A ground station: WGS84 position, the least elevation of a contact and the downlink rate. */
    record Station(
            String name,
            double latitudeDeg,
            double longitudeDeg,
            double altitudeKm,
            double minElevationDeg,
            double downlinkBitsPerSecond) {}

    /** The shell: {@code planes × perPlane} satellites named {@code name-PP-SS}. */
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
            int pd = Integer.toString(planes - 1).length();
            int sd = Integer.toString(perPlane - 1).length();
            return String.format(Locale.ROOT, "%s-%0" + pd + "d-%0" + sd + "d", name, p, s);
        }
    }

    private SyntheticShell() {}

    /** The schedule of {@code walker} and {@code stations} from {@code start} over {@code durationSeconds}. */
    static LinkSchedule schedule(Walker walker, List<Station> stations, String start, double durationSeconds) {
        int planes = walker.planes();
        int per = walker.perPlane();
        int sats = planes * per;
        double a = EARTH_RADIUS_KM + walker.altitudeKm();
        double n = Math.sqrt(MU_KM3_S2 / (a * a * a));
        double inc = Math.toRadians(walker.inclinationDeg());
        double[] cosRaan = new double[sats];
        double[] sinRaan = new double[sats];
        double[] u0 = new double[sats];
        for (int p = 0; p < planes; p++) {
            double raan = 2 * Math.PI * p / planes;
            for (int s = 0; s < per; s++) {
                int i = p * per + s;
                cosRaan[i] = Math.cos(raan);
                sinRaan[i] = Math.sin(raan);
                u0[i] = 2 * Math.PI * s / per + 2 * Math.PI * walker.phasing() * p / sats;
            }
        }
        // Grid ISLs as unordered pairs: in-plane neighbour s+1, and the same slot in plane p+1 (with the seam).
        List<int[]> isl = new ArrayList<>();
        for (int p = 0; p < planes; p++) {
            for (int s = 0; s < per; s++) {
                if (per > 1) {
                    isl.add(new int[] {p * per + s, p * per + (s + 1) % per});
                }
                if (planes > 1 && (planes > 2 || p == 0)) {
                    isl.add(new int[] {p * per + s, ((p + 1) % planes) * per + s});
                }
            }
        }
        int stationCount = stations.size();
        double[][] ground = new double[stationCount][];
        double[][] up = new double[stationCount][];
        for (int g = 0; g < stationCount; g++) {
            Station st = stations.get(g);
            double lat = Math.toRadians(st.latitudeDeg());
            double lon = Math.toRadians(st.longitudeDeg());
            double e2 = FLATTENING * (2 - FLATTENING);
            double nRad = EARTH_RADIUS_KM / Math.sqrt(1 - e2 * Math.sin(lat) * Math.sin(lat));
            ground[g] = new double[] {
                (nRad + st.altitudeKm()) * Math.cos(lat) * Math.cos(lon),
                (nRad + st.altitudeKm()) * Math.cos(lat) * Math.sin(lon),
                (nRad * (1 - e2) + st.altitudeKm()) * Math.sin(lat)
            };
            up[g] = new double[] {Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)};
        }
        int links = isl.size() + sats * stationCount;
        double theta0 = gmst(Instant.parse(start));
        int lastSample = (int) Math.ceil(durationSeconds);
        double[] x = new double[sats];
        double[] y = new double[sats];
        double[] z = new double[sats];
        boolean[] open = null;
        double[] range = new double[links];
        double[] windowMax = new double[links];
        List<TimeWindow> windows = new ArrayList<>();
        String[] names = new String[sats];
        for (int i = 0; i < sats; i++) {
            names[i] = walker.satellite(i / per, i % per);
        }
        Link[][] last = new Link[links][2];
        double windowStart = 0.0;
        double limit = EARTH_RADIUS_KM + 80.0;
        for (int k = 0; k <= lastSample; k++) {
            double t = Math.min(k, durationSeconds);
            boolean[] now = sample(
                    walker, stations, isl, theta0, n, a, inc, cosRaan, sinRaan, u0, ground, up, limit, t, x, y, z,
                    range);
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
                windows.add(window(walker, stations, isl, names, kept, windowMax, last, windowStart, t));
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

    /** Positions at time {@code t} (Earth-fixed, km) and which links are up, with their ranges. */
    private static boolean[] sample(
            Walker walker,
            List<Station> stations,
            List<int[]> isl,
            double theta0,
            double n,
            double a,
            double inc,
            double[] cosRaan,
            double[] sinRaan,
            double[] u0,
            double[][] ground,
            double[][] up,
            double limit,
            double t,
            double[] x,
            double[] y,
            double[] z,
            double[] range) {
        int sats = x.length;
        double theta = theta0 + EARTH_ROTATION_RAD_S * t;
        double ct = Math.cos(theta);
        double st = Math.sin(theta);
        double ci = Math.cos(inc);
        double si = Math.sin(inc);
        for (int i = 0; i < sats; i++) {
            double u = u0[i] + n * t;
            double cu = Math.cos(u);
            double su = Math.sin(u);
            double xi = a * (cosRaan[i] * cu - sinRaan[i] * su * ci);
            double yi = a * (sinRaan[i] * cu + cosRaan[i] * su * ci);
            // Earth-fixed: the inertial frame turned by GMST about z.
            x[i] = ct * xi + st * yi;
            y[i] = -st * xi + ct * yi;
            z[i] = a * su * si;
        }
        boolean[] now = new boolean[isl.size() + sats * stations.size()];
        for (int l = 0; l < isl.size(); l++) {
            int i = isl.get(l)[0];
            int j = isl.get(l)[1];
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
            now[l] = mx * mx + my * my + mz * mz >= limit * limit && range[l] <= walker.islMaxRangeKm();
        }
        for (int g = 0; g < stations.size(); g++) {
            double sinMin = Math.sin(Math.toRadians(stations.get(g).minElevationDeg()));
            for (int i = 0; i < sats; i++) {
                double dx = x[i] - ground[g][0];
                double dy = y[i] - ground[g][1];
                double dz = z[i] - ground[g][2];
                double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                int l = isl.size() + g * sats + i;
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
    private static TimeWindow window(
            Walker walker,
            List<Station> stations,
            List<int[]> isl,
            String[] names,
            boolean[] kept,
            double[] maxRange,
            Link[][] last,
            double start,
            double end) {
        int sats = names.length;
        List<Link> out = new ArrayList<>();
        for (int l = 0; l < isl.size(); l++) {
            if (kept[l]) {
                double delay = maxRange[l] / SPEED_OF_LIGHT_KM_S;
                if (last[l][0] == null || last[l][0].propagationSeconds() != delay) {
                    String a = names[isl.get(l)[0]];
                    String b = names[isl.get(l)[1]];
                    last[l][0] = new Link(a, b, walker.islBitsPerSecond(), delay);
                    last[l][1] = new Link(b, a, walker.islBitsPerSecond(), delay);
                }
                out.add(last[l][0]);
                out.add(last[l][1]);
            }
        }
        for (int g = 0; g < stations.size(); g++) {
            for (int i = 0; i < sats; i++) {
                int l = isl.size() + g * sats + i;
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
