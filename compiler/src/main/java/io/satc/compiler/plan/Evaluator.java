package io.satc.compiler.plan;

import io.satc.compiler.lower.CodecOption;
import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.ModelUnit;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reference implementation of cost model v1: turns a plan into its resources, latency,
 * memory, accuracy loss and communication volume, and lists the constraints it breaks.
 *
 * <p>Baselines, tests, the plan report and the runtime's predictions all go through this class;
 * the search reproduces its arithmetic step by step (see {@link Costs}).
 */
public final class Evaluator {

    private final PlacementProblem problem;
    private final Topology topology;
    private final RouteSource router;

    /** An evaluator for plans of {@code problem}. */
    public Evaluator(PlacementProblem problem) {
        this(new Topology(problem));
    }

    Evaluator(Topology topology) {
        this(topology, new Router(topology));
    }

    /** An evaluator whose transfers take the routes of {@code routes} (one window's, under cost model 2). */
    Evaluator(Topology topology, RouteSource routes) {
        this.problem = topology.problem;
        this.topology = topology;
        this.router = routes;
    }

    /** Evaluates {@code plan} against {@code problem}. */
    public static Evaluation evaluate(PlacementProblem problem, Plan plan) {
        return new Evaluator(problem).evaluate(plan);
    }

    /**
     * Evaluates a plan. A plan that does not cover the model exactly or names an unknown node or
     * codec is a bug in the caller and throws; every cost-model constraint is reported as a violation.
     */
    public Evaluation evaluate(Plan plan) {
        int n = problem.unitCount();
        int stagesCount = plan.stageCount();
        if (plan.stages().get(stagesCount - 1).lastUnit() != n - 1) {
            throw new IllegalArgumentException("plan must end at unit " + (n - 1) + ": " + plan);
        }
        List<CodecOption> codecs = new ArrayList<>();
        for (String name : plan.cutCodecs()) {
            codecs.add(problem.codec(name).orElseThrow(() -> new IllegalArgumentException("unknown codec " + name)));
        }
        int b = problem.microBatchSize();
        List<ModelUnit> units = problem.units();
        List<Violation> violations = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        List<StageMemory> memory = new ArrayList<>();

        if (problem.maxStages().isPresent() && stagesCount > problem.maxStages().getAsInt()) {
            int limit = problem.maxStages().getAsInt();
            violations.add(new Violation(
                    Violation.Kind.MAX_STAGES,
                    "The plan has " + stagesCount + " stages; at most " + limit + " are allowed.",
                    stagesCount - limit));
        }
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < stagesCount; k++) {
            String name = plan.stages().get(k).node();
            ComputeNode node = topology.nodes[topology.indexOf(name)];
            if (!seen.add(name)) {
                violations.add(new Violation(
                        Violation.Kind.REPEATED_NODE, "Stage " + (k + 1) + " reuses node `" + name + "`.", 1));
            }
            if (!node.hasCompute()) {
                violations.add(new Violation(
                        Violation.Kind.NO_COMPUTE,
                        "Stage " + (k + 1) + " is on `" + name + "`, which has no compute.",
                        1));
            }
            if (node.kind() == NodeKind.GROUND && k < stagesCount - 1) {
                violations.add(new Violation(
                        Violation.Kind.GROUND_NOT_LAST,
                        "Stage " + (k + 1) + " is on ground station `" + name + "`; only the last stage may be.",
                        1));
            }
        }

        double sum = 0.0;
        double bottleneck = 0.0;
        double volume = 0.0;
        double loss = 0.0;
        double rawCutBytes = 0.0;
        double wireCutBytes = 0.0;
        boolean routed = true;
        int from = topology.source;
        double inBytes = problem.inputBytesPerSample();
        for (int k = 0; k < stagesCount; k++) {
            StageAssignment stage = plan.stages().get(k);
            int at = topology.indexOf(stage.node());
            double wire =
                    k == 0 ? inBytes : inBytes / codecs.get(k - 1).ratioPerCut().get(plan.firstUnit(k) - 1);
            Route route = router.route(from, at, Costs.bits(b, wire));
            if (route == null) {
                routed = false;
                violations.add(unreachable(topology.names[from], stage.node(), k == 0 ? "the input" : "cut " + k));
            } else {
                addHops(resources, k, route);
                sum += route.latencySeconds();
                bottleneck = Math.max(bottleneck, route.maxServiceSeconds());
                volume += Costs.volume(problem.batch(), wire, route.hopCount());
            }
            double flops = 0.0;
            double weights = 0.0;
            double maxOut = 0.0;
            for (int u = plan.firstUnit(k); u <= stage.lastUnit(); u++) {
                flops += units.get(u).flopsPerSample();
                weights += units.get(u).weightBytes();
                maxOut = Math.max(maxOut, units.get(u).outBytesPerSample());
            }
            ComputeNode node = topology.nodes[at];
            double compute = Costs.computeSeconds(b, flops, node.computeFlops());
            double decode = k == 0 ? 0.0 : codecs.get(k - 1).codingSeconds(b * inBytes);
            double outBytes = units.get(stage.lastUnit()).outBytesPerSample();
            double encode = k == stagesCount - 1 ? 0.0 : codecs.get(k).codingSeconds(b * outBytes);
            Resource.StageWork work = new Resource.StageWork(
                    k, stage.node(), plan.firstUnit(k), stage.lastUnit(), compute, decode + encode);
            resources.add(work);
            sum += work.serviceSeconds();
            bottleneck = Math.max(bottleneck, work.serviceSeconds());
            StageMemory mem = new StageMemory(
                    k, stage.node(), Costs.memoryBytes(b, weights, inBytes, maxOut), node.memoryBytes());
            memory.add(mem);
            if (!mem.fits()) {
                violations.add(new Violation(
                        Violation.Kind.MEMORY,
                        "Stage " + (k + 1) + " on `" + stage.node()
                                + "` needs " + Costs.memory(mem.requiredBytes()) + "; the node holds "
                                + Costs.memory(mem.availableBytes()) + ".",
                        mem.requiredBytes() - mem.availableBytes()));
            }
            if (k < stagesCount - 1) {
                CodecOption codec = codecs.get(k);
                loss += codec.lossPerCut().get(stage.lastUnit());
                rawCutBytes += outBytes;
                wireCutBytes += outBytes / codec.ratioPerCut().get(stage.lastUnit());
            }
            from = at;
            inBytes = outBytes;
        }
        Route out = router.route(from, topology.sink, Costs.bits(b, inBytes));
        if (out == null) {
            routed = false;
            violations.add(unreachable(topology.names[from], problem.sink(), "the output"));
        } else {
            addHops(resources, stagesCount, out);
            sum += out.latencySeconds();
            bottleneck = Math.max(bottleneck, out.maxServiceSeconds());
            volume += Costs.volume(problem.batch(), inBytes, out.hopCount());
        }
        if (loss > problem.maxLoss()) {
            violations.add(new Violation(
                    Violation.Kind.ACCURACY,
                    "The codecs lose " + Costs.percent(loss) + " accuracy; the budget is "
                            + Costs.percent(problem.maxLoss()) + ".",
                    loss - problem.maxLoss()));
        }
        double latency = routed ? Costs.latency(sum, problem.microBatches(), bottleneck) : Double.POSITIVE_INFINITY;
        double ratio = wireCutBytes > 0 ? rawCutBytes / wireCutBytes : 1.0;
        return new Evaluation(plan, resources, sum, bottleneck, latency, memory, loss, volume, ratio, violations);
    }

    private static Violation unreachable(String from, String to, String what) {
        return new Violation(
                Violation.Kind.UNREACHABLE, "No route carries " + what + " from `" + from + "` to `" + to + "`.", 1);
    }

    private static void addHops(List<Resource> resources, int transfer, Route route) {
        for (Route.Leg leg : route.legs()) {
            resources.add(new Resource.Hop(
                    transfer, leg.from(), leg.to(), route.bits(), leg.serviceSeconds(), leg.delaySeconds()));
        }
    }
}
