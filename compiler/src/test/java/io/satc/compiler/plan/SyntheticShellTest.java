package io.satc.compiler.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.LinkSchedule;
import io.satc.compiler.lower.TimeWindow;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's synthetic contact plans: every link of a window is up, at no less than its range, throughout. */
class SyntheticShellTest {

    private static final SyntheticShell.Walker SHELL =
            new SyntheticShell.Walker("shell", 6, 11, 2, 780, 86.4, 100e9, 5000);
    private static final List<SyntheticShell.Station> STATIONS = List.of(BenchmarkProblems.SEATTLE);
    private static final String START = "2026-12-04T00:00:00Z";

    @Test
    void everyLinkOfAWindowIsUpAtEverySecondOfItAtItsWorstCase() {
        LinkSchedule schedule = SyntheticShell.schedule(SHELL, STATIONS, START, 1800.0);
        SyntheticShell sampler = SyntheticShell.sampler(SHELL, STATIONS, START);
        assertTrue(
                schedule.windows().size() > 5,
                "links come and go: " + schedule.windows().size() + " windows");
        double[] range = new double[sampler.links()];
        int checked = 0;
        for (TimeWindow w : schedule.windows()) {
            Map<String, Double> delays = new HashMap<>();
            for (Link l : w.links()) {
                delays.put(l.from() + ">" + l.to(), l.propagationSeconds());
            }
            for (double t = Math.ceil(w.startSeconds()); t <= w.endSeconds(); t += 1.0) {
                boolean[] up = sampler.sample(t, range);
                for (int l = 0; l < up.length; l++) {
                    String[] ends = sampler.linkNames(l);
                    Double delay = delays.get(ends[0] + ">" + ends[1]);
                    if (delay != null) {
                        double at = t;
                        int index = l;
                        assertTrue(
                                up[l],
                                () -> ends[0] + "->" + ends[1] + " is down at " + at + " s in " + w.startSeconds());
                        assertTrue(
                                delay >= range[index] / SyntheticShell.SPEED_OF_LIGHT_KM_S,
                                () -> ends[0] + "->" + ends[1] + " is longer at " + at
                                        + " s than its window's worst case");
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 10_000, "checked " + checked);
    }

    @Test
    void namesAndSiderealTime() {
        assertEquals("shell-03-05", SHELL.satellite(3, 5), "plane and slot share the digits of the largest index");
        // GMST at J2000.0 (2000-01-01T12:00:00 UT1) is 18.697374558 h.
        assertEquals(18.697374558 / 24 * 2 * Math.PI, SyntheticShell.gmst(Instant.parse("2000-01-01T12:00:00Z")), 1e-9);
    }
}
