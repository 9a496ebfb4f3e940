package io.satc.compiler.plan;

import io.satc.compiler.lower.CodecOption;
import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.ModelUnit;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The A* search graph of one planning call: labels, their successors and their lower bounds.
 *
 * <p>A label stands for a plan prefix that has run units {@code 0..unit} with its last stage on
 * {@code node}, and whose outgoing activation will be sent with {@code codec}. Its numbers repeat
 * the {@link Evaluator}'s arithmetic in the same order, so a completed label's latency equals the
 * evaluator's to the last bit. Package-private so the tests can check the heuristic on any label.
 */
final class SearchSpace implements PlanSpace {

    /** A plan prefix with its partial costs; immutable except for the {@code dead} mark. */
    static class Label {
        final Label parent;
        final int unit;
        final int node;
        final int codec;
        final double sum;
        final double bottleneck;
        final double loss;
        final double volume;
        final int stages;
        final long[] used;
        final boolean goal;
        final long seq;
        double f;
        boolean dead;

        Label(
                Label parent,
                int unit,
                int node,
                int codec,
                double sum,
                double bottleneck,
                double loss,
                double volume,
                int stages,
                long[] used,
                boolean goal,
                long seq) {
            this.parent = parent;
            this.unit = unit;
            this.node = node;
            this.codec = codec;
            this.sum = sum;
            this.bottleneck = bottleneck;
            this.loss = loss;
            this.volume = volume;
            this.stages = stages;
            this.used = used;
            this.goal = goal;
            this.seq = seq;
        }
    }

    final PlacementProblem problem;
    final Topology topology;
    final RouteSource router;
    private final StageWindows windows;
    private final StateIndex states;
    private final SearchOptions options;
    private final boolean useHeuristic;
    private final int n;
    private final int b;
    private final int stageLimit;
    private final CodecOption[] codecs;
    /** Per cut j and codec c: whether an identical codec with a smaller name exists (then c is never better). */
    private final boolean[][] shadowed;

    private final int[] candidates;
    private final int[] byComputeDesc;
    private final double[] suffixFlops;
    private final double[] suffixMaxFlops;
    private final Route[] outRoutes;
    private final double[] outLatency;
    private final double[] outMaxService;
    private final Route[][] routeTable;
    /** capWork[y][u]: most work (FLOP per micro-batch) one stage on y can take from units u..n-1, by weights alone. */
    private final double[][] capWork;
    /** Per first remaining unit u: candidates by capWork/compute ascending, and by capWork descending. */
    private final int[][] byCapRatio;

    private final int[][] byCapDesc;
    /** Per first remaining unit u: least summed time and least service time of any later cut's transfer. */
    private final double[] cutMin;

    private final double[] cutServiceMin;
    /** Per first remaining unit u: least time to encode (or decode) the activation at any later cut. */
    private final double[] codingMin;
    /**
     * Per first remaining unit u: the lower convex hull of (least loss, least summed time) over the
     * codecs at later cuts, as parallel arrays sorted by loss; it prices cuts under the loss budget.
     */
    private final double[][] hullLoss;

    private final double[][] hullCost;
    /** The completion-frontier bound (null without the heuristic, or until built). */
    private CompletionFrontiers frontiers;

    private long nextSeq;

    /** A search space; with {@code deferFrontiers} the frontier bound waits for {@link #buildFrontiers}. */
    SearchSpace(Topology topology, SearchOptions options, boolean deferFrontiers) {
        this(topology, new Router(topology), new StageWindows(topology.problem), options, deferFrontiers);
    }

    private SearchSpace(
            Topology topology,
            RouteSource router,
            StageWindows windows,
            SearchOptions options,
            boolean deferFrontiers) {
        this.problem = topology.problem;
        this.topology = topology;
        this.router = router;
        this.windows = windows;
        this.options = options;
        this.useHeuristic = options.heuristic();
        this.n = problem.unitCount();
        this.b = problem.microBatchSize();
        this.stageLimit = problem.maxStages().orElse(Integer.MAX_VALUE);
        for (String name : options.codecs()) {
            if (problem.codec(name).isEmpty()) {
                throw new IllegalArgumentException("unknown codec " + name);
            }
        }
        List<CodecOption> allowed = new ArrayList<>();
        for (CodecOption c : problem.codecs()) {
            if (options.codecs().isEmpty() || options.codecs().contains(c.name())) {
                allowed.add(c);
            }
        }
        // Name order, so successors are generated in the cost model's lexicographic order.
        allowed.sort(Comparator.comparing(CodecOption::name));
        this.codecs = allowed.toArray(new CodecOption[0]);
        this.states = new StateIndex(n, topology.size(), codecs.length);
        this.shadowed = new boolean[Math.max(0, n - 1)][codecs.length];
        for (int j = 0; j < n - 1; j++) {
            for (int c = 0; c < codecs.length; c++) {
                for (int d = 0; d < c; d++) {
                    if (codecs[d]
                                    .ratioPerCut()
                                    .get(j)
                                    .equals(codecs[c].ratioPerCut().get(j))
                            && codecs[d]
                                    .lossPerCut()
                                    .get(j)
                                    .equals(codecs[c].lossPerCut().get(j))
                            && codecs[d].throughputBytesPerSecond() == codecs[c].throughputBytesPerSecond()) {
                        shadowed[j][c] = true;
                    }
                }
            }
        }
        this.candidates = IntStream.range(0, topology.size())
                .filter(i -> topology.nodes[i].hasCompute())
                .toArray();
        this.byComputeDesc = sorted(candidates, Comparator.comparingDouble(i -> -topology.nodes[i].computeFlops()));
        List<ModelUnit> units = problem.units();
        this.suffixFlops = new double[n + 1];
        this.suffixMaxFlops = new double[n + 1];
        for (int u = n - 1; u >= 0; u--) {
            suffixFlops[u] = suffixFlops[u + 1] + units.get(u).flopsPerSample();
            suffixMaxFlops[u] = Math.max(suffixMaxFlops[u + 1], units.get(u).flopsPerSample());
        }
        double outBits = Costs.bits(b, units.get(n - 1).outBytesPerSample());
        this.outRoutes = new Route[topology.size()];
        this.outLatency = new double[topology.size()];
        this.outMaxService = new double[topology.size()];
        for (int y : candidates) {
            outRoutes[y] = router.routesFrom(y, outBits)[topology.sink];
            outLatency[y] = outRoutes[y] == null ? Double.POSITIVE_INFINITY : outRoutes[y].latencySeconds();
            outMaxService[y] = outRoutes[y] == null ? Double.POSITIVE_INFINITY : outRoutes[y].maxServiceSeconds();
        }
        this.routeTable = new Route[states.size()][];
        this.capWork = new double[topology.size()][];
        for (int y : candidates) {
            capWork[y] = capacities(topology.nodes[y].memoryBytes());
        }
        this.byCapRatio = new int[n + 1][];
        this.byCapDesc = new int[n + 1][];
        for (int u = 0; u <= n; u++) {
            int at = u;
            byCapRatio[u] = sorted(
                    candidates, Comparator.comparingDouble(i -> capWork[i][at] / topology.nodes[i].computeFlops()));
            byCapDesc[u] = sorted(candidates, Comparator.comparingDouble(i -> -capWork[i][at]));
        }
        double maxRate = 0.0;
        double minDelay = Double.POSITIVE_INFINITY;
        for (Link link : problem.links()) {
            maxRate = Math.max(maxRate, link.rateBitsPerSecond());
            minDelay = Math.min(minDelay, link.propagationSeconds());
        }
        this.cutMin = new double[n + 1];
        this.cutServiceMin = new double[n + 1];
        this.codingMin = new double[n + 1];
        Arrays.fill(cutMin, Double.POSITIVE_INFINITY);
        Arrays.fill(cutServiceMin, Double.POSITIVE_INFINITY);
        Arrays.fill(codingMin, Double.POSITIVE_INFINITY);
        double[] leastLoss = new double[codecs.length];
        double[] leastCost = new double[codecs.length];
        Arrays.fill(leastLoss, Double.POSITIVE_INFINITY);
        Arrays.fill(leastCost, Double.POSITIVE_INFINITY);
        this.hullLoss = new double[n + 1][];
        this.hullCost = new double[n + 1][];
        hullLoss[n] = new double[0];
        hullCost[n] = new double[0];
        if (n >= 1) {
            hullLoss[n - 1] = new double[0];
            hullCost[n - 1] = new double[0];
        }
        for (int j = n - 2; j >= 0; j--) {
            double best = cutMin[j + 1];
            double bestService = cutServiceMin[j + 1];
            double bestCoding = codingMin[j + 1];
            double act = units.get(j).outBytesPerSample();
            if (maxRate > 0) {
                for (int c = 0; c < codecs.length; c++) {
                    CodecOption codec = codecs[c];
                    double service = Costs.bits(b, act / codec.ratioPerCut().get(j)) / maxRate;
                    double cost = service + minDelay + 2 * codec.codingSeconds(b * act);
                    best = Math.min(best, cost);
                    bestService = Math.min(bestService, service);
                    bestCoding = Math.min(bestCoding, codec.codingSeconds(b * act));
                    leastLoss[c] = Math.min(leastLoss[c], codec.lossPerCut().get(j));
                    leastCost[c] = Math.min(leastCost[c], cost);
                }
            }
            cutMin[j] = best;
            cutServiceMin[j] = bestService;
            codingMin[j] = bestCoding;
            double[][] hull = lowerHull(leastLoss, leastCost);
            hullLoss[j] = hull[0];
            hullCost[j] = hull[1];
        }
        if (!deferFrontiers) {
            buildFrontiers(Double.POSITIVE_INFINITY);
        }
    }

    SearchSpace(Topology topology, SearchOptions options) {
        this(topology, options, false);
    }

    /**
     * A space whose routes come from {@code routes} (cost model 2's relaxation, whose routes bound
     * every window's from below); its frontier bound waits for {@link #buildFrontiers}.
     */
    SearchSpace(Topology topology, RouteSource routes, SearchOptions options) {
        this(topology, routes, new StageWindows(topology.problem), options, true);
    }

    /** The codecs cuts may use, in name order. */
    CodecOption[] codecs() {
        return codecs;
    }

    /** Whether codec {@code c} at the cut after unit {@code j} is identical to one with a smaller name. */
    boolean shadowed(int j, int c) {
        return shadowed[j][c];
    }

    /**
     * The same problem with every cut on {@code codec} (which must be one of this space's codecs),
     * sharing this space's routes; its frontier bound is not built.
     */
    @Override
    public SearchSpace withOnlyCodec(String codec) {
        return new SearchSpace(topology, router, windows, options.onlyCodecs(List.of(codec)), true);
    }

    @Override
    public int nodeIndex(String name) {
        return topology.indexOf(name);
    }

    /**
     * Builds the completion-frontier bound (with the heuristic on), keeping only completions that
     * may be no slower than {@code cutoff}; labels' bounds are then valid for every plan up to the
     * cutoff, which is all the search needs once it holds a plan of latency below the cutoff.
     */
    @Override
    public void buildFrontiers(double cutoff) {
        if (useHeuristic && n >= 1) {
            frontiers = new CompletionFrontiers(
                    topology, router, windows, states, codecs, shadowed, candidates, outRoutes, multipliers(), cutoff);
        }
    }

    /**
     * Lagrange multipliers for the loss budget in the frontier bound: the exchange rates (time
     * saved per unit of loss) between neighbouring codecs on the loss-cost hull of all cuts, or 0
     * when there are none. Any λ ≥ 0 gives a valid bound; these price the budget where it binds.
     */
    private double[] multipliers() {
        double[] xs = hullLoss[0];
        double[] ys = hullCost[0];
        double[] out = new double[Math.max(1, xs.length)];
        int k = 0;
        for (int i = 1; i < xs.length; i++) {
            double slope = (ys[i - 1] - ys[i]) / (xs[i] - xs[i - 1]);
            if (slope > 0 && slope < Double.POSITIVE_INFINITY) {
                out[k++] = slope;
            }
        }
        // λ = 0 (the loss ignored) only when the hull offers no exchange rate.
        return k == 0 ? new double[] {0.0} : Arrays.copyOf(out, k);
    }

    /** Lower convex hull of the points (loss, cost), keeping only points cheaper than every lower-loss one. */
    private static double[][] lowerHull(double[] loss, double[] cost) {
        Integer[] order = new Integer[loss.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> loss[i]).thenComparingDouble(i -> cost[i]));
        double[] xs = new double[loss.length];
        double[] ys = new double[loss.length];
        int size = 0;
        for (int i : order) {
            if (cost[i] == Double.POSITIVE_INFINITY || (size > 0 && cost[i] >= ys[size - 1])) {
                continue;
            }
            while (size >= 2
                    && (ys[size - 1] - ys[size - 2]) * (loss[i] - xs[size - 2])
                            >= (cost[i] - ys[size - 2]) * (xs[size - 1] - xs[size - 2])) {
                size--;
            }
            xs[size] = loss[i];
            ys[size] = cost[i];
            size++;
        }
        return new double[][] {Arrays.copyOf(xs, size), Arrays.copyOf(ys, size)};
    }

    /**
     * Least summed time of {@code cuts} later cuts whose losses add up to at most {@code budget}:
     * {@code cuts · H(budget / cuts)} with H the hull, the optimum of the relaxation where cuts
     * may mix codecs fractionally.
     */
    private double cutsCost(int u, int cuts, double budget) {
        double[] xs = hullLoss[u];
        double[] ys = hullCost[u];
        if (cuts <= 0) {
            return 0.0;
        }
        if (xs.length == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double perCut = budget / cuts;
        // Rounding in the budget must never make a cut look unaffordable.
        perCut += 1e-12 * Math.max(1.0, Math.abs(perCut));
        if (perCut < xs[0]) {
            return Double.POSITIVE_INFINITY;
        }
        for (int i = 1; i < xs.length; i++) {
            if (perCut < xs[i]) {
                double w = (perCut - xs[i - 1]) / (xs[i] - xs[i - 1]);
                return cuts * (ys[i - 1] + w * (ys[i] - ys[i - 1]));
            }
        }
        return cuts * ys[ys.length - 1];
    }

    private static int[] sorted(int[] nodes, Comparator<Integer> order) {
        return Arrays.stream(nodes)
                .boxed()
                .sorted(order.thenComparingInt(i -> i))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** For each first unit u, the largest FLOP sum (per micro-batch) of a window in u..n-1 whose weights fit. */
    private double[] capacities(double memory) {
        double[] cap = new double[n + 1];
        for (int u = n - 1; u >= 0; u--) {
            int last = windows.lastFittingWeights(u, memory);
            double flops = last < u ? 0.0 : windows.flops(u, last);
            cap[u] = Math.max(cap[u + 1], b * flops);
        }
        return cap;
    }

    /** Whether labels get the heuristic bounds (else {@code f} is the prefix's own latency). */
    @Override
    public boolean usesHeuristic() {
        return useHeuristic;
    }

    @Override
    public int codecCount() {
        return codecs.length;
    }

    /** Names of the codecs cuts may use in this search, in name order. */
    @Override
    public List<String> codecNames() {
        return Arrays.stream(codecs).map(CodecOption::name).toList();
    }

    int unitCount() {
        return n;
    }

    /** The empty prefix: nothing run, the raw input held at the source. */
    @Override
    public Label start() {
        Label l = new Label(null, -1, topology.source, -1, 0.0, 0.0, 0.0, 0.0, 0, new long[words()], false, nextSeq++);
        l.f = bound(l);
        return l;
    }

    private int words() {
        return (topology.size() + 63) >>> 6;
    }

    static boolean contains(long[] set, int i) {
        return (set[i >>> 6] & (1L << (i & 63))) != 0;
    }

    static boolean subset(long[] a, long[] b) {
        for (int w = 0; w < a.length; w++) {
            if ((a[w] & ~b[w]) != 0) {
                return false;
            }
        }
        return true;
    }

    static long[] with(long[] set, int i) {
        long[] copy = set.clone();
        copy[i >>> 6] |= 1L << (i & 63);
        return copy;
    }

    /** Bytes per sample of the activation a label sends next, before compression. */
    private double activation(Label l) {
        return windows.activation(l.unit);
    }

    /** Bytes per sample a label sends next, after its codec. */
    private double wire(Label l) {
        return l.unit < 0
                ? problem.inputBytesPerSample()
                : activation(l) / codecs[l.codec].ratioPerCut().get(l.unit);
    }

    private double decodeSeconds(Label l) {
        return l.unit < 0 ? 0.0 : codecs[l.codec].codingSeconds(b * activation(l));
    }

    /** Routes from the label's node for the payload it sends next (computed once per state). */
    private Route[] routes(Label l) {
        int key = states.of(l.unit, l.node, l.codec);
        Route[] r = routeTable[key];
        if (r == null) {
            r = router.routesFrom(l.node, Costs.bits(b, wire(l)));
            routeTable[key] = r;
        }
        return r;
    }

    /** All one-stage extensions of {@code label}, in (node, last unit, codec) order. */
    List<Label> successors(Label label) {
        return successors(label, Double.POSITIVE_INFINITY, l -> true);
    }

    /**
     * The one-stage extensions of {@code label} whose lower bound is not clearly above
     * {@code cutoff}, in (node, last unit, codec) order; {@code worthBounding} can reject a
     * non-goal label before its (comparatively costly) bound is computed.
     */
    @Override
    public List<Label> successors(Label label, double cutoff, Predicate<Label> worthBounding) {
        List<Label> out = new ArrayList<>();
        if (label.goal || label.stages >= stageLimit) {
            return out;
        }
        List<ModelUnit> units = problem.units();
        double wire = wire(label);
        double decode = decodeSeconds(label);
        Route[] routes = routes(label);
        boolean lastAllowed = label.stages + 1 == stageLimit;
        int m1 = problem.microBatches() - 1;
        for (int y : candidates) {
            Route route = routes[y];
            if (route == null || contains(label.used, y)) {
                continue;
            }
            ComputeNode node = topology.nodes[y];
            boolean ground = node.kind() == NodeKind.GROUND;
            double sumR = label.sum + route.latencySeconds();
            double maxR = Math.max(label.bottleneck, route.maxServiceSeconds());
            double volR = label.volume + Costs.volume(problem.batch(), wire, route.hopCount());
            long[] used = null;
            int first = label.unit + 1;
            int last = windows.lastFitting(first, node.memoryBytes());
            for (int j = first; j <= last; j++) {
                ModelUnit unit = units.get(j);
                double compute = windows.computeSeconds(first, j, node.computeFlops());
                if (j == n - 1) {
                    Route exit = outRoutes[y];
                    if (exit == null) {
                        continue;
                    }
                    double tau = compute + (decode + 0.0);
                    double sum = sumR + tau + exit.latencySeconds();
                    double max = Math.max(Math.max(maxR, tau), exit.maxServiceSeconds());
                    double t = Costs.latency(sum, problem.microBatches(), max);
                    if (clearlyAbove(t, cutoff)) {
                        continue;
                    }
                    double vol = volR + Costs.volume(problem.batch(), unit.outBytesPerSample(), exit.hopCount());
                    used = used == null ? with(label.used, y) : used;
                    Label g = new Label(
                            label, j, y, -1, sum, max, label.loss, vol, label.stages + 1, used, true, nextSeq++);
                    g.f = t;
                    out.add(g);
                } else if (!ground && !lastAllowed) {
                    double outBytes = unit.outBytesPerSample();
                    for (int c = 0; c < codecs.length; c++) {
                        double loss = label.loss + codecs[c].lossPerCut().get(j);
                        if (loss > problem.maxLoss() || shadowed[j][c]) {
                            continue;
                        }
                        double tau = compute + (decode + codecs[c].codingSeconds(b * outBytes));
                        double sum = sumR + tau;
                        double max = Math.max(maxR, tau);
                        if (clearlyAbove(sum + m1 * max, cutoff)) {
                            continue;
                        }
                        used = used == null ? with(label.used, y) : used;
                        Label l = new Label(
                                label, j, y, c, sum, max, loss, volR, label.stages + 1, used, false, nextSeq++);
                        if (!worthBounding.test(l)) {
                            continue;
                        }
                        l.f = bound(l, cutoff);
                        if (!clearlyAbove(l.f, cutoff)) {
                            out.add(l);
                        }
                    }
                }
            }
        }
        return out;
    }

    static boolean clearlyAbove(double value, double cutoff) {
        return value > cutoff && !Router.tied(value, cutoff);
    }

    /**
     * A lower bound on the latency of every complete plan extending {@code l}; exact for goals.
     * See docs/planner.md for the admissibility argument.
     */
    @Override
    public double bound(Label l) {
        return bound(l, Double.POSITIVE_INFINITY);
    }

    /**
     * The same bound, except that once the frontier bound alone is clearly above {@code cutoff}
     * it is returned without computing the other (the label will be dropped either way).
     */
    double bound(Label l, double cutoff) {
        if (l.goal || !useHeuristic) {
            return Costs.latency(l.sum, problem.microBatches(), l.bottleneck);
        }
        double frontier =
                frontiers == null ? 0.0 : frontiers.bound(l.unit, l.node, l.codec, l.sum, l.bottleneck, l.loss, cutoff);
        if (clearlyAbove(frontier, cutoff)) {
            return frontier;
        }
        int u = l.unit + 1;
        int remainingStages = stageLimit - l.stages;
        if (remainingStages <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        Route[] routes = routes(l);
        double inLatency = Double.POSITIVE_INFINITY;
        double inService = Double.POSITIVE_INFINITY;
        double exitLatency = Double.POSITIVE_INFINITY;
        double exitService = Double.POSITIVE_INFINITY;
        for (int y : candidates) {
            if (routes[y] == null || contains(l.used, y)) {
                continue;
            }
            inLatency = Math.min(inLatency, routes[y].latencySeconds());
            inService = Math.min(inService, routes[y].maxServiceSeconds());
            exitLatency = Math.min(exitLatency, outLatency[y]);
            exitService = Math.min(exitService, outMaxService[y]);
        }
        if (inLatency == Double.POSITIVE_INFINITY || exitLatency == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        double work = b * suffixFlops[u];
        // Capacities are summed in another order than work; the slack keeps rounding on the safe side.
        double target = work * (1 - 1e-12);
        // Fewest stages that can hold the remaining work, each within its node's memory.
        int needed = 0;
        double covered = 0.0;
        for (int y : byCapDesc[u]) {
            if (covered >= target && needed > 0) {
                break;
            }
            if (routes[y] != null && !contains(l.used, y)) {
                covered += capWork[y][u];
                needed++;
            }
        }
        if (covered < target || needed > remainingStages) {
            return Double.POSITIVE_INFINITY;
        }
        // Smallest compute bottleneck the available memory allows: Σ min(C_i t, cap_i) >= work.
        double capTime = 0.0; // stays 0 (a safe bound) if rounding hides the crossing point
        double saturated = 0.0;
        double unsaturatedSpeed = 0.0;
        for (int y : candidates) {
            if (routes[y] != null && !contains(l.used, y)) {
                unsaturatedSpeed += topology.nodes[y].computeFlops();
            }
        }
        for (int y : byCapRatio[u]) {
            if (routes[y] == null || contains(l.used, y)) {
                continue;
            }
            double speed = topology.nodes[y].computeFlops();
            double breakpoint = capWork[y][u] / speed;
            if (saturated + breakpoint * unsaturatedSpeed >= target) {
                capTime = Math.min(breakpoint, Math.max(0.0, (target - saturated) / unsaturatedSpeed));
                break;
            }
            saturated += capWork[y][u];
            unsaturatedSpeed -= speed;
        }

        int r = 0;
        double[] speeds = new double[Math.min(remainingStages, candidates.length)];
        for (int y : byComputeDesc) {
            if (r == speeds.length) {
                break;
            }
            if (routes[y] != null && !contains(l.used, y)) {
                speeds[r++] = topology.nodes[y].computeFlops();
            }
        }
        double fastest = speeds[0];
        double decode = decodeSeconds(l);
        double floor = Math.max(
                Math.max(l.bottleneck, Math.max(inService, exitService)),
                Math.max(
                        decode + b * problem.units().get(u).flopsPerSample() / fastest,
                        b * suffixMaxFlops[u] / fastest));
        Stages stages = new Stages(
                this,
                u,
                problem.maxLoss() - l.loss,
                needed,
                cutServiceMin[u],
                codingMin[u],
                floor,
                problem.microBatches() - 1);
        double lowest = Math.max(capTime, work / prefix(speeds, r));
        double best = fill(speeds, r, work, lowest, stages);
        if (floor > lowest) {
            best = Math.min(best, fill(speeds, r, work, floor, stages));
        }
        if (cutServiceMin[u] > lowest && cutServiceMin[u] < Double.POSITIVE_INFINITY) {
            best = Math.min(best, fill(speeds, r, work, cutServiceMin[u], stages));
        }
        double speedSum = 0.0;
        for (int p = 1; p <= r; p++) {
            speedSum += speeds[p - 1];
            double t = work / speedSum;
            if (t > lowest) {
                // p nodes filled exactly to t: summed compute p * t.
                best = Math.min(best, stages.value(p * t, p, t));
            }
        }
        double relaxed = l.sum + inLatency + decode + exitLatency + best;
        return Math.max(relaxed, frontier);
    }

    /**
     * The terms of the remaining-latency bound that depend on how many stages follow: a lower bound
     * on their cuts' summed time (each at least one hop, priced by the loss-cost hull under the
     * remaining budget) and the bottleneck floor, which rises to a cut's service time and to the
     * slowest stage's compute plus one coding pass once there is a cut.
     */
    private record Stages(
            SearchSpace space,
            int u,
            double budget,
            int needed,
            double cutService,
            double coding,
            double floor,
            int m1) {

        double value(double computeSum, int used, double t) {
            int cuts = Math.max(needed, used) - 1;
            double max = Math.max(floor, t);
            double transfers = 0.0;
            if (cuts > 0) {
                transfers = space.cutsCost(u, cuts, budget);
                // With a later cut, every remaining stage encodes or decodes one, the slowest included.
                max = Math.max(Math.max(max, cutService), t + coding);
            }
            return computeSum + transfers + (m1 == 0 ? 0.0 : m1 * max);
        }
    }

    /** The bound at bottleneck {@code t}, filling the fastest nodes first. */
    private static double fill(double[] speeds, int r, double work, double t, Stages stages) {
        double left = work;
        double sum = 0.0;
        int used = 0;
        for (int p = 0; p < r && left > 0; p++) {
            double take = Math.min(left, speeds[p] * t);
            sum += take / speeds[p];
            left -= take;
            if (take > work * 1e-12) {
                used++;
            }
        }
        // Work left over here is rounding at t = work / Σ speeds; dropping it keeps the bound low.
        return stages.value(sum, Math.max(used, 1), t);
    }

    private static double prefix(double[] speeds, int count) {
        double s = 0.0;
        for (int i = 0; i < count; i++) {
            s += speeds[i];
        }
        return s;
    }

    /** The plan a label spells out. */
    @Override
    public Plan plan(Label l) {
        List<StageAssignment> stages = new ArrayList<>();
        List<String> cuts = new ArrayList<>();
        for (Label x = l; x.parent != null; x = x.parent) {
            stages.add(0, new StageAssignment(topology.names[x.node], x.unit));
            if (x.codec >= 0 && x != l) {
                cuts.add(0, codecs[x.codec].name());
            }
        }
        return new Plan(stages, cuts);
    }

    /** Compares the stage lists of two labels with the same number of stages. */
    static int compareLex(Label a, Label b) {
        int[] pa = path(a);
        int[] pb = path(b);
        return Arrays.compare(pa, pb);
    }

    // Stage list flattened as (node index, last unit, codec index) triples; indices follow name order.
    private static int[] path(Label l) {
        int[] p = new int[3 * l.stages];
        int i = p.length;
        for (Label x = l; x.parent != null; x = x.parent) {
            p[--i] = x.codec;
            p[--i] = x.unit;
            p[--i] = x.node;
        }
        return p;
    }

    /** Whether {@code a} is at least as good as {@code b} for every completion (same state). */
    @Override
    public boolean dominates(Label a, Label b) {
        if (a.sum > b.sum
                || a.bottleneck > b.bottleneck
                || a.loss > b.loss
                || a.volume > b.volume
                || a.stages > b.stages
                || !subset(a.used, b.used)) {
            return false;
        }
        if (a.volume == b.volume && a.loss == b.loss && a.stages == b.stages) {
            return compareLex(a, b) <= 0;
        }
        return true;
    }

    /** Index of a label's search state (unit, node, codec) for dominance lists. */
    @Override
    public int stateKey(Label l) {
        return states.of(l.unit, l.node, l.codec);
    }

    @Override
    public int stateCount() {
        return states.size();
    }
}
