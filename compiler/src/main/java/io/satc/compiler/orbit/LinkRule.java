package io.satc.compiler.orbit;

import java.util.List;
import java.util.Objects;

/**
 * Which satellite pairs may have an inter-satellite link. Every ISL is up only while both ends are
 * in line of sight (the segment stays above {@code R + 80 km} from Earth's centre) and, for the
 * rules with a {@code maxRangeKm}, the range is at most that.
 *
 * <p>When several rules name the same pair, the first of the scenario's rules in this order wins:
 * {@link LineOfSight} links, then {@link Grid} rules, then {@link Range} rules, each kind in the
 * scenario's order. A pair appears in the contact plan once.
 */
public sealed interface LinkRule {

    /** Rate of every link the rule makes, in bit/s. */
    double rateBitsPerSecond();

    /**
     * The grid of a Walker constellation: each satellite to its in-plane neighbours
     * ({@code s ± 1 mod S}) and to the same slot in the adjacent planes ({@code p ± 1 mod P}, plane
     * {@code P - 1} to plane 0 across the seam too). Its satellites must be in the scenario.
     */
    record Grid(WalkerDelta walker, double rateBitsPerSecond, double maxRangeKm) implements LinkRule {
        public Grid {
            Objects.requireNonNull(walker, "walker");
            positive(rateBitsPerSecond, "rate");
            positive(maxRangeKm, "max_range");
        }
    }

    /** Every pair of the named satellites (a constellation's members). */
    record Range(List<String> satellites, double rateBitsPerSecond, double maxRangeKm) implements LinkRule {
        public Range {
            satellites = List.copyOf(satellites);
            positive(rateBitsPerSecond, "rate");
            positive(maxRangeKm, "max_range");
        }
    }

    /** A declared link between two orbiting satellites: up while they see each other, at any range. */
    record LineOfSight(String a, String b, double rateBitsPerSecond) implements LinkRule {
        public LineOfSight {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
            if (a.equals(b)) {
                throw new IllegalArgumentException("link from " + a + " to itself");
            }
            positive(rateBitsPerSecond, "rate");
        }
    }

    private static void positive(double v, String what) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be positive and finite: " + v);
        }
    }
}
