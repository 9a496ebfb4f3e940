package io.satc.runtime.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EncodingTest {

    private static final WordPieceTokenizer TOKENIZER = MiniLmFixture.tokenizer();

    @Test
    void theFileConfiguresLength128() {
        assertEquals(OptionalInt.of(128), TOKENIZER.configuredMaxLength());
        assertEquals(30522, TOKENIZER.vocabulary().size());
        assertEquals(new Padding("[PAD]", 0, 0), TOKENIZER.padding());
        assertEquals(BertNormalizer.UNCASED, TOKENIZER.normalizer());
        assertEquals(2, TOKENIZER.postProcessor().specialTokenCount());
    }

    @Test
    void longTextIsCutAtTheEndAndKeepsSep() {
        Encoding e = TOKENIZER.encode("the quick brown fox jumps", 4);
        assertArrayEquals(new long[] {101, 1996, 4248, 102}, e.inputIds());
        assertArrayEquals(new long[] {1, 1, 1, 1}, e.attentionMask());
        assertEquals(List.of("[CLS]", "the", "quick", "[SEP]"), e.tokens());
    }

    @Test
    void lengthTwoHoldsOnlyTheSpecialTokens() {
        assertArrayEquals(
                new long[] {101, 102}, TOKENIZER.encode("anything at all", 2).inputIds());
    }

    @Test
    void lengthBelowTheSpecialTokensIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TOKENIZER.encode("x", 1));
    }

    @Test
    void batchRowsFollowInputOrder() {
        BatchEncoding b = TOKENIZER.encodeBatch(List.of("hello world", "", "The quick brown fox."), 8);
        assertEquals(3, b.batchSize());
        assertArrayEquals(new long[] {3, 8}, b.shape());
        long[][] ids = b.inputIds();
        assertArrayEquals(new long[] {101, 7592, 2088, 102, 0, 0, 0, 0}, ids[0]);
        assertArrayEquals(new long[] {101, 102, 0, 0, 0, 0, 0, 0}, ids[1]);
        assertArrayEquals(new long[] {101, 1996, 4248, 2829, 4419, 1012, 102, 0}, ids[2]);
        assertArrayEquals(new long[] {1, 1, 0, 0, 0, 0, 0, 0}, b.attentionMask()[1]);
        long[] flat = b.flatInputIds();
        assertEquals(24, flat.length);
        assertEquals(101, flat[8]);
        assertEquals(102, flat[9]);
        assertArrayEquals(new long[24], b.flatTokenTypeIds());
        assertEquals(4 + 2 + 7, sum(b.flatAttentionMask()));
    }

    @Test
    void anEmptyBatchHasShapeZeroByZero() {
        BatchEncoding b = TOKENIZER.encodeBatch(List.of(), 16);
        assertArrayEquals(new long[] {0, 0}, b.shape());
        assertEquals(0, b.flatInputIds().length);
    }

    @Test
    void encodingsAreValuesAndDefendTheirArrays() {
        Encoding a = TOKENIZER.encode("hello world", 8);
        Encoding b = TOKENIZER.encode("hello world", 8);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        a.inputIds()[1] = 42;
        assertEquals(7592, a.inputIds()[1]);
        assertNotEquals(a, TOKENIZER.encode("hello there", 8));
        assertEquals("Encoding[[CLS], hello, world, [SEP]] length 8", a.toString());
    }

    @Test
    void mismatchedRowsAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Encoding(List.of("a"), new long[] {1}, new long[] {1, 1}, new long[] {0}));
        assertThrows(
                IllegalArgumentException.class,
                () -> new BatchEncoding(List.of(TOKENIZER.encode("a", 4), TOKENIZER.encode("a", 5))));
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }
}
