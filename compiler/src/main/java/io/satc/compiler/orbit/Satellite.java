package io.satc.compiler.orbit;

import java.util.Objects;

/** A named satellite and its orbit. */
public record Satellite(String name, Orbit orbit) {

    public Satellite {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(orbit, "orbit");
    }
}
