package io.satc.compiler.lower;

import java.util.List;

/**
 * One window of a {@link LinkSchedule} (cost model 2, shared/spec/orbits.md §4): an interval of
 * the horizon in which the same links are up, each taken at its worst case over the interval.
 *
 * <p>The lowering builds one per interval between consecutive contact edges: a contact that is up
 * for the whole interval contributes its directed links, with the rate at its largest range and the
 * propagation delay of that range. The problem's own {@link PlacementProblem#links()} (links up for
 * the whole horizon) belong to every window in addition to these.
 *
 * @param startSeconds  seconds from the horizon start, inclusive
 * @param endSeconds    seconds from the horizon start, exclusive; greater than the start
 * @param links         the directed links up for the whole window, at their worst case in it
 */
public record TimeWindow(double startSeconds, double endSeconds, List<Link> links) {

    public TimeWindow {
        links = List.copyOf(links);
        Checks.finiteNonNegative(startSeconds, "window start");
        Checks.finiteNonNegative(endSeconds, "window end");
        if (!(endSeconds > startSeconds)) {
            throw new IllegalArgumentException(
                    "window [" + startSeconds + ", " + endSeconds + ") must end after it starts");
        }
    }

    /** The window's length in seconds. */
    public double durationSeconds() {
        return endSeconds - startSeconds;
    }
}
