package io.satc.compiler.orbit;

import java.util.Objects;

/**
 * A satellite whose orbit could not be propagated over the whole horizon (SGP4 rejected its element
 * set at some time). It is left out of the contact plan; the caller warns.
 *
 * @param satellite      the satellite's name
 * @param atSeconds      the first time, from the horizon start, at which propagation failed
 * @param reason         SGP4's reason, a sentence fragment such as {@code eccentricity is out of range}
 */
public record PropagationFailure(String satellite, double atSeconds, String reason) {

    public PropagationFailure {
        Objects.requireNonNull(satellite, "satellite");
        Objects.requireNonNull(reason, "reason");
    }
}
