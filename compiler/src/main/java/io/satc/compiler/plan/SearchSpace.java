package io.satc.compiler.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The A* search graph of one planning call: labels, their successors and their lower bounds.
 *
 * <p>A label stands for a plan prefix that has run units {@code 0..unit} with its last stage on
 * {@code node}, and whose outgoing activation will be sent with {@code codec}. Its numbers repeat
 * the {@link Evaluator}'s arithmetic in the same order, so a completed label's latency equals the
 * evaluator's to the last bit. Package-private so the tests can check the heuristic on any label.
 */
final class SearchSpace {

    /** A plan prefix with its partial costs; immutable except for the {@code dead} mark. */
    static final class Label {
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

        Label(Label parent, int unit, int node, int codec, double sum, double bottleneck, double loss,
                double volume, int stages, long[] used, boolean goal, long seq) {
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
    final Router router;
    private final boolean useHeuristic;
    private final int n;
    private final int b;
    private final int stageLimit;
    private final CodecOption[] codecs;
    private final int[] candidates;
    private final int[] byComputeDesc;
    private final double[] suffixFlops;
    private final double[] suffixMaxFlops;
    private final double[] outLatency;
    private final double[] outMaxService;
    private final Route[] outRoutes;
    private long nextSeq;

    SearchSpace(Topology topology, SearchOptions options) {
        this.problem = topology.problem;
        this.topology = topology;
        this.router = new Router(topology);
        this.useHeuristic = options.heuristic();
        this.n = problem.unitCount();
        this.b = problem.microBatchSize();
        this.stageLimit = problem.maxStages().orElse(Integer.MAX_VALUE);
        List<CodecOption> allowed = new ArrayList<>();
        for (CodecOption c : problem.codecs()) {
            if (options.codecs().isEmpty() || options.codecs().contains(c.name())) {
                allowed.add(c);
            }
        }
        for (String name : options.codecs()) {
            if (problem.codec(name).isEmpty()) {
                throw new IllegalArgumentException("unknown codec " + name);
            }
        }
        // Name order, so successors are generated in the cost model's lexicographic order.
        allowed.sort(Comparator.comparing(CodecOption::name));
        this.codecs = allowed.toArray(new CodecOption[0]);
        this.candidates = Arrays.stream(indices(topology.size()))
                .filter(i -> topology.nodes[i].hasCompute()).toArray();
        this.byComputeDesc = Arrays.stream(candidates).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -topology.nodes[i].computeFlops())
                        .thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        this.suffixFlops = new double[n + 1];
        this.suffixMaxFlops = new double[n + 1];
        for (int u = n - 1; u >= 0; u--) {
            suffixFlops[u] = suffixFlops[u + 1] + problem.units().get(u).flopsPerSample();
            suffixMaxFlops[u] = Math.max(suffixMaxFlops[u + 1], problem.units().get(u).flopsPerSample());
        }
        double outBits = Costs.bits(b, problem.units().get(n - 1).outBytesPerSample());
        this.outRoutes = new Route[topology.size()];
        this.outLatency = new double[topology.size()];
        this.outMaxService = new double[topology.size()];
        for (int y : candidates) {
            outRoutes[y] = router.routesFrom(y, outBits)[topology.sink];
            outLatency[y] = outRoutes[y] == null ? Double.POSITIVE_INFINITY : outRoutes[y].latencySeconds();
            outMaxService[y] = outRoutes[y] == null ? Double.POSITIVE_INFINITY : outRoutes[y].maxServiceSeconds();
        }
    }

    private static int[] indices(int size) {
        int[] a = new int[size];
        for (int i = 0; i < size; i++) {
            a[i] = i;
        }
        return a;
    }

    int codecCount() {
        return codecs.length;
    }

    int unitCount() {
        return n;
    }

    /** The empty prefix: nothing run, the raw input held at the source. */
    Label start() {
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

    private static long[] with(long[] set, int i) {
        long[] copy = set.clone();
        copy[i >>> 6] |= 1L << (i & 63);
        return copy;
    }

    /** Bytes per sample of the activation a label sends next, before compression. */
    private double activation(Label l) {
        return l.unit < 0 ? problem.inputBytesPerSample() : problem.units().get(l.unit).outBytesPerSample();
    }

    /** Bytes per sample a label sends next, after its codec. */
    private double wire(Label l) {
        return l.unit < 0 ? problem.inputBytesPerSample()
                : activation(l) / codecs[l.codec].ratioPerCut().get(l.unit);
    }

    private double decodeSeconds(Label l) {
        return l.unit < 0 ? 0.0 : codecs[l.codec].codingSeconds(b * activation(l));
    }

    /** All one-stage extensions of {@code label}, in (node, last unit, codec) order. */
    List<Label> successors(Label label) {
        List<Label> out = new ArrayList<>();
        if (label.goal || label.stages >= stageLimit) {
            return out;
        }
        List<ModelUnit> units = problem.units();
        double aIn = activation(label);
        double wire = wire(label);
        double decode = decodeSeconds(label);
        Route[] routes = router.routesFrom(label.node, Costs.bits(b, wire));
        boolean lastAllowed = label.stages + 1 == stageLimit;
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
            long[] used = with(label.used, y);
            double flops = 0.0;
            double weights = 0.0;
            double maxOut = 0.0;
            for (int j = label.unit + 1; j < n; j++) {
                ModelUnit unit = units.get(j);
                flops += unit.flopsPerSample();
                weights += unit.weightBytes();
                maxOut = Math.max(maxOut, unit.outBytesPerSample());
                if (Costs.memoryBytes(b, weights, aIn, maxOut) > node.memoryBytes()) {
                    break;
                }
                double compute = Costs.computeSeconds(b, flops, node.computeFlops());
                if (j == n - 1) {
                    Route exit = outRoutes[y];
                    if (exit == null) {
                        continue;
                    }
                    double tau = compute + (decode + 0.0);
                    double sum = sumR + tau + exit.latencySeconds();
                    double max = Math.max(Math.max(maxR, tau), exit.maxServiceSeconds());
                    double vol = volR + Costs.volume(problem.batch(), unit.outBytesPerSample(), exit.hopCount());
                    Label g = new Label(label, j, y, -1, sum, max, label.loss, vol, label.stages + 1, used, true,
                            nextSeq++);
                    g.f = Costs.latency(sum, problem.microBatches(), max);
                    out.add(g);
                } else if (!ground && !lastAllowed) {
                    double outBytes = unit.outBytesPerSample();
                    for (int c = 0; c < codecs.length; c++) {
                        double loss = label.loss + codecs[c].lossPerCut().get(j);
                        if (loss > problem.maxLoss()) {
                            continue;
                        }
                        double tau = compute + (decode + codecs[c].codingSeconds(b * outBytes));
                        Label l = new Label(label, j, y, c, sumR + tau, Math.max(maxR, tau), loss, volR,
                                label.stages + 1, used, false, nextSeq++);
                        l.f = bound(l);
                        out.add(l);
                    }
                }
            }
        }
        return out;
    }

    /**
     * A lower bound on the latency of every complete plan extending {@code l}; exact for goals.
     * See docs/planner.md for the admissibility argument.
     */
    double bound(Label l) {
        if (l.goal) {
            return Costs.latency(l.sum, problem.microBatches(), l.bottleneck);
        }
        if (!useHeuristic) {
            return Costs.latency(l.sum, problem.microBatches(), l.bottleneck);
        }
        int remainingStages = Math.min(stageLimit - l.stages, candidates.length);
        if (remainingStages <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        Route[] routes = router.routesFrom(l.node, Costs.bits(b, wire(l)));
        double inLatency = Double.POSITIVE_INFINITY;
        double inService = Double.POSITIVE_INFINITY;
        double exitLatency = Double.POSITIVE_INFINITY;
        double exitService = Double.POSITIVE_INFINITY;
        for (int y : candidates) {
            if (contains(l.used, y) || routes[y] == null) {
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
        double fastest = 0.0;
        double topSum = 0.0;
        int taken = 0;
        for (int y : byComputeDesc) {
            if (taken == remainingStages) {
                break;
            }
            if (!contains(l.used, y)) {
                if (taken == 0) {
                    fastest = topology.nodes[y].computeFlops();
                }
                topSum += topology.nodes[y].computeFlops();
                taken++;
            }
        }
        if (taken == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double work = b * suffixFlops[l.unit + 1];
        double decode = decodeSeconds(l);
        double nextStage = decode + b * problem.units().get(l.unit + 1).flopsPerSample() / fastest;
        double remainingSum = inLatency + decode + work / fastest + exitLatency;
        double remainingMax = Math.max(Math.max(work / topSum, b * suffixMaxFlops[l.unit + 1] / fastest),
                Math.max(nextStage, Math.max(inService, exitService)));
        return Costs.latency(l.sum + remainingSum, problem.microBatches(), Math.max(l.bottleneck, remainingMax));
    }

    /** The plan a label spells out. */
    Plan plan(Label l) {
        List<StageAssignment> stages = new ArrayList<>();
        List<String> cuts = new ArrayList<>();
        for (Label x = l; x.parent != null; x = x.parent) {
            stages.add(0, new StageAssignment(topology.names[x.node], x.unit));
            if (x.codec >= 0) {
                cuts.add(0, codecs[x.codec].name());
            }
        }
        return new Plan(stages, cuts);
    }

    /** Compares the stage lists of two labels with the same number of stages. */
    int compareLex(Label a, Label b) {
        int[] pa = path(a);
        int[] pb = path(b);
        return Arrays.compare(pa, pb);
    }

    // Stage list flattened as (node index, last unit, codec index) triples; indices follow name order.
    private int[] path(Label l) {
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
    boolean dominates(Label a, Label b) {
        if (a.sum > b.sum || a.bottleneck > b.bottleneck || a.loss > b.loss || a.volume > b.volume
                || a.stages > b.stages || !subset(a.used, b.used)) {
            return false;
        }
        if (a.volume == b.volume && a.loss == b.loss && a.stages == b.stages) {
            return compareLex(a, b) <= 0;
        }
        return true;
    }

    /** Index of a label's search state (unit, node, codec) for dominance lists. */
    int stateKey(Label l) {
        return (l.unit * topology.size() + l.node) * (codecs.length + 1) + (l.codec + 1);
    }

    int stateCount() {
        return n * topology.size() * (codecs.length + 1);
    }
}
