package io.satc.compiler.plan;

/**
 * Where the evaluator, the search and its bounds get the route of a transfer. The {@link Router}
 * gives cost model 1's tie-broken routes over fixed links; cost model 2 gives each window's routes
 * ({@link WindowRouter}), and its bounds a relaxation whose routes are lower bounds
 * ({@link RelaxedRoutes}).
 */
interface RouteSource {

    /** Routes for {@code bits} per micro-batch from {@code from} to every node (by index), null where unreachable. */
    Route[] routesFrom(int from, double bits);

    /** The route for {@code bits} per micro-batch from {@code from} to {@code to}, or null if there is none. */
    default Route route(int from, int to, double bits) {
        return routesFrom(from, bits)[to];
    }
}
