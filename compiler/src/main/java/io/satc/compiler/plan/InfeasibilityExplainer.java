package io.satc.compiler.plan;

import io.satc.compiler.lower.CodecOption;
import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.ModelUnit;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Works out, after a search has found nothing, which constraints bind and by how much, with
 * explicit checks and relaxed re-searches; each reason is a sentence with the numbers.
 */
final class InfeasibilityExplainer {

    /** Expansion budget of each relaxed re-search, so explaining never costs more than planning. */
    static final long RELAXED_LIMIT = 20_000;

    private InfeasibilityExplainer() {}

    static List<String> explain(PlacementProblem problem, SearchOptions options) {
        List<String> reasons = new ArrayList<>();
        Topology topology = new Topology(problem);
        Router router = new Router(topology);
        int b = problem.microBatchSize();
        int n = problem.unitCount();
        List<ModelUnit> units = problem.units();
        StageWindows windows = new StageWindows(problem);

        List<Integer> computeNodes = new ArrayList<>();
        for (int i = 0; i < topology.size(); i++) {
            if (topology.nodes[i].hasCompute()) {
                computeNodes.add(i);
            }
        }
        if (computeNodes.isEmpty()) {
            reasons.add("No satellite or ground station has compute.");
            return reasons;
        }
        Route[] fromSource = router.routesFrom(topology.source, Costs.bits(b, problem.inputBytesPerSample()));
        if (computeNodes.stream().noneMatch(i -> fromSource[i] != null)) {
            reasons.add(
                    "No satellite or ground station with compute is reachable from source `" + problem.source() + "`.");
        }
        double outBits = Costs.bits(b, units.get(n - 1).outBytesPerSample());
        if (computeNodes.stream().noneMatch(i -> router.routesFrom(i, outBits)[topology.sink] != null)) {
            reasons.add("No satellite or ground station with compute can reach sink `" + problem.sink() + "`.");
        }

        double largestSatellite = 0.0;
        double largestGround = 0.0;
        for (int i : computeNodes) {
            ComputeNode node = topology.nodes[i];
            if (node.kind() == NodeKind.SATELLITE) {
                largestSatellite = Math.max(largestSatellite, node.memoryBytes());
            } else {
                largestGround = Math.max(largestGround, node.memoryBytes());
            }
        }
        double largest = Math.max(largestSatellite, largestGround);
        for (int u = 0; u < n; u++) {
            ModelUnit unit = units.get(u);
            double alone = windows.memoryBytes(u, u);
            double onGround = windows.memoryBytes(u, n - 1);
            if (alone > largestSatellite && onGround > largestGround) {
                reasons.add("Unit " + u + " (`" + unit.name() + "`) alone needs " + Costs.memory(alone)
                        + "; the largest satellite holds " + Costs.memory(largestSatellite)
                        + (largestGround > 0
                                ? " and the largest ground station " + Costs.memory(largestGround)
                                        + " (which would also need " + Costs.memory(onGround - alone) + " for the rest)"
                                : "")
                        + ".");
            }
        }
        if (!reasons.isEmpty()) {
            return reasons;
        }

        // Every stage on the largest node is optimistic, so this count is a lower bound.
        int minStages = 0;
        int u = 0;
        while (u < n) {
            minStages++;
            u = Math.max(windows.lastFitting(u, largest) + 1, u + 1);
        }
        if (problem.maxStages().isPresent() && minStages > problem.maxStages().getAsInt()) {
            reasons.add("The model needs at least " + minStages + " stages to fit in memory ("
                    + Costs.memory(totalWeights(units)) + " of weights, at most " + Costs.memory(largest)
                    + " per node); max_stages is " + problem.maxStages().getAsInt() + ".");
        }
        if (minStages > computeNodes.size()) {
            reasons.add("The model needs at least " + minStages + " stages to fit in memory, but only "
                    + computeNodes.size() + " nodes have compute.");
        }
        if (!reasons.isEmpty()) {
            return reasons;
        }

        SearchOptions relaxed = options.bounded(RELAXED_LIMIT);
        Optional<Evaluation> unlimited = problem.maxStages().isPresent()
                ? Planner.find(problem.withMaxStages(OptionalInt.empty()), relaxed)
                : Optional.empty();
        if (unlimited.isPresent()) {
            reasons.add("max_stages = " + problem.maxStages().getAsInt() + " binds: the fastest plan that fits needs "
                    + unlimited.get().plan().stageCount() + " stages.");
        }
        Optional<Evaluation> lossless = Planner.find(problem.withMaxLoss(Double.MAX_VALUE), relaxed);
        if (lossless.isPresent()) {
            // The loss of a plan does not depend on the budget it was searched under.
            Evaluation e = lossless.get();
            double cheapestCut = cheapestCutLoss(problem, options);
            if (cheapestCut > problem.maxLoss()) {
                reasons.add("Every plan that fits needs a cut, and the cheapest cut with "
                        + codecNames(problem, options) + " costs " + Costs.percent(cheapestCut)
                        + " loss; the budget is " + Costs.percent(problem.maxLoss()) + ".");
            } else {
                reasons.add("The loss budget of " + Costs.percent(problem.maxLoss()) + " binds: the fastest plan with "
                        + codecNames(problem, options) + " loses " + Costs.percent(e.accuracyLoss()) + ".");
            }
        }
        if (reasons.isEmpty()) {
            reasons.add("No assignment of stages to distinct nodes with compute satisfies memory and"
                    + " connectivity together (the weights total " + Costs.memory(totalWeights(units))
                    + "; satellites hold at most " + Costs.memory(largestSatellite) + " each).");
        }
        return reasons;
    }

    private static double totalWeights(List<ModelUnit> units) {
        double w = 0.0;
        for (ModelUnit u : units) {
            w += u.weightBytes();
        }
        return w;
    }

    private static double cheapestCutLoss(PlacementProblem problem, SearchOptions options) {
        double min = Double.POSITIVE_INFINITY;
        for (CodecOption c : problem.codecs()) {
            if (options.codecs().isEmpty() || options.codecs().contains(c.name())) {
                for (double l : c.lossPerCut()) {
                    min = Math.min(min, l);
                }
            }
        }
        return min;
    }

    private static String codecNames(PlacementProblem problem, SearchOptions options) {
        List<String> names = options.codecs().isEmpty()
                ? problem.codecs().stream().map(CodecOption::name).sorted().toList()
                : options.codecs().stream().sorted().toList();
        return names.size() == 1
                ? "codec `" + names.get(0) + "`"
                : String.format(
                        Locale.ROOT,
                        "codecs %s",
                        names.stream().map(s -> "`" + s + "`").toList());
    }
}
