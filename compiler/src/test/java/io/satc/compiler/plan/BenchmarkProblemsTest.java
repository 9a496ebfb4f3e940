package io.satc.compiler.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.lower.PlacementProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search on the benchmark-sized problems: exactness, determinism and the bounded mode. */
class BenchmarkProblemsTest {

    @Test
    void vitOptimumMatchesTheZeroHeuristicSearch() {
        PlacementProblem p = BenchmarkProblems.vitG();
        SearchResult.Found astar = assertInstanceOf(SearchResult.Found.class, Planner.plan(p));
        SearchResult.Found blind =
                assertInstanceOf(SearchResult.Found.class, Planner.plan(p, SearchOptions.EXACT.withoutHeuristic()));
        assertEquals(blind.plan(), astar.plan());
        assertTrue(
                astar.stats().expanded() * 10 < blind.stats().expanded(),
                "the heuristic saves at least 10x expansions: " + astar.stats() + " vs " + blind.stats());
    }

    @Test
    void sameProblemSamePlan() {
        PlacementProblem p = BenchmarkProblems.vitG();
        SearchResult a = Planner.plan(p);
        SearchResult b = Planner.plan(BenchmarkProblems.vitG());
        assertEquals(((SearchResult.Found) a).plan(), ((SearchResult.Found) b).plan());
        assertEquals(a.stats().expanded(), b.stats().expanded());
        assertEquals(a.stats().generated(), b.stats().generated());
    }

    @Test
    void boundedSearchReportsAProvenGap() {
        PlacementProblem p = BenchmarkProblems.llama24();
        SearchResult.Found found =
                assertInstanceOf(SearchResult.Found.class, Planner.plan(p, SearchOptions.EXACT.bounded(50)));
        assertTrue(
                found.stats().gap() >= 0 && found.stats().gap() < 0.2,
                "gap " + found.stats().gap());
        assertEquals(50, found.stats().expanded());
        Evaluation e = Evaluator.evaluate(p, found.plan());
        assertTrue(e.feasible(), e.violations().toString());
        // The proven lower bound T * (1 - gap) holds for every feasible plan, baselines included.
        double lowerBound = e.latencySeconds() * (1 - found.stats().gap());
        SearchOptions bounded = SearchOptions.EXACT.bounded(50);
        for (BaselineResult b : Baselines.compute(p, found, bounded)) {
            if (b.feasible()) {
                assertTrue(lowerBound <= b.latencySeconds() * (1 + 1e-9), b.name());
            }
        }
        assertEquals(
                List.of(
                        "ground-only",
                        "single-satellite",
                        "uniform",
                        "proportional",
                        "no-compression",
                        "fixed-fp8",
                        "fixed-int4",
                        "fixed-int8",
                        "fixed-mask",
                        "fixed-topk"),
                Baselines.compute(p, found, bounded).stream()
                        .map(BaselineResult::name)
                        .toList());
    }
}
