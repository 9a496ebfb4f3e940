package io.satc.compiler.plan;

import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.LinkSchedule;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.lower.TimeWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Small random moving constellations for cost model 2's tests: a {@link RandomProblems} problem
 * whose links come and go over one to five windows. Some links stay up for the whole horizon (the
 * problem's own links), the others are up in some windows only, slower or longer there (their
 * worst case); a window sometimes repeats the previous one's links exactly (so windows share a
 * class) and sometimes loses every link into the sink (dark for every plan). Durations are often
 * equal, so that duration-weighted means tie.
 */
final class RandomSchedules {

    private RandomSchedules() {}

    static PlacementProblem generate(long seed, boolean deep) {
        PlacementProblem base = RandomProblems.generate(seed, deep);
        Random rnd = new Random(seed * 31 + 7);
        List<Link> persistent = new ArrayList<>();
        List<Link> moving = new ArrayList<>();
        for (Link l : base.links()) {
            (rnd.nextDouble() < 0.3 ? persistent : moving).add(l);
        }
        int count = 1 + rnd.nextInt(5);
        boolean discrete = rnd.nextBoolean();
        List<TimeWindow> windows = new ArrayList<>();
        List<Link> previous = null;
        double at = 0.0;
        for (int w = 0; w < count; w++) {
            double length = discrete ? new double[] {10.0, 20.0}[rnd.nextInt(2)] : 5.0 + 30.0 * rnd.nextDouble();
            List<Link> links;
            if (previous != null && rnd.nextDouble() < 0.25) {
                links = previous;
            } else {
                links = new ArrayList<>();
                boolean sinkDark = rnd.nextDouble() < 0.15;
                for (Link l : moving) {
                    if (rnd.nextDouble() < 0.3 || (sinkDark && l.to().equals(base.sink()))) {
                        continue;
                    }
                    double rate = l.rateBitsPerSecond() * (rnd.nextDouble() < 0.3 ? 0.5 : 1.0);
                    double delay = l.propagationSeconds() * (rnd.nextDouble() < 0.3 ? 2.0 : 1.0);
                    links.add(new Link(l.from(), l.to(), rate, delay));
                }
            }
            windows.add(new TimeWindow(at, at + length, links));
            at += length;
            previous = links;
        }
        return new PlacementProblem(
                base.mission(),
                base.units(),
                base.inputBytesPerSample(),
                base.batch(),
                base.microBatches(),
                base.nodes(),
                persistent,
                base.codecs(),
                base.source(),
                base.sink(),
                base.maxLoss(),
                base.maxStages(),
                Optional.of(new LinkSchedule("2026-12-04T00:00:00Z", at, windows)));
    }
}
