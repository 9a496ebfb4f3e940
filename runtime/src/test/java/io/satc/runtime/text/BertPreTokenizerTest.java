package io.satc.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BertPreTokenizerTest {

    private final BertPreTokenizer pre = new BertPreTokenizer();

    @Test
    void splitsAtWhitespaceAndIsolatesPunctuation() {
        // The example of the Rust pre-tokenizer's own test.
        assertEquals(
                List.of("Hey", "friend", "!", "How", "are", "you", "?", "!", "?"),
                pre.split("Hey friend!     How are you?!?"));
    }

    @Test
    void emptyAndBlankTextHaveNoWords() {
        assertEquals(List.of(), pre.split(""));
        assertEquals(List.of(), pre.split("  \u3000 "));
    }

    @Test
    void asciiSymbolsCountAsPunctuationButOtherSymbolsDoNot() {
        for (char c : "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".toCharArray()) {
            assertTrue(BertPreTokenizer.isPunctuation(c), "ASCII " + c);
        }
        assertTrue(BertPreTokenizer.isPunctuation('\u00bf')); // ¿ Po
        assertTrue(BertPreTokenizer.isPunctuation('\u3001')); // 、 Po
        assertFalse(BertPreTokenizer.isPunctuation('\u00a9')); // © So
        assertFalse(BertPreTokenizer.isPunctuation('\u20ac')); // € Sc
        assertFalse(BertPreTokenizer.isPunctuation('a'));
        assertEquals(List.of("5", "€"), pre.split("5 €"));
        assertEquals(List.of("5€"), pre.split("5€"));
    }

    @Test
    void astralCodePointsStayWhole() {
        assertEquals(List.of("a\ud83d\ude00b", "!"), pre.split("a\ud83d\ude00b!"));
    }
}
