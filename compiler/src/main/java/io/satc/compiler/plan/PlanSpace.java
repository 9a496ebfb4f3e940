package io.satc.compiler.plan;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The search graph the A* of {@link Planner} runs over: labels (plan prefixes), their successors,
 * lower bounds and dominance. Cost model 1 is {@link SearchSpace}; cost model 2, whose labels carry
 * one partial sum per window class, is {@link HorizonSpace}.
 */
interface PlanSpace {

    /** The empty prefix: nothing run, the raw input held at the source. */
    SearchSpace.Label start();

    /**
     * The one-stage extensions of {@code label} whose lower bound is not clearly above
     * {@code cutoff}, in (node, last unit, codec) order; {@code worthBounding} can reject a
     * non-goal label before its bound is computed.
     */
    List<SearchSpace.Label> successors(
            SearchSpace.Label label, double cutoff, Predicate<SearchSpace.Label> worthBounding);

    /** Index of a label's search state (unit, node, codec) for dominance lists. */
    int stateKey(SearchSpace.Label l);

    int stateCount();

    /** Whether {@code a} is at least as good as {@code b} for every completion (same state). */
    boolean dominates(SearchSpace.Label a, SearchSpace.Label b);

    /** Builds the completion-frontier bound, valid for every plan no slower than {@code cutoff}. */
    void buildFrontiers(double cutoff);

    /** A lower bound on the latency of every complete plan extending {@code l}; exact for goals. */
    double bound(SearchSpace.Label l);

    /** Whether labels get the heuristic bounds. */
    boolean usesHeuristic();

    int codecCount();

    /** Names of the codecs cuts may use in this search, in name order. */
    List<String> codecNames();

    /** The same problem with every cut on {@code codec}, sharing this space's routes. */
    PlanSpace withOnlyCodec(String codec);

    /** The index of the node called {@code name}. */
    int nodeIndex(String name);

    /**
     * The goal label of {@code plan} in this space, built stage by stage through {@link #successors}
     * so its numbers are the search's own; empty when the plan is not one of this space's goals
     * (for instance when it uses a codec shadowed here by an identical one).
     */
    default Optional<SearchSpace.Label> goalOf(Plan plan) {
        SearchSpace.Label at = start();
        for (int k = 0; k < plan.stageCount(); k++) {
            int node = nodeIndex(plan.stages().get(k).node());
            int last = plan.stages().get(k).lastUnit();
            int codec = k + 1 < plan.stageCount()
                    ? codecNames().indexOf(plan.cutCodecs().get(k))
                    : -1;
            SearchSpace.Label next = null;
            for (SearchSpace.Label s : successors(
                    at, Double.POSITIVE_INFINITY, l -> l.node == node && l.unit == last && l.codec == codec)) {
                if (s.node == node && s.unit == last && s.codec == codec) {
                    next = s;
                }
            }
            if (next == null) {
                return Optional.empty();
            }
            at = next;
        }
        return at.goal ? Optional.of(at) : Optional.empty();
    }

    /** The plan a label spells out. */
    Plan plan(SearchSpace.Label l);
}
