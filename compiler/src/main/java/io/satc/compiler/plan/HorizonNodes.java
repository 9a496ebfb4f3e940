package io.satc.compiler.plan;

import io.satc.compiler.lower.CodecOption;
import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which nodes cost model 2's search may place stages on, and the per-class facts its bounds use
 * (docs/planner.md, "Cost model 2"). A node {@code z} is dropped when every plan through it is
 * clearly slower than an incumbent: in every class the plan keeps lit, its transfers chain from the
 * source through {@code z} to the sink, which takes at least the shortest latency via {@code z} for
 * the smallest payload, and its stages cost at least {@link ComputeFloor#least(int)}.
 *
 * <p>A class is <em>robust</em> when no plan over the remaining nodes can be dark in it: the source
 * and every remaining satellite reach each other, every remaining ground station is reachable and
 * reaches the sink. A plan's latency is at least its latency in every robust class; without robust
 * classes only the least over the classes it keeps lit bounds it. Dropping nodes makes more classes
 * robust, which sharpens the filter, so it is repeated until nothing changes.
 */
final class HorizonNodes {

    final StageWindows windows;
    /** Nodes a stage may use, ascending. */
    final int[] candidates;
    /** The candidates and the sink, ascending: where routes are computed to. */
    final int[] targets;
    /** Per node: its position among the targets, or −1. */
    final int[] targetOf;
    /** Per node: the filter's lower bound on the latency of any plan through it (+∞ if none is lit anywhere). */
    final double[] bound;
    /** Per class: robust for the candidates. */
    final boolean[] robust;

    final boolean anyRobust;
    /** Classes in which the source cannot reach the sink, as a bit set: dark for every plan. */
    final long[] unreachable;

    final ComputeFloor floor;
    /** Nodes with compute before the filter, and how many it removed. */
    final int computeNodes;

    final int removed;
    /** The incumbent latency the filter used (+∞ when the simple plans were all infeasible). */
    final double incumbent;

    private final WindowClasses horizon;
    private final int classes;
    /** Per class and target: least latency to the sink for the smallest payload, lowered against rounding. */
    private final double[] toSink;

    private final PlacementProblem relaxedProblem;

    HorizonNodes(WindowClasses horizon, HorizonEvaluator evaluator, SearchOptions options) {
        this.horizon = horizon;
        PlacementProblem problem = horizon.problem;
        Topology topology = horizon.topology;
        this.windows = new StageWindows(problem);
        this.classes = horizon.classCount();
        int n = topology.size();
        int b = problem.microBatchSize();
        unreachable = new long[(classes + 63) >>> 6];
        for (int c = 0; c < classes; c++) {
            if (horizon.unreachable[c]) {
                unreachable[c >>> 6] |= 1L << (c & 63);
            }
        }
        double smallest = smallestPayload(problem);
        // via[c][z]: least latency source -> z -> sink in class c for the smallest payload.
        double[][] via = new double[classes][];
        double[][] down = new double[classes][];
        for (int c = 0; c < classes; c++) {
            if (horizon.unreachable[c]) {
                continue;
            }
            double[] from = Distances.from(horizon.graphs[c], topology.source, smallest);
            double[] to = Distances.to(horizon.graphs[c], topology.sink, smallest);
            via[c] = new double[n];
            for (int z = 0; z < n; z++) {
                to[z] *= 1 - 1e-12;
                via[c][z] = from[z] + to[z];
            }
            down[c] = to;
        }
        boolean[] kept = new boolean[n];
        int count = 0;
        for (int z = 0; z < n; z++) {
            kept[z] = topology.nodes[z].hasCompute();
            count += kept[z] ? 1 : 0;
        }
        computeNodes = count;
        boolean heuristic = options.heuristic();
        incumbent = heuristic ? incumbent(evaluator, options) : Double.POSITIVE_INFINITY;
        bound = new double[n];
        boolean[] robustNow;
        ComputeFloor floorNow;
        while (true) {
            robustNow = robustClasses(kept);
            floorNow = floorOver(kept);
            boolean any = false;
            for (boolean r : robustNow) {
                any |= r;
            }
            boolean changed = false;
            for (int z = 0; z < n; z++) {
                if (!kept[z]) {
                    continue;
                }
                double best = any ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    if (via[c] == null) {
                        continue;
                    }
                    if (any && robustNow[c]) {
                        best = Math.max(best, via[c][z]);
                    } else if (!any) {
                        best = Math.min(best, via[c][z]);
                    }
                }
                bound[z] = best == Double.POSITIVE_INFINITY ? best : (best + floorNow.least(0)) * (1 - 1e-12);
                if (bound[z] == Double.POSITIVE_INFINITY
                        || (heuristic && bound[z] > incumbent && !Router.tied(bound[z], incumbent))) {
                    kept[z] = false;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        robust = robustNow;
        boolean any = false;
        for (boolean r : robust) {
            any |= r;
        }
        anyRobust = any;
        floor = floorNow;
        List<Integer> cands = new ArrayList<>();
        List<Integer> targs = new ArrayList<>();
        int kept2 = 0;
        for (int z = 0; z < n; z++) {
            if (kept[z]) {
                cands.add(z);
                kept2++;
            }
            if (kept[z] || z == topology.sink) {
                targs.add(z);
            }
        }
        removed = computeNodes - kept2;
        candidates = cands.stream().mapToInt(Integer::intValue).toArray();
        targets = targs.stream().mapToInt(Integer::intValue).toArray();
        targetOf = new int[n];
        Arrays.fill(targetOf, -1);
        for (int p = 0; p < targets.length; p++) {
            targetOf[targets[p]] = p;
        }
        // The chain bound asks for the sink distance of the source and of candidates.
        toSink = new double[classes * targets.length + classes];
        for (int c = 0; c < classes; c++) {
            for (int p = 0; p < targets.length; p++) {
                toSink[c * targets.length + p] = down[c] == null ? Double.POSITIVE_INFINITY : down[c][targets[p]];
            }
            toSink[classes * targets.length + c] =
                    down[c] == null ? Double.POSITIVE_INFINITY : down[c][topology.source];
        }
        relaxedProblem = relax(kept, false);
    }

    /** Whether class {@code c} is dark for every plan. */
    boolean isUnreachable(int c) {
        return SearchSpace.contains(unreachable, c);
    }

    /** Whether a set of dark classes covers every class. */
    boolean allDark(long[] dark) {
        for (int c = 0; c < classes; c++) {
            if (!SearchSpace.contains(dark, c)) {
                return false;
            }
        }
        return true;
    }

    /** Least latency from {@code node} (the source or a candidate) to the sink in class {@code c}, lowered. */
    double toSink(int c, int node) {
        int p = targetOf[node];
        return p >= 0 ? toSink[c * targets.length + p] : toSink[classes * targets.length + c];
    }

    /**
     * Cost model 1's problem over the relaxation: every link that is up in some class the source
     * can reach the sink in, each pair of nodes at its largest rate and least delay; nodes the
     * filter removed keep their links but lose their compute, so they only relay.
     */
    PlacementProblem relaxedProblem() {
        return relaxedProblem;
    }

    /**
     * Cost model 1's problem over every link up in some window, at its best, with every node's
     * compute: what the infeasibility explanation reasons about.
     */
    PlacementProblem unionProblem() {
        boolean[] all = new boolean[horizon.topology.size()];
        Arrays.fill(all, true);
        return relax(all, true);
    }

    /** Whether the source reaches the sink in no window: every plan is dark throughout. */
    boolean everyClassUnreachable() {
        for (int c = 0; c < classes; c++) {
            if (!isUnreachable(c)) {
                return false;
            }
        }
        return true;
    }

    private PlacementProblem relax(boolean[] kept, boolean everyClass) {
        PlacementProblem problem = horizon.problem;
        Topology topology = horizon.topology;
        int n = topology.size();
        // Per node, its relaxed neighbours with their best rate and delay (degrees are small).
        int[][] to = new int[n][];
        double[][] rate = new double[n][];
        double[][] delay = new double[n][];
        int[] degree = new int[n];
        for (int c = 0; c < classes; c++) {
            if (horizon.unreachable[c] && !everyClass) {
                continue;
            }
            LinkGraph g = horizon.graphs[c];
            for (int u = 0; u < n; u++) {
                for (int e = g.outStart[u]; e < g.outStart[u + 1]; e++) {
                    int v = g.outTo[e];
                    int k = 0;
                    while (k < degree[u] && to[u][k] != v) {
                        k++;
                    }
                    if (k == degree[u]) {
                        if (to[u] == null || k == to[u].length) {
                            int size = to[u] == null ? 4 : 2 * k;
                            to[u] = to[u] == null ? new int[size] : Arrays.copyOf(to[u], size);
                            rate[u] = rate[u] == null ? new double[size] : Arrays.copyOf(rate[u], size);
                            delay[u] = delay[u] == null ? new double[size] : Arrays.copyOf(delay[u], size);
                        }
                        to[u][k] = v;
                        rate[u][k] = g.outRate[e];
                        delay[u][k] = g.outDelay[e];
                        degree[u]++;
                    } else {
                        rate[u][k] = Math.max(rate[u][k], g.outRate[e]);
                        delay[u][k] = Math.min(delay[u][k], g.outDelay[e]);
                    }
                }
            }
        }
        List<Link> links = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            for (int k = 0; k < degree[u]; k++) {
                links.add(new Link(topology.names[u], topology.names[to[u][k]], rate[u][k], delay[u][k]));
            }
        }
        List<ComputeNode> nodes = new ArrayList<>();
        for (int z = 0; z < n; z++) {
            ComputeNode node = topology.nodes[z];
            nodes.add(kept[z] ? node : new ComputeNode(node.name(), node.kind(), 0.0, node.memoryBytes()));
        }
        return new PlacementProblem(
                problem.mission(),
                problem.units(),
                problem.inputBytesPerSample(),
                problem.batch(),
                problem.microBatches(),
                nodes,
                links,
                problem.codecs(),
                problem.source(),
                problem.sink(),
                problem.maxLoss(),
                problem.maxStages(),
                Optional.empty());
    }

    /** The smallest payload any transfer can carry: the input, the output or any cut with any codec. */
    private static double smallestPayload(PlacementProblem problem) {
        int b = problem.microBatchSize();
        int n = problem.unitCount();
        double bytes = Math.min(
                problem.inputBytesPerSample(), problem.units().get(n - 1).outBytesPerSample());
        for (int j = 0; j < n - 1; j++) {
            for (CodecOption c : problem.codecs()) {
                bytes = Math.min(
                        bytes,
                        problem.units().get(j).outBytesPerSample()
                                / c.ratioPerCut().get(j));
            }
        }
        return Costs.bits(b, bytes);
    }

    /** Per class: whether no plan over the kept nodes can be dark in it. */
    private boolean[] robustClasses(boolean[] kept) {
        Topology topology = horizon.topology;
        boolean[] robust = new boolean[classes];
        for (int c = 0; c < classes; c++) {
            if (horizon.unreachable[c]) {
                continue;
            }
            LinkGraph g = horizon.graphs[c];
            boolean[] out = WindowClasses.reachable(g, topology.source);
            boolean[] back = WindowClasses.reaching(g, topology.source);
            boolean[] sink = WindowClasses.reaching(g, topology.sink);
            boolean ok = true;
            for (int z = 0; z < topology.size() && ok; z++) {
                if (!kept[z]) {
                    continue;
                }
                ok = topology.nodes[z].kind() == NodeKind.GROUND ? out[z] && sink[z] : out[z] && back[z];
            }
            robust[c] = ok;
        }
        return robust;
    }

    private ComputeFloor floorOver(boolean[] kept) {
        PlacementProblem problem = horizon.problem;
        Topology topology = horizon.topology;
        double[] flops =
                problem.units().stream().mapToDouble(u -> u.flopsPerSample()).toArray();
        List<Double> speeds = new ArrayList<>();
        for (int z = 0; z < topology.size(); z++) {
            if (kept[z]) {
                speeds.add(topology.nodes[z].computeFlops());
            }
        }
        return new ComputeFloor(
                flops,
                problem.microBatchSize(),
                problem.microBatches(),
                speeds.stream().mapToDouble(Double::doubleValue).toArray(),
                problem.maxStages().orElse(Integer.MAX_VALUE));
    }

    /**
     * The best latency of a few simple plans that the search could return (so their latency bounds
     * its optimum): everything on the sink, everything on the source, and, along the input's route
     * to the sink in the first lit class and in the class where that route is slowest, the units in
     * order on the satellites it crosses, each taking as many as fit, the rest on the sink, with
     * each codec the search may use on every cut.
     */
    private double incumbent(HorizonEvaluator evaluator, SearchOptions options) {
        PlacementProblem problem = horizon.problem;
        Topology topology = horizon.topology;
        int n = problem.unitCount();
        List<Plan> plans = new ArrayList<>();
        plans.add(new Plan(List.of(new StageAssignment(problem.sink(), n - 1)), List.of()));
        plans.add(new Plan(List.of(new StageAssignment(problem.source(), n - 1)), List.of()));
        int first = -1;
        int slowest = -1;
        double slowestLatency = -1;
        double inBits = Costs.bits(problem.microBatchSize(), problem.inputBytesPerSample());
        for (int c = 0; c < classes; c++) {
            if (horizon.unreachable[c]) {
                continue;
            }
            first = first < 0 ? c : first;
            Route r = horizon.routers[c].route(topology.source, topology.sink, inBits);
            if (r.latencySeconds() > slowestLatency) {
                slowestLatency = r.latencySeconds();
                slowest = c;
            }
        }
        List<String> codecs = new ArrayList<>();
        for (CodecOption c : problem.codecs()) {
            if (options.codecs().isEmpty() || options.codecs().contains(c.name())) {
                codecs.add(c.name());
            }
        }
        for (int c : new int[] {first, slowest}) {
            if (c < 0) {
                continue;
            }
            int[] path = horizon.routers[c].path(topology.source, topology.sink, inBits);
            List<StageAssignment> stages = new ArrayList<>();
            int u = 0;
            for (int z : path) {
                ComputeNode node = topology.nodes[z];
                if (u >= n || !node.hasCompute() || (node.kind() == NodeKind.GROUND && z != topology.sink)) {
                    continue;
                }
                int last = z == topology.sink ? n - 1 : Math.min(windows.lastFitting(u, node.memoryBytes()), n - 1);
                if (last >= u) {
                    stages.add(new StageAssignment(node.name(), last));
                    u = last + 1;
                }
            }
            if (u < n || stages.isEmpty()) {
                continue;
            }
            for (String codec : codecs) {
                plans.add(new Plan(stages, java.util.Collections.nCopies(stages.size() - 1, codec)));
            }
        }
        double best = Double.POSITIVE_INFINITY;
        for (Plan p : plans) {
            if (!withinOptions(p, codecs)) {
                continue;
            }
            HorizonEvaluation e = evaluator.evaluate(p);
            if (e.feasible()) {
                best = Math.min(best, e.latencySeconds());
            }
        }
        return best;
    }

    private boolean withinOptions(Plan p, List<String> codecs) {
        PlacementProblem problem = horizon.problem;
        if (problem.maxStages().isPresent()
                && p.stageCount() > problem.maxStages().getAsInt()) {
            return false;
        }
        return codecs.containsAll(p.cutCodecs());
    }
}
