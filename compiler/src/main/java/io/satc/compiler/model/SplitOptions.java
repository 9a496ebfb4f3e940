package io.satc.compiler.model;

import java.util.Objects;
import java.util.Optional;

/**
 * How to find blocks and the main input: a block pattern with one capture group for the block
 * index (the defaults are tried in order when absent), and the graph input that carries the
 * sample (the first graph input when absent). Every other graph input is a side input.
 */
public record SplitOptions(Optional<String> blockPattern, Optional<String> mainInput) {
    public SplitOptions {
        Objects.requireNonNull(blockPattern, "blockPattern");
        Objects.requireNonNull(mainInput, "mainInput");
    }

    public static SplitOptions defaults() {
        return new SplitOptions(Optional.empty(), Optional.empty());
    }

    public static SplitOptions withBlockPattern(Optional<String> blockPattern) {
        return new SplitOptions(blockPattern, Optional.empty());
    }
}
