package io.satc.compiler.plan;

import io.satc.compiler.lower.PlacementProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Finds the placement that minimises latency under memory, accuracy and stage constraints, with
 * a modified A* over plan prefixes (see docs/planner.md).
 *
 * <p>Because latency {@code Σ(τ+P) + (M−1)·max τ} is not additive, a label is pruned only when
 * another label at the same state is no worse on every component that can matter later: summed
 * time, bottleneck, loss, volume, stage count, set of used nodes and (on a full tie) stage list;
 * for speed only labels whose used set equals this one's or lacks one node are compared. The search keeps no state
 * between calls.
 *
 * <p>Labels are first bounded by a cheap relaxation; once a search has generated
 * {@link #FRONTIER_AFTER} labels it also builds the exact completion frontiers of a relaxed problem
 * ({@link CompletionFrontiers}), pruned by the best incumbent of the dives so far (one more per
 * codec, with every cut on that codec, runs just before), and raises every open label's bound to it.
 */
public final class Planner {

    private static final Comparator<SearchSpace.Label> OPEN_ORDER =
            Comparator.comparingDouble((SearchSpace.Label l) -> l.f).thenComparingLong(l -> l.seq);

    private Planner() {}

    /** Exact search with every candidate codec. */
    public static SearchResult plan(PlacementProblem problem) {
        return plan(problem, SearchOptions.EXACT);
    }

    /**
     * Labels generated with the cheap bound alone before the completion-frontier bound is built:
     * small searches finish sooner than the table would take to build.
     */
    static final long FRONTIER_AFTER = 5_000;

    /** Search with the given options. */
    public static SearchResult plan(PlacementProblem problem, SearchOptions options) {
        return plan(problem, options, true, FRONTIER_AFTER, null);
    }

    /** Search that builds the frontier bound once {@code frontierAfter} labels were generated (tests). */
    static SearchResult plan(PlacementProblem problem, SearchOptions options, long frontierAfter) {
        return plan(problem, options, true, frontierAfter, null);
    }

    /**
     * Cost model 2's search over the windows of {@code windows}, sharing its window classes and routes
     * (the baselines search one problem several times).
     */
    static SearchResult plan(HorizonEvaluator windows, SearchOptions options) {
        return plan(windows.classes().problem, options, true, FRONTIER_AFTER, windows);
    }

    /** Search without explaining a failure; the explainer uses this for its relaxed re-searches. */
    static Optional<Evaluation> find(PlacementProblem problem, SearchOptions options) {
        return plan(problem, options, false, FRONTIER_AFTER, null) instanceof SearchResult.Found found
                ? Optional.of(found.evaluation())
                : Optional.empty();
    }

    private static SearchResult plan(
            PlacementProblem problem,
            SearchOptions options,
            boolean explain,
            long frontierAfter,
            HorizonEvaluator windows) {
        long startNanos = System.nanoTime();
        HorizonSpace horizon = problem.schedule().isEmpty()
                ? null
                : new HorizonSpace(windows != null ? windows : new HorizonEvaluator(problem), options);
        PlanSpace space = horizon != null ? horizon : new SearchSpace(new Topology(problem), options, true);
        Outcome outcome = run(space, options.expansionLimit(), frontierAfter);
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        int pruned = horizon == null ? 0 : horizon.nodes().removed;
        if (outcome.goals.isEmpty()) {
            SearchStats stats = new SearchStats(outcome.expanded, outcome.generated, millis, Double.NaN, pruned);
            if (outcome.stoppedEarly) {
                return new SearchResult.Infeasible(
                        List.of("The search stopped after " + outcome.expanded
                                + " expansions before it found any plan; no plan is proven to exist or not."),
                        stats);
            }
            List<String> reasons = !explain
                    ? List.<String>of()
                    : horizon != null ? horizon.explain(options) : InfeasibilityExplainer.explain(problem, options);
            long total = (System.nanoTime() - startNanos) / 1_000_000;
            return new SearchResult.Infeasible(
                    reasons, new SearchStats(outcome.expanded, outcome.generated, total, Double.NaN, pruned));
        }
        double gap = 0.0;
        if (horizon != null) {
            HorizonEvaluation best = horizon.choose(outcome.goals);
            if (outcome.stoppedEarly) {
                gap = Math.max(0.0, (best.latencySeconds() - outcome.lowerBound) / best.latencySeconds());
            }
            return new SearchResult.Found(best, stats(outcome, startNanos, gap, pruned));
        }
        Evaluator evaluator = new Evaluator(((SearchSpace) space).topology);
        List<Evaluation> evaluations = new ArrayList<>();
        for (SearchSpace.Label g : outcome.goals) {
            evaluations.add(evaluator.evaluate(space.plan(g)));
        }
        Evaluation best = PlanRanking.best(evaluations)
                .orElseThrow(() -> new IllegalStateException("search produced only plans the evaluator rejects: "
                        + evaluations.get(0).violations()));
        if (outcome.stoppedEarly) {
            gap = Math.max(0.0, (best.latencySeconds() - outcome.lowerBound) / best.latencySeconds());
        }
        return new SearchResult.Found(best, stats(outcome, startNanos, gap, pruned));
    }

    private static SearchStats stats(Outcome outcome, long startNanos, double gap, int pruned) {
        return new SearchStats(
                outcome.expanded, outcome.generated, (System.nanoTime() - startNanos) / 1_000_000, gap, pruned);
    }

    private record Outcome(
            List<SearchSpace.Label> goals, long expanded, long generated, boolean stoppedEarly, double lowerBound) {}

    private static Outcome run(PlanSpace space, long expansionLimit, long frontierAfter) {
        PriorityQueue<SearchSpace.Label> open = new PriorityQueue<>(OPEN_ORDER);
        // Labels compete only with labels of the same state and the same set of used nodes: a hash
        // lookup instead of a scan. Subset dominance across different sets is given up for speed;
        // it would only prune more, never change the answer.
        Kept states = new Kept(space);
        List<SearchSpace.Label> goals = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        long expanded = 0;
        long generated = 1;
        boolean stoppedEarly = false;
        double lowerBound = Double.POSITIVE_INFINITY;
        SearchSpace.Label start = space.start();
        if (start.f < Double.POSITIVE_INFINITY) {
            open.add(start);
        }
        long nextDive = 0;
        boolean frontiersBuilt = false;
        while (!open.isEmpty()) {
            if (!frontiersBuilt && generated >= frontierAfter && expanded > 0) {
                // The search is not small: build the frontier bound, keeping only completions that
                // can beat the incumbent (with a margin wider than the tie tolerance), and raise the
                // bounds of the open labels to it. The table costs less the tighter its cutoff, so
                // the single-codec dives try for a better incumbent first.
                frontiersBuilt = true;
                Dive dive = singleCodecDives(space, best);
                generated += dive.generated;
                if (dive.goal != null && dive.goal.f < best) {
                    best = addGoal(goals, best, dive.goal);
                }
                space.buildFrontiers(best * (1 + 1e-6));
                List<SearchSpace.Label> pending = new ArrayList<>(open);
                open.clear();
                for (SearchSpace.Label l : pending) {
                    if (!l.dead) {
                        l.f = Math.max(l.f, space.bound(l));
                        if (l.f < Double.POSITIVE_INFINITY) {
                            open.add(l);
                        }
                    }
                }
                continue;
            }
            SearchSpace.Label label = open.peek();
            if (label.f > best && !PlanRanking.tied(label.f, best)) {
                break;
            }
            if (label.dead) {
                open.poll();
                continue;
            }
            if (expanded >= expansionLimit) {
                stoppedEarly = true;
                lowerBound = label.f;
                break;
            }
            open.poll();
            expanded++;
            if (expanded > nextDive) {
                // Greedy dives from expanded labels (at doubling intervals) supply incumbents early,
                // so that most successors are dropped on creation; they never affect exactness.
                nextDive = 2 * expanded;
                Dive dive = dive(space, label, best, BEAM);
                generated += dive.generated;
                if (dive.goal != null && dive.goal.f < best) {
                    best = addGoal(goals, best, dive.goal);
                }
            }
            for (SearchSpace.Label s : space.successors(label, best, l -> !dominated(space, states, l))) {
                generated++;
                if (s.f == Double.POSITIVE_INFINITY || (s.f > best && !PlanRanking.tied(s.f, best))) {
                    continue;
                }
                if (s.goal) {
                    best = addGoal(goals, best, s);
                    continue;
                }
                int state = space.stateKey(s);
                StateKey key = new StateKey(state, s.used);
                List<SearchSpace.Label> here = states.bySet.get(key);
                if (here == null) {
                    here = new ArrayList<>();
                    states.bySet.put(key, here);
                    states.setsAt[state]++;
                } else if (dominated(space, states, s)) {
                    // Checked again: a sibling generated in this expansion may dominate it.
                    continue;
                }
                here.removeIf(e -> {
                    if (space.dominates(s, e)) {
                        e.dead = true;
                        return true;
                    }
                    return false;
                });
                here.add(s);
                open.add(s);
            }
        }
        return new Outcome(goals, expanded, generated, stoppedEarly, Math.min(lowerBound, best));
    }

    /**
     * Adds a goal that is not clearly worse than {@code best} to the candidates, dropping those no
     * longer tied with the best latency; returns that latency.
     */
    private static double addGoal(List<SearchSpace.Label> goals, double best, SearchSpace.Label goal) {
        if (goal.f < best) {
            goals.removeIf(g -> !PlanRanking.tied(g.f, goal.f));
            best = goal.f;
        }
        goals.add(goal);
        return best;
    }

    private record Dive(SearchSpace.Label goal, long generated) {}

    /** Width of the beam the dives keep at each depth. */
    private static final int BEAM = 4;

    /**
     * Follows the {@code width} successors with the smallest bounds, depth by depth, down to complete
     * plans, and returns the best one reached.
     */
    private static Dive dive(PlanSpace space, SearchSpace.Label from, double cutoff, int width) {
        List<SearchSpace.Label> beam = List.of(from);
        SearchSpace.Label goal = null;
        double best = cutoff;
        long generated = 0;
        while (!beam.isEmpty()) {
            PriorityQueue<SearchSpace.Label> next = new PriorityQueue<>(OPEN_ORDER.reversed());
            for (SearchSpace.Label at : beam) {
                for (SearchSpace.Label s : space.successors(at, best, l -> true)) {
                    generated++;
                    if (s.goal && s.f < best) {
                        best = s.f;
                        goal = s;
                    } else if (!s.goal && s.f < best) {
                        next.add(s);
                        if (next.size() > width) {
                            next.poll();
                        }
                    }
                }
            }
            List<SearchSpace.Label> level = new ArrayList<>(next);
            level.sort(OPEN_ORDER);
            beam = level;
        }
        return new Dive(goal, generated);
    }

    /**
     * One dive from the start per codec, in name order, in the space whose cuts all use that codec,
     * and the best goal they reach below {@code cutoff}, rebuilt in {@code space}. There the cheap
     * bound prices every cut exactly, where with mixed codecs it mixes them fractionally along
     * the loss-cost hull, so these dives often find far better plans than a mixed one.
     */
    private static Dive singleCodecDives(PlanSpace space, double cutoff) {
        SearchSpace.Label best = null;
        long generated = 0;
        if (!space.usesHeuristic() || space.codecCount() < 2) {
            return new Dive(null, 0);
        }
        for (String codec : space.codecNames()) {
            PlanSpace single = space.withOnlyCodec(codec);
            Dive dive = dive(single, single.start(), best == null ? cutoff : best.f, BEAM);
            generated += dive.generated;
            if (dive.goal != null) {
                Optional<SearchSpace.Label> goal = space.goalOf(single.plan(dive.goal));
                if (goal.isPresent() && goal.get().f < (best == null ? cutoff : best.f)) {
                    best = goal.get();
                }
            }
        }
        return new Dive(best, generated);
    }

    /**
     * A search state together with the exact set of nodes used to reach it: {@code used} without
     * the node {@code without} (−1 for none), so that the keys of smaller sets need no copy.
     */
    private static final class StateKey {
        private final int state;
        private final long[] used;
        private final int without;
        private final int hash;

        StateKey(int state, long[] used) {
            this(state, used, -1);
        }

        StateKey(int state, long[] used, int without) {
            this.state = state;
            this.used = used;
            this.without = without;
            int h = 1; // as Arrays.hashCode of the set's words
            for (int w = 0; w < used.length; w++) {
                h = 31 * h + Long.hashCode(word(w));
            }
            this.hash = 31 * state + h;
        }

        private long word(int w) {
            return without >= 0 && without >>> 6 == w ? used[w] & ~(1L << (without & 63)) : used[w];
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof StateKey k) || k.state != state || k.used.length != used.length) {
                return false;
            }
            for (int w = 0; w < used.length; w++) {
                if (k.word(w) != word(w)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Labels kept for dominance checks, by state and used set, with the number of sets per state. */
    private static final class Kept {
        final Map<StateKey, List<SearchSpace.Label>> bySet = new HashMap<>();
        final int[] setsAt;

        Kept(PlanSpace space) {
            setsAt = new int[space.stateCount()];
        }
    }

    private static boolean dominated(PlanSpace space, Kept kept, SearchSpace.Label s) {
        int state = space.stateKey(s);
        if (kept.setsAt[state] == 0) {
            return false;
        }
        if (dominatedBy(space, kept.bySet.get(new StateKey(state, s.used)), s)) {
            return true;
        }
        // Labels that reached the same state with one stage fewer: their used set is ours minus one
        // node other than the current one. Deeper subsets would cost more lookups than they prune.
        long[] used = s.used;
        for (int w = 0; w < used.length; w++) {
            for (long bits = used[w]; bits != 0; bits &= bits - 1) {
                int node = 64 * w + Long.numberOfTrailingZeros(bits);
                if (node != s.node && dominatedBy(space, kept.bySet.get(new StateKey(state, used, node)), s)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean dominatedBy(PlanSpace space, List<SearchSpace.Label> candidates, SearchSpace.Label s) {
        if (candidates == null) {
            return false;
        }
        for (SearchSpace.Label e : candidates) {
            if (space.dominates(e, s)) {
                return true;
            }
        }
        return false;
    }
}
