package io.satc.runtime.text;

import java.util.Arrays;
import java.util.List;

/**
 * One text encoded for a BERT-style encoder: tokens and the three int64 input rows the ONNX model
 * takes, all of the same fixed length (special tokens included, padding at the end).
 *
 * <p>Arrays are copied in and out, so an encoding is immutable; equality compares contents.
 *
 * @param tokens        the token strings, {@code [CLS]} first and {@code [PAD]} for padding
 * @param inputIds      the token ids
 * @param attentionMask 1 for a real token (special tokens included), 0 for padding
 * @param tokenTypeIds  the segment of each position, all 0 for a single sequence
 */
public record Encoding(List<String> tokens, long[] inputIds, long[] attentionMask, long[] tokenTypeIds) {

    public Encoding {
        tokens = List.copyOf(tokens);
        inputIds = inputIds.clone();
        attentionMask = attentionMask.clone();
        tokenTypeIds = tokenTypeIds.clone();
        int n = tokens.size();
        if (inputIds.length != n || attentionMask.length != n || tokenTypeIds.length != n) {
            throw new IllegalArgumentException("lengths differ: " + n + " tokens, " + inputIds.length + " ids, "
                    + attentionMask.length + " mask, " + tokenTypeIds.length + " type ids");
        }
    }

    @Override
    public long[] inputIds() {
        return inputIds.clone();
    }

    @Override
    public long[] attentionMask() {
        return attentionMask.clone();
    }

    @Override
    public long[] tokenTypeIds() {
        return tokenTypeIds.clone();
    }

    /** The fixed length of every row, padding included. */
    public int length() {
        return tokens.size();
    }

    /** The number of real tokens, special tokens included: the positions whose mask is 1. */
    public int realTokenCount() {
        int count = 0;
        for (long m : attentionMask) {
            count += (int) m;
        }
        return count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Encoding e
                && tokens.equals(e.tokens)
                && Arrays.equals(inputIds, e.inputIds)
                && Arrays.equals(attentionMask, e.attentionMask)
                && Arrays.equals(tokenTypeIds, e.tokenTypeIds);
    }

    @Override
    public int hashCode() {
        int h = tokens.hashCode();
        h = 31 * h + Arrays.hashCode(inputIds);
        h = 31 * h + Arrays.hashCode(attentionMask);
        return 31 * h + Arrays.hashCode(tokenTypeIds);
    }

    @Override
    public String toString() {
        return "Encoding" + tokens.subList(0, realTokenCount()) + " length " + length();
    }
}
