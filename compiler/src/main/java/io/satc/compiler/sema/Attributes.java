package io.satc.compiler.sema;

import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.Value;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A block's attributes by key, and the keys that misspelt attributes probably meant (so a typo
 * gets one did-you-mean, not also a "missing" error for the word it meant).
 */
record Attributes(Map<String, Assignment> byKey, Set<String> meant) {

    /** The attributes of a declaration without a body (a bare `link a -> b`). */
    static final Attributes NONE = new Attributes(Map.of(), Set.of());

    Attributes {
        byKey = Map.copyOf(byKey);
        meant = Set.copyOf(meant);
    }

    Assignment get(String key) {
        return byKey.get(key);
    }

    /** The value given for {@code key}, if it is given. */
    Optional<Value> value(String key) {
        return Optional.ofNullable(byKey.get(key)).map(Assignment::value);
    }

    boolean containsKey(String key) {
        return byKey.containsKey(key);
    }

    /** Given, or misspelt: either way the user meant to give it. */
    boolean intended(String key) {
        return byKey.containsKey(key) || meant.contains(key);
    }
}
