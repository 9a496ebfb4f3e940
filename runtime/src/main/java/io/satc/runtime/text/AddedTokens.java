package io.satc.runtime.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The added (special) tokens of a tokenizer, such as {@code [CLS]} and {@code [MASK]}, which are
 * matched verbatim in the raw input before normalisation, as HuggingFace does for added tokens
 * that are not normalised: {@code "a [MASK] b"} keeps {@code [MASK]} as one token.
 *
 * @param ids each added token's content and id
 */
public record AddedTokens(Map<String, Integer> ids) {

    /** No added tokens: all input goes through normalisation and WordPiece. */
    public static final AddedTokens NONE = new AddedTokens(Map.of());

    public AddedTokens {
        for (String token : ids.keySet()) {
            if (token.isEmpty()) {
                throw new IllegalArgumentException("an added token is empty");
            }
        }
        ids = Collections.unmodifiableMap(new TreeMap<>(ids));
    }

    /** One piece of raw input: either an added token or the text between two of them. */
    public record Segment(String text, boolean addedToken) {}

    /**
     * {@code text} cut at each occurrence of an added token, leftmost first and, among matches
     * at one position, longest first; the segments concatenate back to {@code text}.
     */
    public List<Segment> split(String text) {
        List<Segment> segments = new ArrayList<>();
        int plainStart = 0;
        int i = 0;
        while (i < text.length()) {
            String match = longestMatchAt(text, i);
            if (match.isEmpty()) {
                i++;
                continue;
            }
            if (plainStart < i) {
                segments.add(new Segment(text.substring(plainStart, i), false));
            }
            segments.add(new Segment(match, true));
            i += match.length();
            plainStart = i;
        }
        if (plainStart < text.length()) {
            segments.add(new Segment(text.substring(plainStart), false));
        }
        return segments;
    }

    private String longestMatchAt(String text, int at) {
        String best = "";
        for (String token : ids.keySet()) {
            if (token.length() > best.length() && text.startsWith(token, at)) {
                best = token;
            }
        }
        return best;
    }
}
