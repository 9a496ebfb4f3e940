package io.satc.compiler.orbit;

import java.time.Instant;
import java.util.Objects;

/**
 * The span of time a contact plan covers.
 *
 * <p>Times inside it are seconds elapsed since {@code start}. The UTC instant of time {@code t} is
 * {@code start + t} read without leap seconds (a 7-day horizon crosses at most one, 1 s of GMST
 * reading), which is also how Earth rotation is evaluated.
 *
 * @param start           UTC instant of time 0
 * @param durationSeconds length in seconds, positive and finite
 */
public record Horizon(Instant start, double durationSeconds) {

    public Horizon {
        Objects.requireNonNull(start, "start");
        if (!(durationSeconds > 0) || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException("horizon duration must be positive and finite: " + durationSeconds);
        }
    }
}
