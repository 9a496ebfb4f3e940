package io.satc.compiler.plan;

import io.satc.compiler.lower.CodecOption;
import io.satc.compiler.lower.PlacementProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Computes the baselines of cost model §5 for a problem and its optimum, in a fixed order:
 * {@code ground-only}, {@code single-satellite}, {@code uniform}, {@code proportional},
 * {@code no-compression}, then {@code fixed-<codec>} for each non-{@code none} codec by name.
 */
public final class Baselines {

    private Baselines() {}

    /** Every baseline, computing the optimum first. */
    public static List<BaselineResult> compute(PlacementProblem problem) {
        return compute(problem, Planner.plan(problem));
    }

    /** Every baseline, given the optimum already found for {@code problem} (or why there is none). */
    public static List<BaselineResult> compute(PlacementProblem problem, SearchResult optimum) {
        return compute(problem, optimum, SearchOptions.EXACT);
    }

    /**
     * Every baseline; the searching ones run with {@code options} (e.g. bounded on large problems).
     * Under cost model 2 every baseline is a plan over the horizon, evaluated and searched as the
     * optimum is; the searches share the problem's window classes and routes.
     */
    public static List<BaselineResult> compute(PlacementProblem problem, SearchResult optimum, SearchOptions options) {
        HorizonEvaluator windows = problem.schedule().isPresent() ? new HorizonEvaluator(problem) : null;
        Evaluator evaluator = windows == null ? new Evaluator(problem) : null;
        BiFunction<String, Plan, BaselineResult> evaluated = (name, plan) -> windows != null
                ? BaselineResult.of(name, windows.evaluate(plan))
                : BaselineResult.of(name, evaluator.evaluate(plan));
        Function<SearchOptions, SearchResult> search =
                o -> windows != null ? Planner.plan(windows, o) : Planner.plan(problem, o);
        int n = problem.unitCount();
        List<BaselineResult> out = new ArrayList<>();
        out.add(evaluated.apply(
                "ground-only", new Plan(List.of(new StageAssignment(problem.sink(), n - 1)), List.of())));
        out.add(evaluated.apply(
                "single-satellite", new Plan(List.of(new StageAssignment(problem.source(), n - 1)), List.of())));
        if (optimum instanceof SearchResult.Found found) {
            List<String> nodes =
                    found.plan().stages().stream().map(StageAssignment::node).toList();
            out.add(evaluated.apply("uniform", split(nodes, uniformCounts(n, nodes.size()))));
            List<Double> speeds = nodes.stream()
                    .map(s -> problem.node(s).orElseThrow().computeFlops())
                    .toList();
            out.add(evaluated.apply("proportional", split(nodes, proportionalCounts(n, speeds))));
        } else {
            List<String> reasons = ((SearchResult.Infeasible) optimum).reasons();
            out.add(BaselineResult.without("uniform", reasons));
            out.add(BaselineResult.without("proportional", reasons));
        }
        out.add(searched("no-compression", search.apply(options.onlyCodecs(List.of(CodecOption.NONE)))));
        problem.codecs().stream()
                .map(CodecOption::name)
                .filter(c -> !c.equals(CodecOption.NONE))
                .sorted(Comparator.naturalOrder())
                .forEach(c -> out.add(searched("fixed-" + c, search.apply(options.onlyCodecs(List.of(c))))));
        return out;
    }

    private static BaselineResult searched(String name, SearchResult r) {
        if (r instanceof SearchResult.Found found) {
            return found.horizon().isPresent()
                    ? BaselineResult.of(name, found.horizon().get())
                    : BaselineResult.of(name, found.evaluation());
        }
        return BaselineResult.without(name, ((SearchResult.Infeasible) r).reasons());
    }

    /** ⌊n/K⌋ or ⌈n/K⌉ units per stage, the earlier stages taking the extra ones. */
    static List<Integer> uniformCounts(int n, int k) {
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            counts.add(n / k + (i < n % k ? 1 : 0));
        }
        return counts;
    }

    /**
     * Units in proportion to compute by largest remainder (ties to the earlier stage); a stage
     * left with no unit is dropped, since a stage must run at least one unit.
     */
    static List<Integer> proportionalCounts(int n, List<Double> speeds) {
        double total = speeds.stream().mapToDouble(Double::doubleValue).sum();
        int k = speeds.size();
        int[] counts = new int[k];
        double[] remainders = new double[k];
        int assigned = 0;
        for (int i = 0; i < k; i++) {
            double quota = n * speeds.get(i) / total;
            counts[i] = (int) Math.floor(quota);
            remainders[i] = quota - counts[i];
            assigned += counts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -remainders[i]).thenComparingInt(i -> i));
        for (int i = 0; assigned < n; i++) {
            counts[order.get(i % k)]++;
            assigned++;
        }
        List<Integer> out = new ArrayList<>();
        for (int c : counts) {
            out.add(c);
        }
        return out;
    }

    private static Plan split(List<String> nodes, List<Integer> counts) {
        List<StageAssignment> stages = new ArrayList<>();
        int last = -1;
        for (int i = 0; i < nodes.size(); i++) {
            if (counts.get(i) > 0) {
                last += counts.get(i);
                stages.add(new StageAssignment(nodes.get(i), last));
            }
        }
        List<String> cuts = new ArrayList<>();
        for (int i = 1; i < stages.size(); i++) {
            cuts.add(CodecOption.NONE);
        }
        return new Plan(stages, cuts);
    }
}
