package io.satc.runtime.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The WordPiece model: splits one pre-tokenized word into vocabulary pieces by greedy
 * longest-match-first, marking every piece after the first with a continuation prefix.
 *
 * <p>A word is replaced by the single unknown token when it is longer than
 * {@code maxInputCharsPerWord} code points or when some position of it has no matching piece;
 * WordPiece never emits a partial split.
 *
 * @param vocabulary              the pieces and their ids; must contain {@code unkToken}
 * @param unkToken                the token that stands for a word that cannot be split
 * @param continuingSubwordPrefix the prefix of non-initial pieces, {@code ##} for BERT
 * @param maxInputCharsPerWord    the longest word, in code points, that is split at all
 */
public record WordPieceModel(
        Vocabulary vocabulary, String unkToken, String continuingSubwordPrefix, int maxInputCharsPerWord) {

    public WordPieceModel {
        if (!vocabulary.contains(unkToken)) {
            throw new IllegalArgumentException("unknown token `" + unkToken + "` is not in the vocabulary");
        }
        if (maxInputCharsPerWord < 1) {
            throw new IllegalArgumentException("max_input_chars_per_word " + maxInputCharsPerWord + " is not positive");
        }
    }

    /** The pieces of {@code word}: vocabulary tokens that spell it, or just {@code unkToken}. */
    public List<String> tokenize(String word) {
        int[] bounds = codePointBounds(word);
        int length = bounds.length - 1;
        if (length > maxInputCharsPerWord) {
            return List.of(unkToken);
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < length) {
            String match = null;
            int end = length;
            while (end > start) {
                String candidate = word.substring(bounds[start], bounds[end]);
                if (start > 0) {
                    candidate = continuingSubwordPrefix + candidate;
                }
                if (vocabulary.contains(candidate)) {
                    match = candidate;
                    break;
                }
                end--;
            }
            if (match == null) {
                return List.of(unkToken);
            }
            pieces.add(match);
            start = end;
        }
        return pieces;
    }

    /** Char offsets of each code point of {@code word}, plus its length as the last entry. */
    private static int[] codePointBounds(String word) {
        int[] bounds = new int[word.codePointCount(0, word.length()) + 1];
        int offset = 0;
        for (int i = 0; i < bounds.length - 1; i++) {
            bounds[i] = offset;
            offset += Character.charCount(word.codePointAt(offset));
        }
        bounds[bounds.length - 1] = word.length();
        return bounds;
    }
}
