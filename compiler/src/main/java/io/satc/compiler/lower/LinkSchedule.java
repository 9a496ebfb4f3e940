package io.satc.compiler.lower;

import java.util.List;
import java.util.Objects;

/**
 * The links of a moving constellation over the planning horizon, as consecutive windows (cost
 * model 2, shared/spec/orbits.md §4). A problem with a schedule is planned with one placement for
 * the whole horizon; in each window every transfer takes its cost-model-1 route over that window's
 * links.
 *
 * @param start            the horizon start as written in the mission (ISO-8601 UTC), carried
 *                         through to the plan; the planner reads no calendar
 * @param durationSeconds  length of the horizon
 * @param windows          in time order: the first starts at 0, each starts where the previous one
 *                         ends, and the last ends at {@code durationSeconds}
 */
public record LinkSchedule(String start, double durationSeconds, List<TimeWindow> windows) {

    public LinkSchedule {
        Objects.requireNonNull(start, "start");
        windows = List.copyOf(windows);
        if (!(durationSeconds > 0) || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException("horizon duration must be positive and finite, got " + durationSeconds);
        }
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs at least one window");
        }
        double at = 0.0;
        for (TimeWindow w : windows) {
            if (w.startSeconds() != at) {
                throw new IllegalArgumentException(
                        "window starting at " + w.startSeconds() + " s leaves a gap or overlap at " + at + " s");
            }
            at = w.endSeconds();
        }
        if (at != durationSeconds) {
            throw new IllegalArgumentException(
                    "the windows end at " + at + " s; the horizon lasts " + durationSeconds + " s");
        }
    }
}
