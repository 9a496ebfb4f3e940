package io.satc.compiler.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.lower.CodecOption;
import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.ModelUnit;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.LongRange;

/**
 * The completion-frontier bound as the planner uses it: built with the optimum as cutoff, it
 * never exceeds the best completion of a label that is no slower than the cutoff; and the search
 * stays exact on problems with many interchangeable satellites, where labels differ only in
 * which of several equivalent nodes they used.
 */
class FrontierBoundTest {

    @Property(tries = 300, seed = "1618", shrinking = ShrinkingMode.OFF)
    void cutoffBoundNeverExceedsCompletionsBelowTheCutoff(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed) {
        PlacementProblem problem = RandomProblems.generate(seed, seed % 2 == 0);
        Optional<Evaluation> optimum = ExhaustiveEnumerator.optimum(problem);
        if (optimum.isEmpty()) {
            return;
        }
        double cutoff = optimum.get().latencySeconds() * (1 + 1e-6);
        SearchSpace space = new SearchSpace(new Topology(problem), SearchOptions.EXACT, true);
        space.buildFrontiers(cutoff);
        Random walk = new Random(seed ^ 0x9E3779B97F4A7C15L);
        SearchSpace.Label label = space.start();
        while (label != null) {
            double best = bestCompletion(space, label);
            if (best <= cutoff) {
                double bound = label.f;
                assertTrue(
                        bound <= best * (1 + 1e-12),
                        "seed " + seed + ": bound " + bound + " > best completion " + best + " at "
                                + (label.parent == null ? "start" : space.plan(label)));
            }
            List<SearchSpace.Label> next =
                    space.successors(label).stream().filter(l -> !l.goal).toList();
            label = next.isEmpty() ? null : next.get(walk.nextInt(next.size()));
        }
    }

    @Property(tries = 150, seed = "2026", shrinking = ShrinkingMode.OFF)
    void symmetricSatellitesMatchTheExhaustiveOptimum(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed) {
        PlacementProblem problem = symmetric(seed);
        Optional<Evaluation> expected = ExhaustiveEnumerator.optimum(problem);
        check(seed, problem, expected, Planner.plan(problem));
        check(seed, problem, expected, Planner.plan(problem, SearchOptions.EXACT, 0));
    }

    private static void check(long seed, PlacementProblem problem, Optional<Evaluation> expected, SearchResult result) {
        assertEquals(expected.isPresent(), result instanceof SearchResult.Found, "feasibility, seed " + seed);
        if (result instanceof SearchResult.Found found) {
            Evaluation want = expected.orElseThrow();
            Evaluation got = Evaluator.evaluate(problem, found.plan());
            assertTrue(
                    PlanRanking.tied(got.latencySeconds(), want.latencySeconds()),
                    "seed " + seed + ": " + found.plan() + " vs " + want.plan());
            assertEquals(want.plan(), found.plan(), "seed " + seed + ": tie-break differs");
        }
    }

    /**
     * Three to six identical satellites on a fully meshed set of identical links (so any
     * permutation of them is an automorphism), a ground sink linked to one or all of them, and
     * up to two codecs; the optimum is then reached by many equivalent plans.
     */
    private static PlacementProblem symmetric(long seed) {
        Random rnd = new Random(seed);
        int n = 3 + rnd.nextInt(5);
        List<ModelUnit> units = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            units.add(new ModelUnit("u" + u, new double[] {1e9, 2e9}[rnd.nextInt(2)], 2e10, 2e6));
        }
        int sats = 3 + rnd.nextInt(4);
        double compute = new double[] {5e12, 1e13}[rnd.nextInt(2)];
        double memory = new double[] {3e9, 5e9, 9e9}[rnd.nextInt(3)];
        List<ComputeNode> nodes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < sats; i++) {
            nodes.add(new ComputeNode("s" + i, NodeKind.SATELLITE, compute, memory));
        }
        nodes.add(new ComputeNode("g", NodeKind.GROUND, rnd.nextBoolean() ? 0.0 : 2e13, Double.POSITIVE_INFINITY));
        double rate = new double[] {5e8, 1e9}[rnd.nextInt(2)];
        for (int i = 0; i < sats; i++) {
            for (int k = 0; k < sats; k++) {
                if (i != k) {
                    links.add(new Link("s" + i, "s" + k, rate, 0.002));
                }
            }
        }
        boolean allDown = rnd.nextBoolean();
        for (int i = 0; i < sats; i++) {
            if (allDown || i == sats - 1) {
                links.add(new Link("s" + i, "g", rate, 0.003));
            }
        }
        List<CodecOption> codecs = new ArrayList<>();
        if (rnd.nextBoolean()) {
            codecs.add(
                    CodecOption.uniform("c4", n - 1, 4.0, 0.003, rnd.nextBoolean() ? Double.POSITIVE_INFINITY : 2e9));
        }
        if (rnd.nextBoolean()) {
            codecs.add(CodecOption.uniform("c2", n - 1, 2.0, 0.001, Double.POSITIVE_INFINITY));
        }
        OptionalInt maxStages = rnd.nextInt(4) == 0 ? OptionalInt.of(2 + rnd.nextInt(3)) : OptionalInt.empty();
        int micro = 1 << rnd.nextInt(3);
        return new PlacementProblem(
                "symmetric-" + seed,
                units,
                1e6,
                micro * (1 + rnd.nextInt(4)),
                micro,
                nodes,
                links,
                codecs,
                "s0",
                "g",
                new double[] {0.0, 0.004, 0.01}[rnd.nextInt(3)],
                maxStages);
    }

    private static double bestCompletion(SearchSpace space, SearchSpace.Label label) {
        if (label.goal) {
            return label.f;
        }
        double best = Double.POSITIVE_INFINITY;
        for (SearchSpace.Label s : space.successors(label)) {
            best = Math.min(best, bestCompletion(space, s));
        }
        return best;
    }
}
