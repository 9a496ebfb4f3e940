package io.satc.compiler.orbit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Computes the contacts of a scenario: samples every satellite at a fixed step (flat arrays, no
 * allocation per sample), evaluates every candidate link's margin there, and hands intervals that
 * may hold an edge to the {@link EdgeScanner}. Extremes of range and elevation over each contact
 * are refined by golden-section search around the best sample.
 *
 * <p>The step is {@code P_min / 400} (P_min the shortest orbital period, about 14 s for LEO),
 * clamped to [1 s, 20 s]. It only trades sampling against scanning: the edge scanner's slope bounds
 * make the result exact whatever the step.
 */
final class ContactSolver {

    /** Golden-section iterations for an extreme: shrinks a 2-step bracket below 1e-5 s. */
    private static final int GOLDEN_STEPS = 34;

    private final Horizon horizon;
    private final Ephemeris ephemeris;
    private final Stations stations;
    private final List<String> satelliteNames;
    private final List<String> stationNames;
    private final List<LinkTable> fixed = new ArrayList<>();
    private final List<RangeLinks> ranges = new ArrayList<>();
    private final EdgeScanner scanner = new EdgeScanner();
    private final List<Contact> contacts = new ArrayList<>();
    private final double step;
    private final int intervals;

    ContactSolver(
            Horizon horizon,
            List<Satellite> satellites,
            List<LinkRule> rules,
            Ephemeris ephemeris,
            Stations stations,
            List<String> stationNames) {
        this.horizon = horizon;
        this.ephemeris = ephemeris;
        this.stations = stations;
        this.satelliteNames = satellites.stream().map(Satellite::name).toList();
        this.stationNames = stationNames;
        this.step = sampleStep(ephemeris, horizon);
        this.intervals = Math.max(1, (int) Math.ceil(horizon.durationSeconds() / step - 1e-9));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < satelliteNames.size(); i++) {
            index.put(satelliteNames.get(i), i);
        }
        IslTable isl = new IslTable(ephemeris);
        PairMap taken = new PairMap();
        for (LinkRule r : rules) {
            if (r instanceof LinkRule.LineOfSight los) {
                Integer i = index.get(los.a());
                Integer j = index.get(los.b());
                if (i != null && j != null && !i.equals(j) && claim(taken, i, j)) {
                    isl.add(Math.min(i, j), Math.max(i, j), los.rateBitsPerSecond(), Double.POSITIVE_INFINITY);
                }
            }
        }
        for (LinkRule r : rules) {
            if (r instanceof LinkRule.Grid grid) {
                WalkerDelta w = grid.walker();
                for (int p = 0; p < w.planes(); p++) {
                    for (int s = 0; s < w.perPlane(); s++) {
                        Integer i = index.get(w.satelliteName(p, s));
                        Integer inPlane = index.get(w.satelliteName(p, (s + 1) % w.perPlane()));
                        Integer crossPlane = index.get(w.satelliteName((p + 1) % w.planes(), s));
                        for (Integer j : new Integer[] {inPlane, crossPlane}) {
                            if (i != null && j != null && !i.equals(j) && claim(taken, i, j)) {
                                isl.add(Math.min(i, j), Math.max(i, j), grid.rateBitsPerSecond(), grid.maxRangeKm());
                            }
                        }
                    }
                }
            }
        }
        isl.activateAll();
        fixed.add(isl);
        if (stations.count > 0 && ephemeris.count > 0) {
            fixed.add(new GroundTable(ephemeris, stations));
        }
        List<boolean[]> earlier = new ArrayList<>();
        for (LinkRule r : rules) {
            if (r instanceof LinkRule.Range range) {
                boolean[] member = new boolean[ephemeris.count];
                List<Integer> members = new ArrayList<>();
                for (String n : range.satellites()) {
                    Integer i = index.get(n);
                    if (i != null && !member[i]) {
                        member[i] = true;
                        members.add(i);
                    }
                }
                ranges.add(new RangeLinks(range, members, taken, List.copyOf(earlier)));
                earlier.add(member);
            }
        }
    }

    /** Marks the pair taken by an earlier rule; false if it already was. */
    private static boolean claim(PairMap taken, int i, int j) {
        long k = key(i, j);
        if (taken.contains(k)) {
            return false;
        }
        taken.put(k, 1);
        return true;
    }

    /** The sampling step for these satellites over this horizon, seconds (before rounding to the horizon). */
    static double sampleStep(Ephemeris ephemeris, Horizon horizon) {
        double shortest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < ephemeris.count; i++) {
            shortest = Math.min(shortest, ephemeris.period(i));
        }
        double s = shortest / 400;
        return Math.min(Math.min(20, horizon.durationSeconds()), Math.max(1, s));
    }

    /** The step actually used: the horizon split into equal intervals. */
    double step() {
        return horizon.durationSeconds() / intervals;
    }

    List<Contact> solve() {
        double h = step();
        double[] sat = new double[3 * ephemeris.count];
        double[] stationPos = new double[3 * stations.count];
        double[] stationUp = new double[3 * stations.count];
        List<LinkTable> tables = new ArrayList<>(fixed);
        ranges.forEach(r -> tables.add(r.table));
        for (int k = 0; k <= intervals; k++) {
            double t = k == intervals ? horizon.durationSeconds() : k * h;
            ephemeris.positions(t, sat);
            stations.inertial(t, stationPos, stationUp);
            for (LinkTable table : tables) {
                table.sample(sat, stationPos, stationUp);
                if (k > 0) {
                    double t0 = (k - 1) * h;
                    for (int q = 0; q < table.activeCount; q++) {
                        advance(table, table.active[q], t0, t, sat);
                    }
                } else {
                    for (int q = 0; q < table.activeCount; q++) {
                        int s = table.active[q];
                        if (table.curMargin[s] >= 0) {
                            open(table, s, 0);
                        }
                    }
                }
            }
            for (RangeLinks r : ranges) {
                if (k < intervals && k % r.refreshEvery == 0) {
                    r.refresh(sat, t, stationPos, stationUp);
                }
            }
            for (LinkTable table : tables) {
                table.swapSamples();
            }
        }
        double end = horizon.durationSeconds();
        for (LinkTable table : tables) {
            for (int q = 0; q < table.activeCount; q++) {
                int s = table.active[q];
                if (table.up[s]) {
                    close(table, s, end);
                }
            }
        }
        contacts.sort(Contact.ORDER);
        return contacts;
    }

    private void advance(LinkTable table, int s, double t0, double t1, double[] sat) {
        double f0 = table.prevMargin[s];
        double f1 = table.curMargin[s];
        double r0 = table.prevRange[s];
        double r1 = table.curRange[s];
        double len = t1 - t0;
        if (!EdgeScanner.quiet(f0, f1, table.slopeBound(s, r0, r1, len), len)) {
            scanner.scan(table, s, t0, f0, r0, t1, f1, r1);
            for (int e = 0; e < scanner.count(); e++) {
                if (scanner.rising(e)) {
                    open(table, s, scanner.time(e));
                } else {
                    close(table, s, scanner.time(e));
                }
            }
        }
        if (table.up[s]) {
            track(table, s, t1, r1, table.curSinEl[s]);
        }
    }

    private void open(LinkTable table, int s, double t) {
        table.eval(s, t);
        table.up[s] = true;
        table.start[s] = t;
        table.minR[s] = table.evalRange;
        table.maxR[s] = table.evalRange;
        table.minRt[s] = t;
        table.maxRt[s] = t;
        table.maxE[s] = table.evalSinEl;
        table.maxEt[s] = t;
    }

    private static void track(LinkTable table, int s, double t, double range, double sinEl) {
        if (range < table.minR[s]) {
            table.minR[s] = range;
            table.minRt[s] = t;
        }
        if (range > table.maxR[s]) {
            table.maxR[s] = range;
            table.maxRt[s] = t;
        }
        if (sinEl > table.maxE[s]) {
            table.maxE[s] = sinEl;
            table.maxEt[s] = t;
        }
    }

    private void close(LinkTable table, int s, double t) {
        table.eval(s, t);
        track(table, s, t, table.evalRange, table.evalSinEl);
        table.up[s] = false;
        double start = table.start[s];
        double h = step();
        double minRange = -extreme(table, s, start, t, table.minRt[s], h, Extreme.MIN_RANGE);
        double maxRange = extreme(table, s, start, t, table.maxRt[s], h, Extreme.MAX_RANGE);
        minRange = Math.min(minRange, table.minR[s]);
        maxRange = Math.max(maxRange, table.maxR[s]);
        String na = satelliteNames.get(table.a[s]);
        if (table.ground()) {
            double sinEl = Math.max(table.maxE[s], extreme(table, s, start, t, table.maxEt[s], h, Extreme.MAX_SIN_EL));
            contacts.add(new Contact(
                    na,
                    stationNames.get(table.b[s]),
                    ContactKind.GROUND,
                    start,
                    t,
                    minRange,
                    maxRange,
                    OptionalDouble.of(Math.toDegrees(Math.asin(Math.min(1, sinEl)))),
                    table.rate[s]));
        } else {
            String nb = satelliteNames.get(table.b[s]);
            boolean ordered = na.compareTo(nb) < 0;
            contacts.add(new Contact(
                    ordered ? na : nb,
                    ordered ? nb : na,
                    ContactKind.ISL,
                    start,
                    t,
                    minRange,
                    maxRange,
                    OptionalDouble.empty(),
                    table.rate[s]));
        }
    }

    enum Extreme {
        MIN_RANGE,
        MAX_RANGE,
        MAX_SIN_EL
    }

    /**
     * The largest value of {@code what} (the negated range for {@link Extreme#MIN_RANGE}) in
     * {@code [max(lo, around - h), min(hi, around + h)]}, by golden-section search.
     */
    static double extreme(LinkTable table, int s, double lo, double hi, double around, double h, Extreme what) {
        return GoldenSection.maximum(
                t -> value(table, s, t, what), Math.max(lo, around - h), Math.min(hi, around + h), GOLDEN_STEPS);
    }

    private static double value(LinkTable table, int s, double t, Extreme what) {
        table.eval(s, t);
        return switch (what) {
            case MIN_RANGE -> -table.evalRange;
            case MAX_RANGE -> table.evalRange;
            case MAX_SIN_EL -> table.evalSinEl;
        };
    }

    static long key(int i, int j) {
        return ((long) Math.min(i, j) << 32) | Math.max(i, j);
    }

    /**
     * The links of one {@code range} rule: candidate pairs found by a {@link NeighbourSearch} every
     * {@code refreshEvery} samples within a radius that no pair outside it can close in time:
     * {@code max_range + v (K + 1/2) h} with {@code v} the largest closing speed, so a pair left out
     * is down, with margin, at every sample until the next refresh.
     */
    private final class RangeLinks {

        final IslTable table = new IslTable(ephemeris);
        final int refreshEvery;
        private final double radius;
        private final LinkRule.Range rule;
        private final int[] members;
        private final PairMap taken;
        private final List<boolean[]> earlier;
        private final PairMap slotOf = new PairMap();
        private final List<Integer> free = new ArrayList<>();
        private final NeighbourSearch search = new NeighbourSearch();
        private boolean[] keep = new boolean[16];
        private int[] next = new int[16];

        RangeLinks(LinkRule.Range rule, List<Integer> members, PairMap taken, List<boolean[]> earlier) {
            this.rule = rule;
            this.members = members.stream().mapToInt(Integer::intValue).toArray();
            this.taken = taken;
            this.earlier = earlier;
            double fastest = 0;
            for (int m : this.members) {
                fastest = Math.max(fastest, ephemeris.speed[m]);
            }
            double closing = Math.max(2 * fastest, 1e-9);
            double h = step();
            this.refreshEvery = Math.max(1, (int) Math.floor(0.25 * rule.maxRangeKm() / (closing * h)));
            this.radius = rule.maxRangeKm() + closing * (refreshEvery + 0.5) * h;
        }

        /** New candidate pairs at sample time {@code t}; their margins there become the previous sample. */
        void refresh(double[] sat, double t, double[] stationPos, double[] stationUp) {
            if (keep.length < table.slots + 16) {
                keep = new boolean[2 * table.slots + 16];
            }
            int[] count = {0};
            search.pairs(sat, members, members.length, radius, (i, j) -> {
                long k = key(i, j);
                if (taken.contains(k)) {
                    return;
                }
                for (boolean[] e : earlier) {
                    if (e[i] && e[j]) {
                        return;
                    }
                }
                int s = slotOf.get(k);
                if (s < 0) {
                    s = free.isEmpty() ? table.add(i, j, rule.rateBitsPerSecond(), rule.maxRangeKm()) : reuse(i, j);
                    slotOf.put(k, s);
                }
                if (keep.length <= s) {
                    keep = java.util.Arrays.copyOf(keep, 2 * s + 16);
                }
                keep[s] = true;
                if (next.length <= count[0]) {
                    next = java.util.Arrays.copyOf(next, 2 * count[0] + 16);
                }
                next[count[0]++] = s;
            });
            // Slots that are no longer candidates are down (they were farther than max_range): free them,
            // unless one is somehow up, which then stays a candidate.
            int n = count[0];
            for (int q = 0; q < table.activeCount; q++) {
                int s = table.active[q];
                if (keep[s]) {
                    continue;
                }
                if (table.up[s]) {
                    if (next.length <= n) {
                        next = java.util.Arrays.copyOf(next, 2 * n + 16);
                    }
                    next[n++] = s;
                    keep[s] = true;
                } else {
                    slotOf.remove(key(table.a[s], table.b[s]));
                    free.add(s);
                }
            }
            if (table.active.length < n) {
                table.active = new int[Math.max(n, 2 * table.active.length)];
            }
            System.arraycopy(next, 0, table.active, 0, n);
            java.util.Arrays.sort(table.active, 0, n);
            table.activeCount = n;
            for (int q = 0; q < n; q++) {
                keep[table.active[q]] = false;
            }
            table.sample(sat, stationPos, stationUp);
            for (int q = 0; q < n; q++) {
                int s = table.active[q];
                if (!table.up[s] && table.curMargin[s] >= 0) {
                    open(table, s, t);
                }
            }
        }

        private int reuse(int i, int j) {
            int s = free.remove(free.size() - 1);
            table.a[s] = i;
            table.b[s] = j;
            table.up[s] = false;
            return s;
        }
    }
}
