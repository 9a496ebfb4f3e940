package io.satc.compiler.plan;

import io.satc.compiler.lower.PlacementProblem;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Times the search on the benchmark problems of {@link BenchmarkProblems} and compares its expanded
 * labels with the same search under a zero heuristic (the future {@code satc bench plan}).
 *
 * <p>ViT-G runs exactly. The two LLaMA-2-70B problems run in bounded mode with a fixed expansion
 * budget (deterministic, unlike a time budget) and report the proven optimality gap.
 */
public final class PlannerBench {

    /** One benchmark: a problem and the options it runs with. */
    private record Case(PlacementProblem problem, SearchOptions options) {
    }

    /** Expansion budget of the zero-heuristic comparison runs, which can be very slow. */
    private static final long ZERO_HEURISTIC_LIMIT = 200_000;

    private PlannerBench() {
    }

    /** Runs every benchmark; {@code --no-zero} skips the zero-heuristic comparison runs. */
    public static void main(String[] args) {
        run(System.out, List.of(args).contains("--no-zero"));
    }

    /** Runs the benchmark, printing to {@code out}. */
    public static void run(PrintStream out, boolean skipZeroHeuristic) {
        List<Case> cases = List.of(
                new Case(BenchmarkProblems.vitG(), SearchOptions.EXACT),
                new Case(BenchmarkProblems.llama24(), SearchOptions.EXACT.bounded(1_000)),
                new Case(BenchmarkProblems.walker66(), SearchOptions.EXACT.bounded(3_000)));
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
                long limit = Math.min(ZERO_HEURISTIC_LIMIT, c.options().expansionLimit() == Long.MAX_VALUE
                        ? ZERO_HEURISTIC_LIMIT : c.options().expansionLimit());
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
