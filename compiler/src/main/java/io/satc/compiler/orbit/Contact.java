package io.satc.compiler.orbit;

import java.util.Comparator;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One interval in which a link is up, with its range over the interval.
 *
 * <p>Edges are solved to 1 µs (docs/orbits.md, "Exact edges"): {@code startSeconds} and
 * {@code endSeconds} are the first and last instants known to be up. A contact already up at the
 * horizon start has {@code startSeconds = 0}; one still up at its end has {@code endSeconds} equal
 * to the duration.
 *
 * @param a                   satellite; for an ISL the smaller name of the pair
 * @param b                   the other satellite, or the ground station
 * @param kind                ISL or ground
 * @param startSeconds        first instant up, seconds from the horizon start
 * @param endSeconds          last instant up
 * @param minRangeKm          smallest range over the contact
 * @param maxRangeKm          largest range over the contact (the worst case of the whole contact)
 * @param maxElevationDeg     ground contacts: the highest elevation seen from the station; empty for ISLs
 * @param rateBitsPerSecond   rate of the link (the rule's, or the station's downlink)
 */
public record Contact(
        String a,
        String b,
        ContactKind kind,
        double startSeconds,
        double endSeconds,
        double minRangeKm,
        double maxRangeKm,
        OptionalDouble maxElevationDeg,
        double rateBitsPerSecond) {

    /**
     * The contact plan's order: start, then end, then kind (ISLs first), then {@code a}, then
     * {@code b} (names compared as strings).
     */
    public static final Comparator<Contact> ORDER = Comparator.comparingDouble(Contact::startSeconds)
            .thenComparingDouble(Contact::endSeconds)
            .thenComparing(Contact::kind)
            .thenComparing(Contact::a)
            .thenComparing(Contact::b);

    public Contact {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(maxElevationDeg, "maxElevationDeg");
        if (!(endSeconds >= startSeconds)) {
            throw new IllegalArgumentException("contact " + a + "-" + b + " ends before it starts");
        }
        if (maxElevationDeg.isPresent() != (kind == ContactKind.GROUND)) {
            throw new IllegalArgumentException("only ground contacts have a maximum elevation");
        }
    }

    /** {@code endSeconds - startSeconds}. */
    public double durationSeconds() {
        return endSeconds - startSeconds;
    }

    /** One-way light time at the largest range, in seconds. */
    public double maxLightTimeSeconds() {
        return maxRangeKm / Earth.LIGHT_SPEED_KM_S;
    }
}
