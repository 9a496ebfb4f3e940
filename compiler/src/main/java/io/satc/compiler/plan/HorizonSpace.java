package io.satc.compiler.plan;

import io.satc.compiler.lower.CodecOption;
import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.ModelUnit;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The A* search graph of cost model 2 (docs/planner.md, "Cost model 2"): labels are plan prefixes
 * as in cost model 1, with their summed time, bottleneck and volume kept per window class, and the
 * classes in which some transfer so far has no route (dark for every completion).
 *
 * <p>Satellites that cannot lie on a plan as fast as an incumbent are dropped before the search
 * ({@link HorizonNodes}); routes are computed once per window class, sender and payload, only
 * towards the remaining nodes and the sink. Bounds take, over the classes every completion keeps
 * lit, the largest of a per-class chain bound (the rest of the plan must still reach the sink and
 * run the remaining units) and cost model 1's bounds on a relaxation that holds for every window
 * at once ({@link RelaxedRoutes}).
 */
final class HorizonSpace implements PlanSpace {

    /** A plan prefix under cost model 2: cost model 1's label with its sums per window class. */
    static final class Label extends SearchSpace.Label {
        /** Per class: summed time, bottleneck and volume so far (meaningless where dark). */
        final double[] sums;

        final double[] bottlenecks;
        final double[] volumes;
        /** Classes in which some transfer so far has no route. */
        final long[] dark;

        Label(
                Label parent,
                int unit,
                int node,
                int codec,
                double loss,
                int stages,
                long[] used,
                boolean goal,
                long seq,
                double[] sums,
                double[] bottlenecks,
                double[] volumes,
                long[] dark) {
            super(parent, unit, node, codec, 0.0, 0.0, loss, 0.0, stages, used, goal, seq);
            this.sums = sums;
            this.bottlenecks = bottlenecks;
            this.volumes = volumes;
            this.dark = dark;
        }
    }

    /** Per window class, the routes from one node for one payload to every target, at {@code c·T + p}. */
    private static final class Transfers {
        final double[] latency;
        final double[] service;
        final int[] hops;

        Transfers(int size) {
            latency = new double[size];
            service = new double[size];
            hops = new int[size];
        }
    }

    private record Key(int from, double bits) {}

    /** What the searches of one planning call share: the horizon, the remaining nodes, routes and bounds. */
    static final class Shared {
        final WindowClasses horizon;
        final HorizonEvaluator evaluator;
        final HorizonNodes nodes;
        final Topology relaxedTopology;
        final RelaxedRoutes relaxedRoutes;
        final Map<Key, Transfers> routes = new HashMap<>();
        final Map<Integer, Transfers> exits = new HashMap<>();

        Shared(HorizonEvaluator evaluator, SearchOptions options) {
            this.horizon = evaluator.classes();
            this.evaluator = evaluator;
            this.nodes = new HorizonNodes(horizon, evaluator, options);
            this.relaxedTopology = new Topology(nodes.relaxedProblem());
            this.relaxedRoutes = new RelaxedRoutes(
                    new LinkGraph(relaxedTopology, nodes.relaxedProblem().links()), nodes.targets);
        }
    }

    private final Shared shared;
    private final WindowClasses horizon;
    private final HorizonNodes nodes;
    private final PlacementProblem problem;
    /** Cost model 1 over the relaxation: its bounds hold in every window; its codecs and states are ours. */
    private final SearchSpace relaxed;

    private final SearchOptions options;
    private final StageWindows windows;
    private final CodecOption[] codecs;
    private final int classes;
    private final int targets;
    private final int n;
    private final int b;
    private final int m1;
    private final int stageLimit;
    private final boolean useHeuristic;
    private long nextSeq;

    HorizonSpace(PlacementProblem problem, SearchOptions options) {
        this(new HorizonEvaluator(problem), options);
    }

    /** A space over the windows of {@code evaluator}, whose routes it shares with other searches of the problem. */
    HorizonSpace(HorizonEvaluator evaluator, SearchOptions options) {
        this(new Shared(evaluator, options), options);
    }

    private HorizonSpace(Shared shared, SearchOptions options) {
        this(shared, new SearchSpace(shared.relaxedTopology, shared.relaxedRoutes, options), options);
    }

    private HorizonSpace(Shared shared, SearchSpace relaxed, SearchOptions options) {
        this.shared = shared;
        this.horizon = shared.horizon;
        this.nodes = shared.nodes;
        this.problem = horizon.problem;
        this.relaxed = relaxed;
        this.options = options;
        this.windows = nodes.windows;
        this.codecs = relaxed.codecs();
        this.classes = horizon.classCount();
        this.targets = nodes.targets.length;
        this.n = problem.unitCount();
        this.b = problem.microBatchSize();
        this.m1 = problem.microBatches() - 1;
        this.stageLimit = problem.maxStages().orElse(Integer.MAX_VALUE);
        this.useHeuristic = options.heuristic();
    }

    /** The horizon's evaluation of the best of {@code goals} under cost model 2's order. */
    HorizonEvaluation choose(List<SearchSpace.Label> goals) {
        List<HorizonEvaluation> evaluations =
                goals.stream().map(g -> shared.evaluator.evaluate(plan(g))).toList();
        return HorizonRanking.best(evaluations)
                .orElseThrow(() -> new IllegalStateException("search produced only plans the evaluator rejects: "
                        + evaluations.get(0).violations()));
    }

    /**
     * Why no plan exists: no window links the source to the sink; or plans fit over the links of
     * the whole horizon but every one is dark in every window; or what binds over those links
     * (memory, stages, the loss budget), as {@link InfeasibilityExplainer} finds it.
     */
    List<String> explain(SearchOptions options) {
        PlacementProblem union = nodes.unionProblem();
        if (nodes.everyClassUnreachable()) {
            return List.of("In no window of the horizon does a route lead from source `" + problem.source()
                    + "` to sink `" + problem.sink() + "`.");
        }
        if (Planner.find(union, options.bounded(InfeasibilityExplainer.RELAXED_LIMIT))
                .isPresent()) {
            return List.of("Plans fit in memory and the loss budget over the links of the whole horizon, but every"
                    + " one has a transfer without a route in every window (links that are never up at the same"
                    + " time make no route).");
        }
        return InfeasibilityExplainer.explain(union, options);
    }

    /** The node filter's figures: how many nodes with compute it removed, of how many. */
    HorizonNodes nodes() {
        return nodes;
    }

    @Override
    public SearchSpace.Label start() {
        Label l = new Label(
                null,
                -1,
                horizon.topology.source,
                -1,
                0.0,
                0,
                new long[(horizon.topology.size() + 63) >>> 6],
                false,
                nextSeq++,
                new double[classes],
                new double[classes],
                new double[classes],
                nodes.unreachable.clone());
        l.f = bound(l);
        return l;
    }

    private double wire(Label l) {
        return l.unit < 0
                ? problem.inputBytesPerSample()
                : windows.activation(l.unit) / codecs[l.codec].ratioPerCut().get(l.unit);
    }

    private double decodeSeconds(Label l) {
        return l.unit < 0 ? 0.0 : codecs[l.codec].codingSeconds(b * windows.activation(l.unit));
    }

    /** Routes from {@code from} for {@code bits} to every target, per class (computed once). */
    private Transfers routes(int from, double bits) {
        return shared.routes.computeIfAbsent(new Key(from, bits), k -> {
            Transfers t = new Transfers(classes * targets);
            for (int c = 0; c < classes; c++) {
                if (nodes.isUnreachable(c)) {
                    Arrays.fill(t.hops, c * targets, (c + 1) * targets, -1);
                    continue;
                }
                horizon.routers[c].measure(k.from, k.bits, nodes.targets, t.latency, t.service, t.hops, c * targets);
            }
            return t;
        });
    }

    /** The output's routes from {@code y} to the sink, per class, at index {@code c}. */
    private Transfers exit(int y) {
        return shared.exits.computeIfAbsent(y, k -> {
            double bits = Costs.bits(b, problem.units().get(n - 1).outBytesPerSample());
            int[] sink = {horizon.topology.sink};
            Transfers t = new Transfers(classes);
            for (int c = 0; c < classes; c++) {
                if (nodes.isUnreachable(c)) {
                    t.hops[c] = -1;
                    continue;
                }
                horizon.routers[c].measure(y, bits, sink, t.latency, t.service, t.hops, c);
            }
            return t;
        });
    }

    @Override
    public List<SearchSpace.Label> successors(
            SearchSpace.Label at, double cutoff, Predicate<SearchSpace.Label> worthBounding) {
        Label label = (Label) at;
        List<SearchSpace.Label> out = new java.util.ArrayList<>();
        if (label.goal || label.stages >= stageLimit) {
            return out;
        }
        List<ModelUnit> units = problem.units();
        double wire = wire(label);
        double decode = decodeSeconds(label);
        Transfers routes = routes(label.node, Costs.bits(b, wire));
        boolean lastAllowed = label.stages + 1 == stageLimit;
        double[] sumR = new double[classes];
        double[] maxR = new double[classes];
        for (int y : nodes.candidates) {
            if (SearchSpace.contains(label.used, y) || SearchSpace.clearlyAbove(nodes.bound[y], cutoff)) {
                continue;
            }
            int p = nodes.targetOf[y];
            long[] dark = label.dark;
            for (int c = 0; c < classes; c++) {
                if (routes.hops[c * targets + p] < 0 && !SearchSpace.contains(dark, c)) {
                    dark = dark == label.dark ? dark.clone() : dark;
                    dark[c >>> 6] |= 1L << (c & 63);
                }
            }
            if (nodes.allDark(dark)) {
                continue;
            }
            ComputeNode node = horizon.topology.nodes[y];
            boolean ground = node.kind() == NodeKind.GROUND;
            double[] volR = new double[classes];
            for (int c = 0; c < classes; c++) {
                if (SearchSpace.contains(dark, c)) {
                    continue;
                }
                int i = c * targets + p;
                sumR[c] = label.sums[c] + routes.latency[i];
                maxR[c] = Math.max(label.bottlenecks[c], routes.service[i]);
                volR[c] = label.volumes[c] + Costs.volume(problem.batch(), wire, routes.hops[i]);
            }
            long[] used = null;
            int first = label.unit + 1;
            int last = windows.lastFitting(first, node.memoryBytes());
            for (int j = first; j <= last; j++) {
                ModelUnit unit = units.get(j);
                double compute = windows.computeSeconds(first, j, node.computeFlops());
                if (j == n - 1) {
                    Transfers exit = exit(y);
                    long[] goalDark = dark;
                    for (int c = 0; c < classes; c++) {
                        if (exit.hops[c] < 0 && !SearchSpace.contains(goalDark, c)) {
                            goalDark = goalDark == dark ? goalDark.clone() : goalDark;
                            goalDark[c >>> 6] |= 1L << (c & 63);
                        }
                    }
                    if (nodes.allDark(goalDark)) {
                        continue;
                    }
                    double tau = compute + (decode + 0.0);
                    double[] sums = new double[classes];
                    double[] maxes = new double[classes];
                    double[] vols = new double[classes];
                    double t = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < classes; c++) {
                        if (SearchSpace.contains(goalDark, c)) {
                            continue;
                        }
                        sums[c] = sumR[c] + tau + exit.latency[c];
                        maxes[c] = Math.max(Math.max(maxR[c], tau), exit.service[c]);
                        vols[c] = volR[c] + Costs.volume(problem.batch(), unit.outBytesPerSample(), exit.hops[c]);
                        t = Math.max(t, Costs.latency(sums[c], problem.microBatches(), maxes[c]));
                    }
                    if (SearchSpace.clearlyAbove(t, cutoff)) {
                        continue;
                    }
                    used = used == null ? SearchSpace.with(label.used, y) : used;
                    Label g = new Label(
                            label,
                            j,
                            y,
                            -1,
                            label.loss,
                            label.stages + 1,
                            used,
                            true,
                            nextSeq++,
                            sums,
                            maxes,
                            vols,
                            goalDark);
                    g.f = t;
                    out.add(g);
                } else if (!ground && !lastAllowed) {
                    double outBytes = unit.outBytesPerSample();
                    for (int c = 0; c < codecs.length; c++) {
                        double loss = label.loss + codecs[c].lossPerCut().get(j);
                        if (loss > problem.maxLoss() || relaxed.shadowed(j, c)) {
                            continue;
                        }
                        double tau = compute + (decode + codecs[c].codingSeconds(b * outBytes));
                        if (SearchSpace.clearlyAbove(prefixLatency(sumR, maxR, tau, dark), cutoff)) {
                            continue;
                        }
                        double[] sums = new double[classes];
                        double[] maxes = new double[classes];
                        for (int k = 0; k < classes; k++) {
                            sums[k] = sumR[k] + tau;
                            maxes[k] = Math.max(maxR[k], tau);
                        }
                        used = used == null ? SearchSpace.with(label.used, y) : used;
                        Label l = new Label(
                                label,
                                j,
                                y,
                                c,
                                loss,
                                label.stages + 1,
                                used,
                                false,
                                nextSeq++,
                                sums,
                                maxes,
                                volR,
                                dark);
                        if (!worthBounding.test(l)) {
                            continue;
                        }
                        l.f = bound(l, cutoff);
                        if (!SearchSpace.clearlyAbove(l.f, cutoff)) {
                            out.add(l);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The prefix's own latency after a stage of service {@code tau}, combined over the classes as bounds are. */
    private double prefixLatency(double[] sumR, double[] maxR, double tau, long[] dark) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            if (SearchSpace.contains(dark, c)) {
                continue;
            }
            double v = Costs.latency(sumR[c] + tau, problem.microBatches(), Math.max(maxR[c], tau));
            if (nodes.robust[c]) {
                max = Math.max(max, v);
            }
            min = Math.min(min, v);
        }
        return nodes.anyRobust ? max : min;
    }

    @Override
    public double bound(SearchSpace.Label l) {
        return bound((Label) l, Double.POSITIVE_INFINITY);
    }

    /**
     * A lower bound on the latency of every complete plan extending {@code l}; exact for goals. Over
     * the classes every completion keeps lit (the robust ones, when there are any; else the least
     * over the classes still lit), the largest of the chain bound and cost model 1's bounds on the
     * relaxation. See docs/planner.md for why it is admissible.
     */
    private double bound(Label l, double cutoff) {
        if (l.goal) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                if (!SearchSpace.contains(l.dark, c)) {
                    max = Math.max(max, Costs.latency(l.sums[c], problem.microBatches(), l.bottlenecks[c]));
                }
            }
            return max;
        }
        if (!useHeuristic) {
            return nodes.anyRobust ? robustPrefix(l) : minPrefix(l);
        }
        int u = l.unit + 1;
        double least = nodes.floor.least(u);
        double summed = nodes.floor.summed(u);
        double chain;
        int heaviest = -1;
        int widest = -1;
        double minSum = Double.POSITIVE_INFINITY;
        double minBottleneck = Double.POSITIVE_INFINITY;
        if (nodes.anyRobust) {
            chain = Double.NEGATIVE_INFINITY;
            double widestValue = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                if (!nodes.robust[c]) {
                    continue;
                }
                double v = l.sums[c] + nodes.toSink(c, l.node) + Math.max(least, summed + m1 * l.bottlenecks[c]);
                if (v > chain) {
                    chain = v;
                    heaviest = c;
                }
                double prefix = l.sums[c] + m1 * l.bottlenecks[c];
                if (prefix > widestValue) {
                    widestValue = prefix;
                    widest = c;
                }
            }
        } else {
            chain = Double.POSITIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                if (SearchSpace.contains(l.dark, c)) {
                    continue;
                }
                double v = l.sums[c] + nodes.toSink(c, l.node) + Math.max(least, summed + m1 * l.bottlenecks[c]);
                chain = Math.min(chain, v);
                minSum = Math.min(minSum, l.sums[c]);
                minBottleneck = Math.min(minBottleneck, l.bottlenecks[c]);
            }
        }
        if (chain == Double.POSITIVE_INFINITY || SearchSpace.clearlyAbove(chain, cutoff)) {
            return chain;
        }
        double best = chain;
        if (nodes.anyRobust) {
            best = Math.max(best, relaxedBound(l, l.sums[heaviest], l.bottlenecks[heaviest], cutoff));
            if (widest != heaviest && !SearchSpace.clearlyAbove(best, cutoff)) {
                best = Math.max(best, relaxedBound(l, l.sums[widest], l.bottlenecks[widest], cutoff));
            }
        } else {
            best = Math.max(best, relaxedBound(l, minSum, minBottleneck, cutoff));
        }
        return best;
    }

    private double robustPrefix(Label l) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            if (nodes.robust[c]) {
                max = Math.max(max, Costs.latency(l.sums[c], problem.microBatches(), l.bottlenecks[c]));
            }
        }
        return max;
    }

    private double minPrefix(Label l) {
        double min = Double.POSITIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            if (!SearchSpace.contains(l.dark, c)) {
                min = Math.min(min, Costs.latency(l.sums[c], problem.microBatches(), l.bottlenecks[c]));
            }
        }
        return min;
    }

    /** Cost model 1's bound on the relaxation for the label's state with one class's sum and bottleneck. */
    private double relaxedBound(Label l, double sum, double bottleneck, double cutoff) {
        SearchSpace.Label as = new SearchSpace.Label(
                null, l.unit, l.node, l.codec, sum, bottleneck, l.loss, 0.0, l.stages, l.used, false, -1);
        return relaxed.bound(as, cutoff);
    }

    @Override
    public int stateKey(SearchSpace.Label l) {
        return relaxed.stateKey(l);
    }

    @Override
    public int stateCount() {
        return relaxed.stateCount();
    }

    /**
     * Whether {@code a} is at least as good as {@code b} for every completion (same state): the same
     * dark classes, and in every lit class no larger sum, bottleneck and volume; no larger loss and
     * stage count; a subset of the used nodes; and on equal volumes, loss and stage count a stage
     * list no larger.
     */
    @Override
    public boolean dominates(SearchSpace.Label x, SearchSpace.Label y) {
        Label a = (Label) x;
        Label b = (Label) y;
        if (a.loss > b.loss
                || a.stages > b.stages
                || !Arrays.equals(a.dark, b.dark)
                || !SearchSpace.subset(a.used, b.used)) {
            return false;
        }
        boolean sameVolumes = true;
        for (int c = 0; c < classes; c++) {
            if (SearchSpace.contains(a.dark, c)) {
                continue;
            }
            if (a.sums[c] > b.sums[c] || a.bottlenecks[c] > b.bottlenecks[c] || a.volumes[c] > b.volumes[c]) {
                return false;
            }
            sameVolumes &= a.volumes[c] == b.volumes[c];
        }
        if (sameVolumes && a.loss == b.loss && a.stages == b.stages) {
            return SearchSpace.compareLex(a, b) <= 0;
        }
        return true;
    }

    @Override
    public void buildFrontiers(double cutoff) {
        relaxed.buildFrontiers(cutoff);
    }

    @Override
    public boolean usesHeuristic() {
        return useHeuristic;
    }

    @Override
    public int codecCount() {
        return codecs.length;
    }

    @Override
    public List<String> codecNames() {
        return relaxed.codecNames();
    }

    @Override
    public HorizonSpace withOnlyCodec(String codec) {
        return new HorizonSpace(shared, relaxed.withOnlyCodec(codec), options.onlyCodecs(List.of(codec)));
    }

    @Override
    public int nodeIndex(String name) {
        return horizon.topology.indexOf(name);
    }

    @Override
    public Plan plan(SearchSpace.Label l) {
        return relaxed.plan(l);
    }
}
