package io.satc.compiler.plan;

import java.util.List;

/**
 * The minimum-latency path chosen for one payload between two nodes (cost model §3).
 *
 * @param nodes              the node names visited, first the sender, last the receiver
 * @param bits               the payload {@code D} per micro-batch, in bits
 * @param legs               one entry per hop, in order
 * @param latencySeconds     {@code Σ (D/R_h + P_h)}, summed in hop order
 * @param maxServiceSeconds  the largest {@code D/R_h} on the route, 0 for a route without hops
 */
public record Route(List<String> nodes, double bits, List<Leg> legs, double latencySeconds, double maxServiceSeconds) {

    /**
     * One hop of a route: a resource with service time {@code D/R} and delay {@code P}.
     *
     * @param from            sending node
     * @param to              receiving node
     * @param serviceSeconds  {@code τ = D / R}
     * @param delaySeconds    propagation delay {@code P}
     */
    public record Leg(String from, String to, double serviceSeconds, double delaySeconds) {}

    public Route {
        nodes = List.copyOf(nodes);
        legs = List.copyOf(legs);
    }

    /** Number of hops; 0 when sender and receiver are the same node. */
    public int hopCount() {
        return legs.size();
    }
}
