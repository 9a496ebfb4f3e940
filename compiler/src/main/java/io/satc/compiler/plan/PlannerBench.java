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

    /**
     * Runs every benchmark; {@code --no-zero} skips the zero-heuristic comparison runs, {@code
     * --moving} runs only the cost-model-2 problems.
     */
    public static void main(String[] args) {
        if (List.of(args).contains("--moving")) {
            moving(System.out);
        } else {
            run(System.out, List.of(args).contains("--no-zero"));
        }
    }

    /** Runs the benchmark, printing to {@code out}: cost model 1's problems, then the moving shells. */
    public static void run(PrintStream out, boolean skipZeroHeuristic) {
        fixed(out, skipZeroHeuristic);
        moving(out);
    }

    private static void fixed(PrintStream out, boolean skipZeroHeuristic) {
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
            SearchResult result = timed(out, threads, p, c.options(), c.runs());
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

    /** Plans {@code runs} times and prints the last result and the spread of wall and CPU times. */
    private static SearchResult timed(
            PrintStream out, ThreadMXBean threads, PlacementProblem p, SearchOptions options, int runs) {
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        SearchResult result = null;
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            result = Planner.plan(p, options);
            wall[i] = (System.nanoTime() - wallStart) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        print(out, "  A*    ", result);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        out.println(String.format(
                Locale.ROOT,
                "  time  %d runs: wall %s ms, cpu %s ms (min/median/max); load average %.2f",
                runs,
                spread(wall),
                spread(cpu),
                load));
        return result;
    }

    /**
     * Cost model 2 on the moving shells of {@link BenchmarkProblems} (synthetic contact plans): the
     * first plan in this JVM section is timed on its own (cold for cost model 2's code), then one
     * untimed run and three timed ones.
     */
    public static void moving(PrintStream out) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] names = {"iridium-66", "starlink-1", "starlink-3"};
        for (String name : names) {
            long built = System.nanoTime();
            PlacementProblem p = switch (name) {
                case "iridium-66" -> BenchmarkProblems.iridiumLike();
                case "starlink-1" -> BenchmarkProblems.starlink(1);
                default -> BenchmarkProblems.starlink(3);
            };
            double buildMillis = (System.nanoTime() - built) / 1e6;
            long satellites = p.nodes().stream()
                    .filter(n -> n.kind() == io.satc.compiler.lower.NodeKind.SATELLITE)
                    .count();
            int classes = new WindowClasses(p).classCount();
            out.println(String.format(
                    Locale.ROOT,
                    "problem %s (cost model 2): %d units, %d satellites, %d stations, %d windows (%d distinct link"
                            + " sets) over %.0f min; synthetic contact plan built in %.0f ms",
                    p.mission(),
                    p.unitCount(),
                    satellites,
                    p.nodes().size() - satellites,
                    p.schedule().get().windows().size(),
                    classes,
                    p.schedule().get().durationSeconds() / 60,
                    buildMillis));
            long coldStart = System.nanoTime();
            Planner.plan(p);
            out.println(
                    String.format(Locale.ROOT, "  cold  first plan %.0f ms", (System.nanoTime() - coldStart) / 1e6));
            Planner.plan(p);
            SearchResult result = timed(out, threads, p, SearchOptions.EXACT, 3);
            out.println(String.format(
                    Locale.ROOT,
                    "  nodes %d of %d satellites and stations with compute removed by the node filter",
                    result.stats().prunedNodes(),
                    p.nodes().stream().filter(n -> n.hasCompute()).count()));
            if (result instanceof SearchResult.Found found) {
                HorizonEvaluation e = HorizonEvaluator.evaluate(p, found.plan());
                out.println(String.format(
                        Locale.ROOT,
                        "  plan  T=%.6f s  mean=%.6f s  coverage=%.4f  dark=%.0f s  K=%d  %s",
                        e.latencySeconds(),
                        e.meanLatencySeconds(),
                        e.coverage(),
                        e.darkSeconds(),
                        found.plan().stageCount(),
                        found.plan()));
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
                "%s%s  time=%d ms  expanded=%d  generated=%d  gap=%.4f%s",
                tag,
                r instanceof SearchResult.Found ? "found" : "no plan",
                s.timeMillis(),
                s.expanded(),
                s.generated(),
                s.gap(),
                s.prunedNodes() > 0 ? "  pruned=" + s.prunedNodes() : ""));
    }
}
