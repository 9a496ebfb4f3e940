package io.satc.compiler.plan;

import io.satc.compiler.lower.CodecOption;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import java.util.Arrays;

/**
 * Lower bounds on the rest of a plan from an exact dynamic program over a relaxed problem: for
 * every search state, the Pareto frontier of (summed time + λ · loss, bottleneck) over all
 * completions in which consecutive stages use different nodes but nodes may repeat otherwise,
 * and the loss budget and stage limit are dropped (the loss is priced by a Lagrange multiplier
 * λ instead). Units, memory, routes, coding and the ground-last rule are exact. See
 * docs/planner.md ("The completion-frontier bound").
 *
 * <p>Frontiers are thinned by merging points whose bottlenecks lie within a relative
 * 2^-7 of each other into one point with the smaller of both coordinates, which only
 * lowers the bound.
 */
final class CompletionFrontiers {

    /** Mantissa bits that name a bottleneck bucket: buckets have a relative width under 2^-7. */
    private static final int BUCKET_BITS = 7;

    /**
     * A thinned Pareto frontier of (sum, bottleneck) points, bottlenecks ascending and sums strictly
     * descending, with its least {@code sum + (M−1)·bottleneck} (+∞ when empty): a whole frontier
     * whose least value plus a shift is over a limit is skipped without visiting its points.
     */
    private record Frontier(double[] bottlenecks, double[] sums, double least) {
        static final Frontier NONE = new Frontier(new double[0], new double[0], Double.POSITIVE_INFINITY);
    }

    private final Topology topology;
    private final RouteSource router;
    private final StageWindows windows;
    private final StateIndex states;
    private final CodecOption[] codecs;
    private final int[] candidates;
    private final int[] atSource;
    private final Route[] outRoutes;
    private final int n;
    private final int b;
    private final int nodes;
    private final int codecCount;
    private final int m1;
    private final double budget;
    private final double[] lambdas;
    /** Per λ and state (by {@link StateIndex}); null outside the table. */
    private final Frontier[][] table;
    /** Per cut k and codec d: its loss, or +∞ where d is shadowed or alone over the budget. */
    private final double[][] cutLoss;
    /** Per cut k and codec d: seconds to encode (and to decode) the activation of unit k for a micro-batch. */
    private final double[][] coding;

    CompletionFrontiers(
            Topology topology,
            RouteSource router,
            StageWindows windows,
            StateIndex states,
            CodecOption[] codecs,
            boolean[][] shadowed,
            int[] candidates,
            Route[] outRoutes,
            double[] lambdas,
            double cutoff) {
        PlacementProblem problem = topology.problem;
        this.topology = topology;
        this.router = router;
        this.windows = windows;
        this.states = states;
        this.codecs = codecs;
        this.candidates = candidates;
        this.atSource = new int[] {topology.source};
        this.outRoutes = outRoutes;
        this.n = problem.unitCount();
        this.b = problem.microBatchSize();
        this.nodes = topology.size();
        this.codecCount = codecs.length;
        this.m1 = problem.microBatches() - 1;
        this.budget = problem.maxLoss();
        this.lambdas = lambdas;
        this.cutLoss = new double[Math.max(0, n - 1)][codecCount];
        this.coding = new double[Math.max(0, n - 1)][codecCount];
        for (int k = 0; k < n - 1; k++) {
            for (int d = 0; d < codecCount; d++) {
                double loss = codecs[d].lossPerCut().get(k);
                cutLoss[k][d] = shadowed[k][d] || loss > budget ? Double.POSITIVE_INFINITY : loss;
                coding[k][d] = codecs[d].codingSeconds(b * windows.activation(k));
            }
        }
        this.table = new Frontier[lambdas.length][states.size()];
        double[] arrive = new double[states.size()];
        double[] leave = new double[states.size()];
        Points points = new Points(BUCKET_BITS, m1);
        for (int li = 0; li < lambdas.length; li++) {
            prefixes(lambdas[li], arrive, leave);
            fill(table[li], lambdas[li], cutoff, arrive, leave, points);
        }
    }

    /** Bits per micro-batch that a state after unit {@code j} sends with codec {@code c}. */
    private double payloadBits(int j, int c) {
        double aIn = windows.activation(j);
        return Costs.bits(b, c < 0 ? aIn : aIn / codecs[c].ratioPerCut().get(j));
    }

    /** The nodes a state after unit {@code j} can be on: the source at the start, else any with compute. */
    private int[] senders(int j) {
        return j < 0 ? atSource : candidates;
    }

    /** Fills one multiplier's table from the last cut backwards: each cut's W, then its V. */
    private void fill(Frontier[] v, double lambda, double cutoff, double[] arrive, double[] leave, Points points) {
        for (int j = n - 2; j >= -1; j--) {
            // Codecs with the same decode time give the receiving stage the same frontier W:
            // computed once per group, with the loosest cutoff of the group's members.
            double[] groupDecode = new double[codecCount + 1];
            int[] groupOf = new int[codecCount + 1];
            int groups = 0;
            for (int c = states.firstCodec(j); c < states.codecEnd(j); c++) {
                double decode = c < 0 ? 0.0 : coding[j][c];
                int g = 0;
                while (g < groups && groupDecode[g] != decode) {
                    g++;
                }
                if (g == groups) {
                    groupDecode[groups++] = decode;
                }
                groupOf[c + 1] = g;
            }
            double[][] groupArrive = new double[groups][nodes];
            for (double[] row : groupArrive) {
                Arrays.fill(row, Double.POSITIVE_INFINITY);
            }
            for (int c = states.firstCodec(j); c < states.codecEnd(j); c++) {
                if (c >= 0 && cutLoss[j][c] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                double[] cheapest = groupArrive[groupOf[c + 1]];
                for (int y : candidates) {
                    cheapest[y] = Math.min(cheapest[y], arrive[states.of(j, y, c)]);
                }
            }
            Frontier[][] groupW = new Frontier[groups][];
            for (int c = states.firstCodec(j); c < states.codecEnd(j); c++) {
                if (c >= 0 && cutLoss[j][c] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                int group = groupOf[c + 1];
                if (groupW[group] == null) {
                    groupW[group] = new Frontier[nodes];
                    for (int y : candidates) {
                        // A point worth more than this belongs only to plans slower than the cutoff.
                        double limit = cutoff - groupArrive[group][y] * (1 - 1e-9) + lambda * budget;
                        groupW[group][y] = receiving(v, j, y, groupDecode[group], lambda, limit, points);
                    }
                }
                double bits = payloadBits(j, c);
                for (int x : senders(j)) {
                    if (j >= 0 && topology.nodes[x].kind() == NodeKind.GROUND) {
                        continue;
                    }
                    int key = states.of(j, x, c);
                    double limit = cutoff - leave[key] * (1 - 1e-9) + lambda * budget;
                    v[key] = sending(groupW[group], j, x, router.routesFrom(x, bits), limit, points);
                }
            }
        }
    }

    /**
     * W: the frontier of a stage on {@code y} that receives the activation after unit {@code j}
     * (decoding it takes {@code decode}), and of everything after it, from the later states' V.
     */
    private Frontier receiving(Frontier[] v, int j, int y, double decode, double lambda, double limit, Points points) {
        points.clear(limit);
        boolean ground = topology.nodes[y].kind() == NodeKind.GROUND;
        double speed = topology.nodes[y].computeFlops();
        int last = windows.lastFitting(j + 1, topology.nodes[y].memoryBytes());
        for (int k = j + 1; k <= last; k++) {
            double compute = windows.computeSeconds(j + 1, k, speed);
            // Every point from here on has sum and bottleneck at least the stage's
            // τ ≥ compute + decode, and compute grows with k.
            if ((1 + m1) * (compute + decode) > limit) {
                break;
            }
            if (k == n - 1) {
                Route exit = outRoutes[y];
                if (exit != null) {
                    double tau = compute + decode;
                    points.add(tau + exit.latencySeconds(), Math.max(tau, exit.maxServiceSeconds()));
                }
            } else if (!ground) {
                for (int d = 0; d < codecCount; d++) {
                    double loss = cutLoss[k][d];
                    Frontier next = v[states.of(k, y, d)];
                    if (loss == Double.POSITIVE_INFINITY || next == null) {
                        continue;
                    }
                    double tau = compute + decode + coding[k][d];
                    double add = tau + lambda * loss;
                    if (add + next.least() > limit) {
                        continue;
                    }
                    points.addShifted(next, add, tau);
                }
            }
        }
        return points.frontier();
    }

    /**
     * V: the frontier of the state (j, x, c), whose activation is routed (on {@code routes}) from
     * {@code x} to a next node y other than x (any y at the start), followed by W(y).
     */
    private Frontier sending(Frontier[] w, int j, int x, Route[] routes, double limit, Points points) {
        points.clear(limit);
        for (int y : candidates) {
            Route r = routes[y];
            if (r == null || (j >= 0 && y == x) || r.latencySeconds() + w[y].least() > limit) {
                continue;
            }
            points.addShifted(w[y], r.latencySeconds(), r.maxServiceSeconds());
        }
        return points.frontier();
    }

    /**
     * The forward half of the relaxation, with loss priced at {@code lambda}: {@code arrive[s]} is
     * the least summed time + λ·loss of a prefix that has sent its activation to the node of state
     * s (before decoding), and {@code leave[s]} the same for one whose last stage, encode included,
     * is done (+∞ where no prefix reaches). Every real prefix costs at least as much, and the
     * completions the table must serve spend at most the budget ε minus the prefix's loss, so a
     * point worth more than the cutoff − prefix + λ·ε belongs only to plans slower than the cutoff.
     */
    private void prefixes(double lambda, double[] arrive, double[] leave) {
        Arrays.fill(arrive, Double.POSITIVE_INFINITY);
        Arrays.fill(leave, Double.POSITIVE_INFINITY);
        leave[states.of(-1, topology.source, -1)] = 0.0;
        double[] enter = new double[nodes];
        for (int j = -1; j < n - 1; j++) {
            // enter[y]: least cost of a prefix whose next stage starts on y (input decoded).
            Arrays.fill(enter, Double.POSITIVE_INFINITY);
            for (int c = states.firstCodec(j); c < states.codecEnd(j); c++) {
                if (c >= 0 && cutLoss[j][c] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                double bits = payloadBits(j, c);
                for (int x : senders(j)) {
                    double from = leave[states.of(j, x, c)];
                    if (from == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    Route[] routes = router.routesFrom(x, bits);
                    for (int y : candidates) {
                        if (routes[y] != null && (j < 0 || y != x)) {
                            int at = states.of(j, y, c);
                            arrive[at] = Math.min(arrive[at], from + routes[y].latencySeconds());
                        }
                    }
                }
                double decode = c < 0 ? 0.0 : coding[j][c];
                for (int y : candidates) {
                    enter[y] = Math.min(enter[y], arrive[states.of(j, y, c)] + decode);
                }
            }
            for (int y : candidates) {
                double from = enter[y];
                if (from == Double.POSITIVE_INFINITY || topology.nodes[y].kind() == NodeKind.GROUND) {
                    continue;
                }
                // Stages that end before the last unit: the ones that leave a cut behind.
                int last = Math.min(windows.lastFitting(j + 1, topology.nodes[y].memoryBytes()), n - 2);
                for (int k = j + 1; k <= last; k++) {
                    double at = from + windows.computeSeconds(j + 1, k, topology.nodes[y].computeFlops());
                    for (int d = 0; d < codecCount; d++) {
                        if (cutLoss[k][d] == Double.POSITIVE_INFINITY) {
                            continue;
                        }
                        int key = states.of(k, y, d);
                        leave[key] = Math.min(leave[key], at + coding[k][d] + lambda * cutLoss[k][d]);
                    }
                }
            }
        }
    }

    /** Index of the first bottleneck above {@code value} in an ascending array (its length if none). */
    private static int firstAbove(double[] ascending, double value) {
        int lo = 0;
        int hi = ascending.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * A lower bound on the latency of every complete plan extending a label, among the plans no
     * slower than the cutoff given at construction (for slower ones it may be too high) at state
     * {@code (unit, node, codec)} with summed time {@code sum}, bottleneck {@code bottleneck} and
     * loss {@code loss}; {@code +∞} when the relaxation has no completion. When a coarser bound
     * (each frontier's least value) is already clearly above {@code drop}, that is returned
     * instead: the caller drops such labels, whichever of the two it gets.
     */
    double bound(int unit, int node, int codec, double sum, double bottleneck, double loss, double drop) {
        int key = states.of(unit, node, codec);
        if (table[0][key] == null) {
            return 0.0; // state outside the table (cannot happen for labels the search builds)
        }
        // The frontier's least s + (M−1)·m is at most the minimum below, computed with the same
        // operations, so this coarse value is at most the bound, also in floating point.
        double coarse = Double.NEGATIVE_INFINITY;
        for (int li = 0; li < lambdas.length; li++) {
            double least = table[li][key].least();
            if (least == Double.POSITIVE_INFINITY) {
                return least;
            }
            coarse = Math.max(coarse, sum + least - lambdas[li] * Math.max(0.0, budget - loss));
        }
        coarse -= 1e-12 * Math.abs(coarse);
        if (coarse > drop && !Router.tied(coarse, drop)) {
            return coarse;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int li = 0; li < lambdas.length; li++) {
            double[] fm = table[li][key].bottlenecks();
            double[] fs = table[li][key].sums();
            // Below the label's bottleneck the cheapest point is the last one; above it, scan.
            int i = firstAbove(fm, bottleneck);
            double least = i > 0 ? fs[i - 1] + m1 * bottleneck : Double.POSITIVE_INFINITY;
            for (; i < fm.length; i++) {
                least = Math.min(least, fs[i] + m1 * fm[i]);
            }
            if (least == Double.POSITIVE_INFINITY) {
                return least;
            }
            // Completions within the budget have λ·loss ≤ λ·(ε − L); the frontier charged λ·loss.
            best = Math.max(best, sum + least - lambdas[li] * Math.max(0.0, budget - loss));
        }
        // The table adds in another order than the search; the margin keeps rounding on the safe side.
        return best - 1e-12 * Math.abs(best);
    }

    /**
     * A set of (sum, bottleneck) points that reduces to a thinned Pareto frontier. Points are
     * not stored: each is folded at once into its bottleneck bucket (least sum, least bottleneck),
     * and the frontier is read off the touched buckets in bucket order, so building a frontier
     * costs no sort of its points (a frontier merges hundreds of points into a few dozen buckets).
     */
    private static final class Points {
        private final int shift;
        private final int m1;
        /** Per bucket: least sum and least bottleneck of its points, valid where {@code stamp == epoch}. */
        private final double[] bucketS;

        private final double[] bucketM;
        private final int[] stamp;
        private int epoch = 1;
        private int[] touched = new int[64];
        private int count;
        private int lowest;
        private int highest;
        private double[] outS = new double[64];
        private double[] outM = new double[64];
        private double limit = Double.POSITIVE_INFINITY;

        Points(int bucketBits, int m1) {
            this.shift = 52 - bucketBits;
            this.m1 = m1;
            // Non-negative doubles (raw bits below 2^63) shifted right give at most 2^(63-shift) buckets.
            int buckets = 1 << (63 - shift);
            this.bucketS = new double[buckets];
            this.bucketM = new double[buckets];
            this.stamp = new int[buckets];
        }

        /** Empties the set; points whose {@code sum + (M−1)·bottleneck} exceeds {@code limit} will be ignored. */
        void clear(double limit) {
            this.limit = limit;
            epoch++;
            count = 0;
            lowest = Integer.MAX_VALUE;
            highest = -1;
        }

        void add(double sum, double bottleneck) {
            if (sum + m1 * bottleneck > limit) {
                return;
            }
            int b = bucket(bottleneck);
            if (stamp[b] != epoch) {
                stamp[b] = epoch;
                bucketS[b] = sum;
                bucketM[b] = bottleneck;
                if (count == touched.length) {
                    touched = Arrays.copyOf(touched, 2 * count);
                }
                touched[count++] = b;
                lowest = Math.min(lowest, b);
                highest = Math.max(highest, b);
            } else {
                bucketS[b] = Math.min(bucketS[b], sum);
                bucketM[b] = Math.min(bucketM[b], bottleneck);
            }
        }

        /**
         * Adds the points of {@code f} preceded by a resource: sums plus {@code shift}, bottlenecks
         * at least {@code floor}. The points with bottleneck at most {@code floor} all become
         * (.., floor), so only the cheapest of them is added.
         */
        void addShifted(Frontier f, double shift, double floor) {
            double[] fm = f.bottlenecks();
            double[] fs = f.sums();
            int i = firstAbove(fm, floor);
            if (i > 0) {
                add(shift + fs[i - 1], floor);
            }
            for (; i < fm.length; i++) {
                add(shift + fs[i], fm[i]);
            }
        }

        /**
         * The frontier: per bucket in
         * ascending order, its least bottleneck and least sum, kept when that sum is below every
         * kept one (the point then dominates all points of its bucket).
         */
        Frontier frontier() {
            if (count == 0) {
                return Frontier.NONE;
            }
            if (outS.length < count) {
                outS = new double[Math.max(count, 2 * outS.length)];
                outM = new double[outS.length];
            }
            int kept = 0;
            double bestS = Double.POSITIVE_INFINITY;
            double least = Double.POSITIVE_INFINITY;
            // Walk the touched buckets in ascending order: a scan of the range when it is dense,
            // else a sort of the touched indices.
            boolean dense = highest - lowest < 8 * count;
            if (!dense) {
                Arrays.sort(touched, 0, count);
            }
            int span = dense ? highest - lowest + 1 : count;
            for (int i = 0; i < span; i++) {
                int b = dense ? lowest + i : touched[i];
                if (stamp[b] != epoch) {
                    continue;
                }
                double bs = bucketS[b];
                if (bs < bestS) {
                    outM[kept] = bucketM[b];
                    outS[kept] = bs;
                    kept++;
                    bestS = bs;
                    least = Math.min(least, bs + m1 * bucketM[b]);
                }
            }
            return new Frontier(Arrays.copyOf(outM, kept), Arrays.copyOf(outS, kept), least);
        }

        /**
         * Bucket index, non-decreasing in the bottleneck: the exponent and the leading mantissa
         * bits, so a bucket spans a relative width below 2^-bits.
         */
        private int bucket(double bottleneck) {
            if (!(bottleneck > 0)) {
                return 0;
            }
            return (int) (Double.doubleToRawLongBits(bottleneck) >>> shift);
        }
    }
}
