package io.satc.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BertNormalizerTest {

    private final BertNormalizer uncased = BertNormalizer.UNCASED;

    @Test
    void controlAndFormatCharactersAreRemovedAndWhitespaceBecomesSpaces() {
        assertEquals("a b c d", uncased.normalize("a\tb\nc\rd"));
        assertEquals("ab", uncased.normalize("a\u0000\u0007\u200d\ufeff\ufffdb"));
        assertEquals("a b", uncased.normalize("a\u3000b"));
        assertEquals("a b", uncased.normalize("a\u202fb"));
        // VT and FF are whitespace but also Cc; the filter runs first, as in Rust.
        assertEquals("ab", uncased.normalize("a\u000b\u000cb"));
    }

    @Test
    void unassignedCodePointsAreKept() {
        // Cn is not in the Rust crate's "other" set, so it survives cleaning.
        String unassigned = new String(Character.toChars(0x0378));
        assertEquals("a" + unassigned, uncased.normalize("a" + unassigned));
    }

    @Test
    void cjkIdeographsAreSpacedButKanaAndHangulAreNot() {
        assertEquals(" 北  京 ", uncased.normalize("北京"));
        assertEquals("かな", uncased.normalize("かな"));
        assertTrue(BertNormalizer.isChineseChar(0x4E00));
        assertTrue(BertNormalizer.isChineseChar(0x20000));
        assertFalse(BertNormalizer.isChineseChar(0x3042));
        // The Rust ranges skip U+2B820..U+2B91F.
        assertFalse(BertNormalizer.isChineseChar(0x2B820));
        assertTrue(BertNormalizer.isChineseChar(0x2B920));
    }

    @Test
    void accentsAreStrippedAfterDecomposition() {
        assertEquals("cafe naive", uncased.normalize("Café naïve"));
        assertEquals("e", uncased.normalize("e\u0301"));
        // Hangul decomposes into conjoining jamo, which are letters, not marks.
        assertEquals("\u1112\u1161\u11ab", uncased.normalize("한"));
    }

    @Test
    void lowercasingIsPerCodePoint() {
        assertEquals("οδοσ", uncased.normalize("ΟΔΟΣ"));
        BertNormalizer lowercaseOnly = new BertNormalizer(false, false, false, true);
        assertEquals("i\u0307stanbul", lowercaseOnly.normalize("İstanbul"));
        assertEquals("straße", lowercaseOnly.normalize("STRAßE"));
    }

    @Test
    void everyStepCanBeSwitchedOff() {
        BertNormalizer none = new BertNormalizer(false, false, false, false);
        String text = "Ca\u0000fé 北";
        assertEquals(text, none.normalize(text));
        BertNormalizer cased = new BertNormalizer(true, true, false, false);
        assertEquals("Café  北 ", cased.normalize(text));
    }

    @Test
    void whitespaceIsTheUnicodeProperty() {
        assertTrue(BertNormalizer.isWhitespace(0xA0));
        assertTrue(BertNormalizer.isWhitespace(0x2007));
        assertFalse(BertNormalizer.isWhitespace(0x200B));
        assertFalse(BertNormalizer.isWhitespace(0x1C));
    }
}
