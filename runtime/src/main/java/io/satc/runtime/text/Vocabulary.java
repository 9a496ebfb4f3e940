package io.satc.runtime.text;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A tokenizer vocabulary: the bijection between token strings and their integer ids.
 */
public final class Vocabulary {

    private final Map<String, Integer> ids;
    private final TreeMap<Integer, String> tokens;

    private Vocabulary(Map<String, Integer> ids, TreeMap<Integer, String> tokens) {
        this.ids = ids;
        this.tokens = tokens;
    }

    /**
     * A vocabulary from a token-to-id map.
     *
     * @throws IllegalArgumentException if an id is negative or two tokens share an id
     */
    public static Vocabulary of(Map<String, Integer> tokenIds) {
        Map<String, Integer> ids = new HashMap<>(tokenIds.size() * 2);
        TreeMap<Integer, String> tokens = new TreeMap<>();
        for (Map.Entry<String, Integer> e : tokenIds.entrySet()) {
            int id = e.getValue();
            if (id < 0) {
                throw new IllegalArgumentException("token `" + e.getKey() + "` has negative id " + id);
            }
            String previous = tokens.put(id, e.getKey());
            if (previous != null) {
                throw new IllegalArgumentException("tokens `" + previous + "` and `" + e.getKey() + "` share id " + id);
            }
            ids.put(e.getKey(), id);
        }
        return new Vocabulary(ids, tokens);
    }

    /** The id of {@code token}, or empty if it is not in the vocabulary. */
    public OptionalInt id(String token) {
        Integer id = ids.get(token);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** Whether {@code token} is in the vocabulary. */
    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /** The token with {@code id}, or empty if no token has it. */
    public Optional<String> token(int id) {
        return Optional.ofNullable(tokens.get(id));
    }

    /** The number of tokens. */
    public int size() {
        return ids.size();
    }

    /** Every token by id, in ascending id order. */
    public Map<Integer, String> tokensById() {
        return Collections.unmodifiableMap(tokens);
    }
}
