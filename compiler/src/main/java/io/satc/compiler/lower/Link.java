package io.satc.compiler.lower;

import java.util.Objects;

/**
 * A directed communication edge; a bidirectional declaration is lowered into two of these.
 *
 * @param from                sending node name
 * @param to                  receiving node name
 * @param rateBitsPerSecond   rate {@code R} in bit/s, positive
 * @param propagationSeconds  propagation delay {@code P} in seconds
 */
public record Link(String from, String to, double rateBitsPerSecond, double propagationSeconds) {

    public Link {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("link from " + from + " to itself");
        }
        if (!(rateBitsPerSecond > 0) || Double.isInfinite(rateBitsPerSecond)) {
            throw new IllegalArgumentException("rate of link " + from + "->" + to + " must be positive and finite");
        }
        Checks.finiteNonNegative(propagationSeconds, "propagationSeconds of link " + from + "->" + to);
    }
}
