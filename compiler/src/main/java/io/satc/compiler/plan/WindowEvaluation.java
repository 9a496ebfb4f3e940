package io.satc.compiler.plan;

import java.util.List;

/**
 * A plan in one window of the horizon (cost model 2): cost model 1 over the window's links.
 *
 * @param startSeconds  window start, seconds from the horizon start
 * @param endSeconds    window end (exclusive)
 * @param dark          whether some transfer of the plan has no route in the window
 * @param evaluation    cost model 1 over the window's links; in a dark window its latency is
 *                      infinite and its violations name the transfers without a route
 * @param routes        the nodes each transfer crosses, in order: index 0 the raw input (source to
 *                      stage 1), {@code k} the cut after stage {@code k}, {@code K} the output (last
 *                      stage to the sink); an empty list for a transfer without a route
 */
public record WindowEvaluation(
        double startSeconds, double endSeconds, boolean dark, Evaluation evaluation, List<List<String>> routes) {

    public WindowEvaluation {
        routes = routes.stream().map(List::copyOf).toList();
    }

    /** The window's length in seconds. */
    public double durationSeconds() {
        return endSeconds - startSeconds;
    }

    /** The plan's cost-model-1 latency in the window; infinite when it is dark. */
    public double latencySeconds() {
        return dark ? Double.POSITIVE_INFINITY : evaluation.latencySeconds();
    }

    /** The route of the raw input. */
    public List<String> inputRoute() {
        return routes.get(0);
    }

    /** The routes of the cuts, in order. */
    public List<List<String>> cutRoutes() {
        return routes.subList(1, routes.size() - 1);
    }

    /** The route of the output to the sink. */
    public List<String> outputRoute() {
        return routes.get(routes.size() - 1);
    }
}
