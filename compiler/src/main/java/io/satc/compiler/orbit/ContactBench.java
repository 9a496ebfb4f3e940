package io.satc.compiler.orbit;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times contact computation (docs/orbits.md, "Performance"): the Starlink-class Walker shell
 * (72 × 22, 53°, 550 km, phasing 39) and the Iridium-like one (6 × 11, 86.4°, 780 km), grid ISLs,
 * 90 minutes, with one and with three ground stations, plus the shell with {@code range} ISLs.
 *
 * <p>Each case runs once cold (what a fresh {@code satc contacts} pays, JIT warm-up included), then
 * is timed several times warm; wall-clock minimum / median / maximum with the load average, since
 * the machine may be shared.
 */
public final class ContactBench {

    private ContactBench() {}

    /**
     * {@code ContactBench [RUNS]} runs every case; {@code ContactBench --once} solves the 1,584-satellite
     * shell with one station once, as a fresh {@code satc contacts} process would (bench/contacts.sh
     * times that process, JVM start included).
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--once")) {
            long t0 = System.nanoTime();
            ContactPlan plan = OrbitGeometry.of(starlinkClass(1)).contacts();
            System.out.println(String.format(
                    Locale.ROOT,
                    "once: %d contacts in %.0f ms (in process)",
                    plan.contacts().size(),
                    (System.nanoTime() - t0) / 1e6));
            return;
        }
        run(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 5);
    }

    /** The Starlink-class shell of issue 9 with grid ISLs and 1 or 3 stations, 90 minutes. */
    static Scenario starlinkClass(int stations) {
        WalkerDelta shell = new WalkerDelta("shell", 72, 22, 39, 550, Math.toRadians(53), Propagation.TWO_BODY);
        return new Scenario(
                new Horizon(Instant.parse("2026-12-04T00:00:00Z"), 5400),
                shell.satellites(),
                stations(stations),
                List.of(new LinkRule.Grid(shell, 100e9, 5000)));
    }

    private static List<GroundStation> stations(int n) {
        List<GroundStation> all = List.of(
                station("seattle", 47.6, -122.3), station("beijing", 39.9, 116.4), station("madrid", 40.4, -3.7));
        return all.subList(0, n);
    }

    /** Runs every case {@code runs} times warm, printing to {@code out}. */
    public static void run(PrintStream out, int runs) {
        Instant start = Instant.parse("2026-12-04T00:00:00Z");
        WalkerDelta shell = new WalkerDelta("shell", 72, 22, 39, 550, Math.toRadians(53), Propagation.TWO_BODY);
        WalkerDelta iridium = new WalkerDelta("iri", 6, 11, 2, 780, Math.toRadians(86.4), Propagation.TWO_BODY);
        List<GroundStation> one = List.of(station("seattle", 47.6, -122.3));
        List<GroundStation> three = List.of(
                station("seattle", 47.6, -122.3), station("beijing", 39.9, 116.4), station("madrid", 40.4, -3.7));
        Horizon horizon = new Horizon(start, 5400);
        List<Object[]> cases = new ArrayList<>();
        for (WalkerDelta w : List.of(shell, iridium)) {
            for (List<GroundStation> g : List.of(one, three)) {
                LinkRule grid = new LinkRule.Grid(w, 100e9, 5000);
                cases.add(new Object[] {
                    w.name() + " " + w.planes() + "x" + w.perPlane() + ", grid ISLs, " + g.size() + " station(s)",
                    new Scenario(horizon, w.satellites(), g, List.of(grid))
                });
            }
        }
        List<String> members = shell.satellites().stream().map(Satellite::name).toList();
        cases.add(new Object[] {
            "shell 72x22, range ISLs (max 1000 km), 1 station",
            new Scenario(horizon, shell.satellites(), one, List.of(new LinkRule.Range(members, 10e9, 1000)))
        });
        for (Object[] c : cases) {
            Scenario s = (Scenario) c[1];
            long t0 = System.nanoTime();
            OrbitGeometry g = OrbitGeometry.of(s);
            double cold = (System.nanoTime() - t0) / 1e6;
            double[] wall = new double[runs];
            for (int r = 0; r < runs; r++) {
                long w0 = System.nanoTime();
                g = OrbitGeometry.of(s);
                wall[r] = (System.nanoTime() - w0) / 1e6;
            }
            Arrays.sort(wall);
            ContactPlan p = g.contacts();
            out.println(String.format(
                    Locale.ROOT,
                    "%s: %d satellites, %d ISL and %d ground contacts, step %.2f s;"
                            + " cold %.0f ms, warm %d runs %.0f / %.0f / %.0f ms (min/median/max); load %.2f",
                    c[0],
                    p.satellites().size(),
                    p.contacts(ContactKind.ISL).size(),
                    p.contacts(ContactKind.GROUND).size(),
                    g.sampleStepSeconds(),
                    cold,
                    runs,
                    wall[0],
                    wall[runs / 2],
                    wall[runs - 1],
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }
    }

    private static GroundStation station(String name, double latDeg, double lonDeg) {
        return new GroundStation(name, Math.toRadians(latDeg), Math.toRadians(lonDeg), 0.05, Math.toRadians(25), 0.5e9);
    }
}
