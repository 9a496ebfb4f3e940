package io.satc.compiler.plan;

import io.satc.compiler.lower.PlacementProblem;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Times the search on the benchmark problems of {@link BenchmarkProblems} and compares its expanded
 * labels with the same search under a zero heuristic (the future {@code satc bench plan}).
 *
 * <p>ViT-G and LLaMA-2-70B on 24 satellites run exactly. The Walker shell runs in bounded mode
 * with a fixed expansion budget (deterministic, unlike a time budget) and reports the proven
 * optimality gap.
 */
public final class PlannerBench {

    /**
     * One benchmark: a problem, the options it runs with, and the expansion budget of its
     * zero-heuristic comparison run (which can be very slow and needs memory for every label).
     */
    private record Case(PlacementProblem problem, SearchOptions options, long zeroLimit) {
    }

    private PlannerBench() {
    }

    /** Runs every benchmark; {@code --no-zero} skips the zero-heuristic comparison runs. */
    public static void main(String[] args) {
        run(System.out, List.of(args).contains("--no-zero"));
    }

    /** Runs the benchmark, printing to {@code out}. */
    public static void run(PrintStream out, boolean skipZeroHeuristic) {
        List<Case> cases = List.of(
                new Case(BenchmarkProblems.vitG(), SearchOptions.EXACT, 200_000),
                new Case(BenchmarkProblems.llama24(), SearchOptions.EXACT, 10_000),
                new Case(BenchmarkProblems.walker66(), SearchOptions.EXACT.bounded(300), 3_000));
        // Warm the JIT so the first timing is not mostly class loading and interpretation.
        for (int i = 0; i < 20; i++) {
            Planner.plan(BenchmarkProblems.vitG());
        }
        for (Case c : cases) {
            PlacementProblem p = c.problem();
            out.println("problem " + p.mission() + ": " + p.unitCount() + " units, " + p.nodes().size() + " nodes, "
                    + p.codecs().size() + " codecs, batch " + p.batch() + " in " + p.microBatches()
                    + " micro-batches" + (p.maxStages().isPresent() ? ", max " + p.maxStages().getAsInt()
                    + " stages" : "") + (c.options().expansionLimit() == Long.MAX_VALUE ? ", exact"
                    : ", bounded to " + c.options().expansionLimit() + " expansions"));
            SearchResult result = Planner.plan(p, c.options());
            print(out, "  A*    ", result);
            if (result instanceof SearchResult.Found found) {
                Evaluation e = Evaluator.evaluate(p, found.plan());
                out.println(String.format(Locale.ROOT, "  plan  T=%.6f s  V=%.4g B  loss=%.4f  K=%d  %s",
                        e.latencySeconds(), e.commBytes(), e.accuracyLoss(), found.plan().stageCount(), found.plan()));
            }
            if (!skipZeroHeuristic) {
                long limit = c.zeroLimit();
                SearchResult zero = Planner.plan(p, c.options().withoutHeuristic().bounded(limit));
                print(out, "  h=0   ", zero);
                double ratio = (double) zero.stats().expanded() / Math.max(1, result.stats().expanded());
                boolean capped = zero.stats().gap() > 0 || zero instanceof SearchResult.Infeasible;
                out.println(String.format(Locale.ROOT, "  expanded labels h=0 / A*: %s%.1f%s",
                        capped ? ">= " : "", ratio, capped ? " (h=0 stopped at its budget)" : ""));
            }
        }
    }

    private static void print(PrintStream out, String tag, SearchResult r) {
        SearchStats s = r.stats();
        out.println(String.format(Locale.ROOT, "%s%s  time=%d ms  expanded=%d  generated=%d  gap=%.4f", tag,
                r instanceof SearchResult.Found ? "found" : "no plan", s.timeMillis(), s.expanded(), s.generated(),
                s.gap()));
    }
}
