package io.satc.compiler.plan;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Times the exact search on the benchmark problems and compares its expanded labels with the
 * same search under a zero heuristic (the future {@code satc bench plan}).
 */
public final class PlannerBench {

    /** Expansion budget of the zero-heuristic comparison run, which can be very slow. */
    private static final long ZERO_HEURISTIC_LIMIT = 2_000_000;

    private PlannerBench() {
    }

    /** Runs every benchmark problem and prints one block per problem. */
    public static void main(String[] args) {
        run(System.out, args.length > 0 && args[0].equals("--no-baseline"));
    }

    /** Runs the benchmark, printing to {@code out}. */
    public static void run(PrintStream out, boolean skipZeroHeuristic) {
        List<PlacementProblem> problems = List.of(BenchmarkProblems.vitG(), BenchmarkProblems.llama24(),
                BenchmarkProblems.walker66());
        // Warm the JIT on the smallest problem so the first timing is not mostly class loading.
        for (int i = 0; i < 5; i++) {
            Planner.plan(BenchmarkProblems.vitG());
        }
        for (PlacementProblem p : problems) {
            SearchResult result = Planner.plan(p);
            out.println("problem " + p.mission() + ": " + p.unitCount() + " units, " + p.nodes().size()
                    + " nodes, " + p.codecs().size() + " codecs");
            print(out, "  A*   ", result);
            if (result instanceof SearchResult.Found found) {
                Evaluation e = Evaluator.evaluate(p, found.plan());
                out.println(String.format(Locale.ROOT, "  plan  T=%.6f s  V=%.4g B  loss=%.4f  K=%d  %s",
                        e.latencySeconds(), e.commBytes(), e.accuracyLoss(), found.plan().stageCount(), found.plan()));
            }
            if (!skipZeroHeuristic) {
                SearchResult zero = Planner.plan(p, SearchOptions.EXACT.withoutHeuristic().bounded(ZERO_HEURISTIC_LIMIT));
                print(out, "  h=0  ", zero);
                double ratio = (double) zero.stats().expanded() / Math.max(1, result.stats().expanded());
                boolean capped = zero.stats().expanded() >= ZERO_HEURISTIC_LIMIT;
                out.println(String.format(Locale.ROOT, "  expanded ratio h=0 / A*: %s%.1f", capped ? ">= " : "", ratio));
            }
        }
    }

    private static void print(PrintStream out, String tag, SearchResult r) {
        SearchStats s = r.stats();
        out.println(String.format(Locale.ROOT, "%s%s  time=%d ms  expanded=%d  generated=%d  gap=%.4f", tag,
                r instanceof SearchResult.Found ? "found" : "infeasible", s.timeMillis(), s.expanded(),
                s.generated(), s.gap()));
    }
}
