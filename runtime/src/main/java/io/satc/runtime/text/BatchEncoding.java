package io.satc.runtime.text;

import java.util.List;
import java.util.function.Function;

/**
 * A batch of texts encoded to one common length: the {@code [batch, length]} int64 inputs of a
 * BERT-style encoder, as nested rows or flattened row-major for building tensors.
 *
 * @param encodings one encoding per text, in input order, all of the same length
 */
public record BatchEncoding(List<Encoding> encodings) {

    public BatchEncoding {
        encodings = List.copyOf(encodings);
        if (!encodings.isEmpty()) {
            int length = encodings.get(0).length();
            for (Encoding e : encodings) {
                if (e.length() != length) {
                    throw new IllegalArgumentException(
                            "encodings of length " + length + " and " + e.length() + " in one batch");
                }
            }
        }
    }

    /** The number of texts. */
    public int batchSize() {
        return encodings.size();
    }

    /** The common row length, or 0 for an empty batch. */
    public int length() {
        return encodings.isEmpty() ? 0 : encodings.get(0).length();
    }

    /** The tensor shape {@code [batchSize, length]}. */
    public long[] shape() {
        return new long[] {batchSize(), length()};
    }

    /** Input ids as {@code [batch][length]}. */
    public long[][] inputIds() {
        return rows(Encoding::inputIds);
    }

    /** Attention masks as {@code [batch][length]}. */
    public long[][] attentionMask() {
        return rows(Encoding::attentionMask);
    }

    /** Token type ids as {@code [batch][length]}. */
    public long[][] tokenTypeIds() {
        return rows(Encoding::tokenTypeIds);
    }

    /** Input ids flattened row-major, {@code batchSize * length} values. */
    public long[] flatInputIds() {
        return flat(Encoding::inputIds);
    }

    /** Attention masks flattened row-major. */
    public long[] flatAttentionMask() {
        return flat(Encoding::attentionMask);
    }

    /** Token type ids flattened row-major. */
    public long[] flatTokenTypeIds() {
        return flat(Encoding::tokenTypeIds);
    }

    private long[][] rows(Function<Encoding, long[]> row) {
        long[][] out = new long[encodings.size()][];
        for (int b = 0; b < out.length; b++) {
            out[b] = row.apply(encodings.get(b));
        }
        return out;
    }

    private long[] flat(Function<Encoding, long[]> row) {
        int length = length();
        long[] out = new long[encodings.size() * length];
        for (int b = 0; b < encodings.size(); b++) {
            System.arraycopy(row.apply(encodings.get(b)), 0, out, b * length, length);
        }
        return out;
    }
}
