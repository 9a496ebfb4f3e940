package io.satc.compiler.plan;

import io.satc.compiler.lower.CodecOption;
import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Enumerates every plan of a small problem, evaluates each with the {@link Evaluator} and returns
 * the best under {@link PlanRanking}: the independent reference the A* search is checked against.
 *
 * <p>It prunes only with facts that hold for every extension (a stage that already misses memory
 * only grows, a loss over budget only grows), and shares no code with the search.
 */
final class ExhaustiveEnumerator {

    private final PlacementProblem problem;
    private final Evaluator evaluator;
    private final List<String> codecs;
    private final List<Evaluation> band = new ArrayList<>();
    private double best = Double.POSITIVE_INFINITY;
    private long plans;

    private ExhaustiveEnumerator(PlacementProblem problem, List<String> codecs) {
        this.problem = problem;
        this.evaluator = new Evaluator(problem);
        this.codecs = codecs;
    }

    /** The optimum over all plans, if any is feasible. */
    static Optional<Evaluation> optimum(PlacementProblem problem) {
        return optimum(problem, problem.codecs().stream().map(CodecOption::name).toList());
    }

    /** The optimum with cuts restricted to {@code codecs}. */
    static Optional<Evaluation> optimum(PlacementProblem problem, List<String> codecs) {
        ExhaustiveEnumerator e = new ExhaustiveEnumerator(problem, codecs);
        e.extend(new ArrayList<>(), new ArrayList<>(), 0, 0.0);
        return PlanRanking.best(e.band);
    }

    private void extend(List<StageAssignment> stages, List<String> cuts, int next, double loss) {
        int n = problem.unitCount();
        if (problem.maxStages().isPresent()
                && stages.size() >= problem.maxStages().getAsInt()) {
            return;
        }
        for (ComputeNode node : problem.nodes()) {
            if (!node.hasCompute() || stages.stream().anyMatch(s -> s.node().equals(node.name()))) {
                continue;
            }
            for (int last = next; last < n; last++) {
                if (!fits(node, next, last)) {
                    break;
                }
                stages.add(new StageAssignment(node.name(), last));
                if (last == n - 1) {
                    consider(new Plan(stages, cuts));
                } else if (node.kind() == NodeKind.SATELLITE) {
                    for (String codec : codecs) {
                        double l = loss
                                + problem.codec(codec)
                                        .orElseThrow()
                                        .lossPerCut()
                                        .get(last);
                        if (l <= problem.maxLoss()) {
                            cuts.add(codec);
                            extend(stages, cuts, last + 1, l);
                            cuts.remove(cuts.size() - 1);
                        }
                    }
                }
                stages.remove(stages.size() - 1);
            }
        }
    }

    private boolean fits(ComputeNode node, int first, int last) {
        int b = problem.microBatchSize();
        double in = first == 0
                ? problem.inputBytesPerSample()
                : problem.units().get(first - 1).outBytesPerSample();
        double weights = 0.0;
        double maxOut = 0.0;
        for (int u = first; u <= last; u++) {
            weights += problem.units().get(u).weightBytes();
            maxOut = Math.max(maxOut, problem.units().get(u).outBytesPerSample());
        }
        return weights + 2.0 * b * Math.max(in, maxOut) <= node.memoryBytes();
    }

    private void consider(Plan plan) {
        plans++;
        Evaluation e = evaluator.evaluate(plan);
        if (!e.feasible()) {
            return;
        }
        if (e.latencySeconds() < best) {
            best = e.latencySeconds();
            band.removeIf(x -> !PlanRanking.tied(x.latencySeconds(), best));
        }
        if (PlanRanking.tied(e.latencySeconds(), best)) {
            band.add(e);
        }
    }
}
