package io.satc.runtime.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Token ids of all-MiniLM-L6-v2 for hand-checked sentences. With no Python tokenizers at hand,
 * each expectation was worked out from the vocab in tokenizer.json: normalise, split at
 * whitespace and punctuation, then for each word take the longest vocab entry that is a prefix
 * (with {@code ##} after the first piece) and confirm that no longer one exists — e.g. for
 * {@code swaths} neither {@code swaths} nor {@code swath} is in the vocab, {@code swat} is, then
 * {@code ##hs}. The pieces are written beside the ids so a reader can check both.
 */
class GoldenTokenizationTest {

    private static final WordPieceTokenizer TOKENIZER = MiniLmFixture.tokenizer();

    record Golden(String text, List<String> pieces, long[] ids) {
        @Override
        public String toString() {
            return "\"" + text + "\" -> " + pieces;
        }
    }

    private static Golden golden(String text, String pieces, long... ids) {
        List<String> split = pieces.isEmpty() ? List.of() : List.of(pieces.split(" "));
        return new Golden(text, split, ids);
    }

    static Stream<Golden> goldens() {
        return Stream.of(
                golden("hello world", "hello world", 7592, 2088),
                golden("The quick brown fox.", "the quick brown fox .", 1996, 4248, 2829, 4419, 1012),
                golden("tokenization", "token ##ization", 19204, 3989),
                golden("café", "cafe", 7668),
                golden("Hello, World!", "hello , world !", 7592, 1010, 2088, 999),
                // An emoji is a word of its own and not in the vocab.
                golden("I love it \ud83e\udd70", "i love it [UNK]", 1045, 2293, 2009, 100),
                // Each CJK ideograph is a word of its own; 佳 is not in the vocab.
                golden(
                        "野口里佳 Noguchi Rika",
                        "野 口 里 [UNK] no ##guchi ri ##ka",
                        1963,
                        1788,
                        1962,
                        100,
                        2053,
                        16918,
                        15544,
                        2912),
                golden("北京 is in China", "北 京 is in china", 1781, 1755, 2003, 1999, 2859),
                // Added tokens are matched in the raw text, before normalisation.
                golden("hello [MASK] world", "hello [MASK] world", 7592, 103, 2088),
                golden("x[CLS]y", "x [CLS] y", 1060, 101, 1061),
                // ... and case-sensitively, so a lowercase one is ordinary text.
                golden(
                        "[cls] stays lowercase text",
                        "[ cl ##s ] stays lower ##case text",
                        1031,
                        18856,
                        2015,
                        1033,
                        12237,
                        2896,
                        18382,
                        3793),
                golden(
                        "The satellite passed over Lisbon at 10:42 UTC.",
                        "the satellite passed over lisbon at 10 : 42 utc .",
                        1996,
                        5871,
                        2979,
                        2058,
                        11929,
                        2012,
                        2184,
                        1024,
                        4413,
                        11396,
                        1012),
                golden(
                        "Sentinel-2 images cover 290 km swaths.",
                        "sentinel - 2 images cover 290 km swat ##hs .",
                        16074,
                        1011,
                        1016,
                        4871,
                        3104,
                        17222,
                        2463,
                        25414,
                        7898,
                        1012),
                golden("naïve résumé coordinates", "naive resume coordinates", 15743, 13746, 12093),
                golden("Don't panic!", "don ' t panic !", 2123, 1005, 1056, 6634, 999),
                golden("unbelievable", "unbelievable", 23653),
                golden("embeddings", "em ##bed ##ding ##s", 7861, 8270, 4667, 2015),
                golden("photosynthesis", "photos ##yn ##thesis", 7760, 6038, 25078),
                golden("São Paulo's floods", "sao paulo ' s floods", 7509, 9094, 1005, 1055, 14295),
                golden("ÉCOLE NORMALE", "ecole normal ##e", 12431, 3671, 2063),
                golden("HELLO\tworld\nagain", "hello world again", 7592, 2088, 2153),
                golden("a    b", "a b", 1037, 1038),
                golden("1,000,000 people", "1 , 000 , 000 people", 1015, 1010, 2199, 1010, 2199, 2111),
                golden("3.14159", "3 . 141 ##59", 1017, 1012, 15471, 28154),
                // $ and + are ASCII symbols that BERT counts as punctuation.
                golden("$100 + 5%", "$ 100 + 5 %", 1002, 2531, 1009, 1019, 1003),
                golden(
                        "e-mail: user@example.com",
                        "e - mail : user @ example . com",
                        1041,
                        1011,
                        5653,
                        1024,
                        5310,
                        1030,
                        2742,
                        1012,
                        4012),
                // Curly quotes, the em dash and the ellipsis are Unicode punctuation.
                golden(
                        "\u201cQuoted\u201d text \u2014 with dashes\u2026",
                        "\u201c quoted \u201d text \u2014 with dash ##es \u2026",
                        1523,
                        9339,
                        1524,
                        3793,
                        1517,
                        2007,
                        11454,
                        2229,
                        1529),
                // Hiragana is not spaced out like CJK ideographs.
                golden("こんにちは", "こ ##ん ##に ##ち ##は", 1655, 30217, 30194, 30188, 30198),
                golden(
                        "Привет мир",
                        "п ##р ##и ##в ##е ##т м ##и ##р",
                        1194,
                        16856,
                        10325,
                        25529,
                        15290,
                        22919,
                        1191,
                        10325,
                        16856),
                golden(
                        "Ελληνικά",
                        "ε ##λ ##λ ##η ##ν ##ι ##κ ##α",
                        1159,
                        29727,
                        29727,
                        24824,
                        16177,
                        18199,
                        29726,
                        14608),
                golden("well-known", "well - known", 2092, 1011, 2124),
                golden(
                        "(brackets) [square] {curly}",
                        "( brackets ) [ square ] { curly }",
                        1006,
                        19719,
                        1007,
                        1031,
                        2675,
                        1033,
                        1063,
                        17546,
                        1065),
                golden("C++ and C#", "c + + and c #", 1039, 1009, 1009, 1998, 1039, 1001),
                golden("satc", "sat ##c", 2938, 2278),
                golden(
                        "The NDVI index dropped 12% in July.",
                        "the n ##d ##vi index dropped 12 % in july .",
                        1996,
                        1050,
                        2094,
                        5737,
                        5950,
                        3333,
                        2260,
                        1003,
                        1999,
                        2251,
                        1012),
                golden("über", "uber", 19169),
                // ß has no canonical decomposition, so it stays.
                golden("Straße", "st ##raße", 2358, 27807),
                golden("Crème brûlée", "cr ##eme br ##ule ##e", 13675, 21382, 7987, 9307, 2063),
                // NUL and the zero-width space (Cf) are removed, joining the letters.
                golden("a\u0000b\u200bc", "abc", 5925),
                // The soft hyphen is Cf too.
                golden("co\u00adoperate", "cooperate", 17654),
                // The no-break space is whitespace.
                golden("New\u00a0York", "new york", 2047, 2259),
                // NEL is whitespace but also Cc, and removal comes first.
                golden("a\u0085b", "ab", 11113),
                golden("İstanbul", "istanbul", 9960),
                golden("\ufffdok", "ok", 7929),
                // Private use (Co) is removed.
                golden("\ue000private", "private", 2797),
                // Fullwidth letters are not folded (that would be NFKC), and are not in the vocab.
                golden("ＡＢＣ", "[UNK]", 100),
                golden(
                        "The 2026 Atlantic hurricane season",
                        "the 202 ##6 atlantic hurricane season",
                        1996,
                        16798,
                        2575,
                        4448,
                        7064,
                        2161),
                golden(
                        "Earth-observation satellites monitor crops, forests and oceans.",
                        "earth - observation satellites monitor crops , forests and oceans .",
                        3011,
                        1011,
                        8089,
                        14549,
                        8080,
                        8765,
                        1010,
                        6138,
                        1998,
                        17401,
                        1012),
                // The skin-tone modifier (Sk) stays attached to the emoji.
                golden("\ud83d\udc4d\ud83c\udffd good", "[UNK] good", 100, 2204),
                // Lowercasing is per code point, so a final Σ becomes σ (29733), not ς (19579).
                golden("ΟΔΟΣ", "ο ##δ ##ο ##σ", 1169, 29722, 29730, 29733),
                golden("", ""),
                golden(" \t\n ", ""));
    }

    @ParameterizedTest
    @MethodSource("goldens")
    void piecesMatchTheHandCheckedSplit(Golden g) {
        assertEquals(g.pieces(), TOKENIZER.tokenize(g.text()));
    }

    @ParameterizedTest
    @MethodSource("goldens")
    void idsAreWrappedInClsAndSepAndPadded(Golden g) {
        int length = 64;
        Encoding e = TOKENIZER.encode(g.text(), length);
        long[] expected = new long[length];
        expected[0] = 101;
        System.arraycopy(g.ids(), 0, expected, 1, g.ids().length);
        expected[g.ids().length + 1] = 102;
        assertArrayEquals(expected, e.inputIds());
        assertEquals(g.ids().length + 2, e.realTokenCount());
        assertArrayEquals(new long[length], e.tokenTypeIds());
    }

    @ParameterizedTest
    @MethodSource("goldens")
    void eachPieceHasTheWrittenId(Golden g) {
        List<Long> fromVocab = new ArrayList<>();
        for (String piece : g.pieces()) {
            fromVocab.add((long) TOKENIZER.vocabulary().id(piece).orElseThrow());
        }
        assertEquals(Arrays.stream(g.ids()).boxed().toList(), fromVocab);
    }

    @Test
    void helloWorldIsTheKnownEncoding() {
        Encoding e = TOKENIZER.encode("hello world", 6);
        assertArrayEquals(new long[] {101, 7592, 2088, 102, 0, 0}, e.inputIds());
        assertArrayEquals(new long[] {1, 1, 1, 1, 0, 0}, e.attentionMask());
        assertEquals(List.of("[CLS]", "hello", "world", "[SEP]", "[PAD]", "[PAD]"), e.tokens());
    }

    @Test
    void emptyTextIsClsSep() {
        assertArrayEquals(new long[] {101, 102}, TOKENIZER.encode("", 2).inputIds());
    }

    @Test
    void aWordOfExactlyOneHundredCharsIsStillSplit() {
        List<String> expected = new ArrayList<>();
        expected.add("aaa");
        for (int i = 0; i < 48; i++) {
            expected.add("##aa");
        }
        expected.add("##a");
        assertEquals(expected, TOKENIZER.tokenize("a".repeat(100)));
    }

    @Test
    void aWordOfOneHundredAndOneCharsIsUnknown() {
        assertEquals(List.of("[UNK]"), TOKENIZER.tokenize("a".repeat(101)));
        assertEquals(List.of("[UNK]", "ok"), TOKENIZER.tokenize("x".repeat(101) + " ok"));
    }

    @Test
    void theLengthLimitCountsCharactersNotBytes() {
        // α is two bytes in UTF-8; the Rust limit counts chars, so 100 of them are still split.
        List<String> pieces = TOKENIZER.tokenize("α".repeat(100));
        assertEquals(100, pieces.size());
        assertEquals("α", pieces.get(0));
        assertEquals("##α", pieces.get(99));
    }
}
