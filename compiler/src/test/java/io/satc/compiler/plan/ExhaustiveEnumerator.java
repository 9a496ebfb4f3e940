package io.satc.compiler.plan;

import io.satc.compiler.lower.CodecOption;
import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Enumerates every plan of a small problem, evaluates each with the {@link Evaluator} (or, with a
 * schedule, the {@link HorizonEvaluator}) and returns the best under {@link PlanRanking} (or
 * {@link HorizonRanking}): the independent reference the A* search is checked against.
 *
 * <p>It prunes only with facts that hold for every extension (a stage that already misses memory
 * only grows, a loss over budget only grows), and shares no code with the search.
 */
final class ExhaustiveEnumerator {

    private final PlacementProblem problem;
    private final List<String> codecs;
    private final java.util.function.Consumer<Plan> visit;

    private ExhaustiveEnumerator(
            PlacementProblem problem, List<String> codecs, java.util.function.Consumer<Plan> visit) {
        this.problem = problem;
        this.codecs = codecs;
        this.visit = visit;
    }

    /** The optimum over all plans, if any is feasible. */
    static Optional<Evaluation> optimum(PlacementProblem problem) {
        return optimum(problem, problem.codecs().stream().map(CodecOption::name).toList());
    }

    /** The optimum with cuts restricted to {@code codecs}. */
    static Optional<Evaluation> optimum(PlacementProblem problem, List<String> codecs) {
        Evaluator evaluator = new Evaluator(problem);
        Band<Evaluation> band = new Band<>(Evaluation::feasible, Evaluation::latencySeconds);
        new ExhaustiveEnumerator(problem, codecs, p -> band.consider(evaluator.evaluate(p)))
                .extend(new ArrayList<>(), new ArrayList<>(), 0, 0.0);
        return PlanRanking.best(band.members);
    }

    /** The cost-model-2 optimum over all plans of a problem with a schedule, if any is feasible. */
    static Optional<HorizonEvaluation> horizonOptimum(PlacementProblem problem) {
        return horizonOptimum(
                problem, problem.codecs().stream().map(CodecOption::name).toList());
    }

    /** The cost-model-2 optimum with cuts restricted to {@code codecs}. */
    static Optional<HorizonEvaluation> horizonOptimum(PlacementProblem problem, List<String> codecs) {
        HorizonEvaluator evaluator = new HorizonEvaluator(problem);
        Band<HorizonEvaluation> band = new Band<>(HorizonEvaluation::feasible, HorizonEvaluation::latencySeconds);
        new ExhaustiveEnumerator(problem, codecs, p -> band.consider(evaluator.evaluate(p)))
                .extend(new ArrayList<>(), new ArrayList<>(), 0, 0.0);
        return HorizonRanking.best(band.members);
    }

    /** The feasible evaluations whose latency is tied with the least seen so far. */
    private static final class Band<E> {
        final List<E> members = new ArrayList<>();
        private final java.util.function.Predicate<E> feasible;
        private final java.util.function.ToDoubleFunction<E> latency;
        private double best = Double.POSITIVE_INFINITY;

        Band(java.util.function.Predicate<E> feasible, java.util.function.ToDoubleFunction<E> latency) {
            this.feasible = feasible;
            this.latency = latency;
        }

        void consider(E e) {
            if (!feasible.test(e)) {
                return;
            }
            double t = latency.applyAsDouble(e);
            if (t < best) {
                best = t;
                members.removeIf(x -> !PlanRanking.tied(latency.applyAsDouble(x), best));
            }
            if (PlanRanking.tied(t, best)) {
                members.add(e);
            }
        }
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
                    visit.accept(new Plan(stages, cuts));
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
}
