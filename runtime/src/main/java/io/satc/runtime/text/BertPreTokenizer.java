package io.satc.runtime.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The BERT pre-tokenizer ({@code BertPreTokenizer}): splits normalised text into words at
 * whitespace, which is dropped, and around every punctuation character, which becomes a word of
 * its own.
 *
 * <p>Punctuation is BERT's definition: the ASCII ranges 33–47, 58–64, 91–96 and 123–126 (so
 * {@code $}, {@code +}, {@code ^} and {@code `} count although Unicode calls them symbols) plus
 * every code point of a Unicode punctuation category (Pc, Pd, Ps, Pe, Pi, Pf, Po).
 */
public record BertPreTokenizer() {

    /** The words of {@code normalized}, in order; never an empty word. */
    public List<String> split(String normalized) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < normalized.length()) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (BertNormalizer.isWhitespace(cp)) {
                flush(word, words);
            } else if (isPunctuation(cp)) {
                flush(word, words);
                words.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
        }
        flush(word, words);
        return words;
    }

    /** Whether {@code cp} is punctuation by BERT's definition. */
    public static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
                return true;
            default:
                return false;
        }
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
