package io.satc.compiler.plan;

import io.satc.compiler.lower.PlacementProblem;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times the search on the benchmark problems of {@link BenchmarkProblems} and compares its expanded
 * labels with the same search under a zero heuristic (the future {@code satc bench plan}).
 *
 * <p>ViT-G and LLaMA-2-70B on 24 satellites run exactly. The Walker shell runs in bounded mode
 * with a fixed expansion budget (deterministic, unlike a time budget) and reports the proven
 * optimality gap.
 *
 * <p>Each problem is first planned a few times untimed, so the timed runs see compiled code for
 * the parts only large problems reach (the frontier table; the JIT needs about five llama-24 runs),
 * then timed several times: wall-clock and planning-thread CPU time as minimum / median /
 * maximum, with the system load average, since the machine may be shared.
 */
public final class PlannerBench {

    /**
     * One benchmark: a problem, the options it runs with, the expansion budget of its
     * zero-heuristic comparison run (which can be very slow and needs memory for every label), and
     * how often it is planned untimed (for the JIT) and timed.
     */
    private record Case(PlacementProblem problem, SearchOptions options, long zeroLimit, int warmRuns, int runs) {}

    private PlannerBench() {}

    /** Runs every benchmark; {@code --no-zero} skips the zero-heuristic comparison runs. */
    public static void main(String[] args) {
        run(System.out, List.of(args).contains("--no-zero"));
    }

    /** Runs the benchmark, printing to {@code out}. */
    public static void run(PrintStream out, boolean skipZeroHeuristic) {
        List<Case> cases = List.of(
                new Case(BenchmarkProblems.vitG(), SearchOptions.EXACT, 200_000, 5, 9),
                new Case(BenchmarkProblems.llama24(), SearchOptions.EXACT, 10_000, 5, 9),
                new Case(BenchmarkProblems.walker66(), SearchOptions.EXACT.bounded(300), 3_000, 2, 3));
        // Warm the JIT so the first timing is not mostly class loading and interpretation.
        for (int i = 0; i < 20; i++) {
            Planner.plan(BenchmarkProblems.vitG());
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (Case c : cases) {
            PlacementProblem p = c.problem();
            out.println("problem " + p.mission() + ": " + p.unitCount() + " units, "
                    + p.nodes().size() + " nodes, "
                    + p.codecs().size() + " codecs, batch " + p.batch() + " in " + p.microBatches()
                    + " micro-batches"
                    + (p.maxStages().isPresent() ? ", max " + p.maxStages().getAsInt() + " stages" : "")
                    + (c.options().expansionLimit() == Long.MAX_VALUE
                            ? ", exact"
                            : ", bounded to " + c.options().expansionLimit() + " expansions"));
            for (int i = 0; i < c.warmRuns(); i++) {
                Planner.plan(p, c.options());
            }
            double[] wall = new double[c.runs()];
            double[] cpu = new double[c.runs()];
            SearchResult result = null;
            for (int i = 0; i < c.runs(); i++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                result = Planner.plan(p, c.options());
                wall[i] = (System.nanoTime() - wallStart) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            }
            print(out, "  A*    ", result);
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            out.println(String.format(
                    Locale.ROOT,
                    "  time  %d runs: wall %s ms, cpu %s ms (min/median/max); load average %.2f",
                    c.runs(),
                    spread(wall),
                    spread(cpu),
                    load));
            if (result instanceof SearchResult.Found found) {
                Evaluation e = found.evaluation();
                out.println(String.format(
                        Locale.ROOT,
                        "  plan  T=%.6f s  V=%.4g B  loss=%.4f  K=%d  %s",
                        e.latencySeconds(),
                        e.commBytes(),
                        e.accuracyLoss(),
                        found.plan().stageCount(),
                        found.plan()));
            }
            if (!skipZeroHeuristic) {
                long limit = c.zeroLimit();
                SearchResult zero =
                        Planner.plan(p, c.options().withoutHeuristic().bounded(limit));
                print(out, "  h=0   ", zero);
                double ratio = (double) zero.stats().expanded()
                        / Math.max(1, result.stats().expanded());
                boolean capped = zero.stats().gap() > 0 || zero instanceof SearchResult.Infeasible;
                out.println(String.format(
                        Locale.ROOT,
                        "  expanded labels h=0 / A*: %s%.1f%s",
                        capped ? ">= " : "",
                        ratio,
                        capped ? " (h=0 stopped at its budget)" : ""));
            }
        }
    }

    private static String spread(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT, "%.0f/%.0f/%.0f", sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1]);
    }

    private static void print(PrintStream out, String tag, SearchResult r) {
        SearchStats s = r.stats();
        out.println(String.format(
                Locale.ROOT,
                "%s%s  time=%d ms  expanded=%d  generated=%d  gap=%.4f",
                tag,
                r instanceof SearchResult.Found ? "found" : "no plan",
                s.timeMillis(),
                s.expanded(),
                s.generated(),
                s.gap()));
    }
}
