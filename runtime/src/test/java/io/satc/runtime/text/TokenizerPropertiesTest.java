package io.satc.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class TokenizerPropertiesTest {

    private static final WordPieceTokenizer TOKENIZER = MiniLmFixture.tokenizer();
    private static final String PREFIX = "##";

    /** Text mixing ASCII words, accented and non-Latin letters, CJK, punctuation, emoji, controls. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.strings()
                        .withCharRange('a', 'z')
                        .withCharRange('A', 'Z')
                        .ofMinLength(1)
                        .ofMaxLength(14),
                Arbitraries.of(
                        "satellite",
                        "Sentinel",
                        "orbit",
                        "NDVI",
                        "café",
                        "Straße",
                        "naïve",
                        "北京",
                        "東京",
                        "Привет",
                        "Ελλάδα",
                        "こんにちは",
                        "\ud83d\ude80",
                        "\ud83c\udf0d",
                        "42",
                        "3.14",
                        "C++"),
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(6),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(4));
        Arbitrary<String> gap =
                Arbitraries.of(" ", "  ", "\t", "\n", ", ", ". ", "-", "'", "\u00a0", "!", "", "\u200b");
        return Combinators.combine(
                        word.list().ofMinSize(0).ofMaxSize(20), gap.list().ofSize(20))
                .as((words, gaps) -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < words.size(); i++) {
                        sb.append(words.get(i)).append(gaps.get(i));
                    }
                    return sb.toString();
                });
    }

    @Property(tries = 300)
    void everyIdIsInTheVocabulary(@ForAll("texts") String text) {
        Encoding e = TOKENIZER.encode(text, 128);
        long[] ids = e.inputIds();
        for (int i = 0; i < ids.length; i++) {
            assertEquals(
                    e.tokens().get(i),
                    TOKENIZER.vocabulary().token((int) ids[i]).orElseThrow());
        }
    }

    @Property(tries = 300)
    void eachWordsPiecesSpellItOrAreOneUnknown(@ForAll("texts") String text) {
        String normalized = TOKENIZER.normalizer().normalize(text);
        for (String word : TOKENIZER.preTokenizer().split(normalized)) {
            List<String> pieces = TOKENIZER.model().tokenize(word);
            if (!pieces.equals(List.of("[UNK]"))) {
                assertEquals(word, join(pieces));
            }
        }
    }

    /** Text whose every word has pieces: ASCII, accented, Greek, Cyrillic and known CJK words. */
    @Provide
    Arbitrary<String> knownTexts() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.strings()
                        .withCharRange('a', 'z')
                        .withCharRange('A', 'Z')
                        .withCharRange('0', '9')
                        .ofMinLength(1)
                        .ofMaxLength(30),
                Arbitraries.of(
                        "café",
                        "Straße",
                        "naïve",
                        "Ångström",
                        "北京",
                        "Привет",
                        "Ελλάδα",
                        "こんにちは",
                        "São",
                        "über",
                        "İstanbul",
                        "ΟΔΟΣ"));
        Arbitrary<String> gap =
                Arbitraries.of(" ", "\t", "\n", ", ", ". ", "-", "'", "\u00a0", "!", "", "\u200b", "\u2014", "(", ")");
        return Combinators.combine(word.list().ofMaxSize(25), gap.list().ofSize(25))
                .as((words, gaps) -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < words.size(); i++) {
                        sb.append(words.get(i)).append(gaps.get(i));
                    }
                    return sb.toString();
                });
    }

    @Property(tries = 300)
    void piecesJoinToTheNormalisedTextWithoutWhitespace(@ForAll("knownTexts") String text) {
        List<String> pieces = TOKENIZER.tokenize(text);
        assertTrue(!pieces.contains("[UNK]"), pieces::toString);
        String normalized = TOKENIZER
                .normalizer()
                .normalize(text)
                .codePoints()
                .filter(cp -> !BertNormalizer.isWhitespace(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        assertEquals(normalized, join(pieces));
    }

    @Property(tries = 300)
    void asciiLettersAndDigitsNeverBecomeUnknown(@ForAll("asciiTexts") String text) {
        List<String> pieces = TOKENIZER.tokenize(text);
        assertTrue(!pieces.contains("[UNK]"), pieces::toString);
        assertEquals(TOKENIZER.normalizer().normalize(text).replace(" ", ""), join(pieces));
    }

    @Provide
    Arbitrary<String> asciiTexts() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .withChars(' ', '.', ',', '-', '!', '?', '(', ')')
                .ofMaxLength(100);
    }

    @Property(tries = 200)
    void encodingIsDeterministic(@ForAll("texts") String text, @ForAll @IntRange(min = 2, max = 160) int length) {
        Encoding first = TOKENIZER.encode(text, length);
        assertEquals(first, TOKENIZER.encode(new String(text.toCharArray()), length));
        assertEquals(
                first,
                MiniLmFixture.tokenizer()
                        .encodeBatch(List.of("", text), length)
                        .encodings()
                        .get(1));
    }

    @Property(tries = 300)
    void paddingAndTruncationKeepTheLayout(
            @ForAll("texts") String text, @ForAll @IntRange(min = 2, max = 160) int length) {
        Encoding e = TOKENIZER.encode(text, length);
        List<String> body = TOKENIZER.tokenize(text);
        int real = Math.min(body.size(), length - 2) + 2;
        assertEquals(length, e.inputIds().length);
        assertEquals(length, e.attentionMask().length);
        assertEquals(length, e.tokenTypeIds().length);
        assertEquals(real, e.realTokenCount());
        long[] ids = e.inputIds();
        long[] mask = e.attentionMask();
        assertEquals(101, ids[0]);
        assertEquals(102, ids[real - 1]);
        for (int i = 0; i < length; i++) {
            assertEquals(i < real ? 1 : 0, mask[i], "mask at " + i);
            if (i >= real) {
                assertEquals(0, ids[i], "padding id at " + i);
            }
            assertEquals(0, e.tokenTypeIds()[i]);
        }
        // The kept tokens are a prefix of the full tokenization.
        assertEquals(body.subList(0, real - 2), e.tokens().subList(1, real - 1));
    }

    @Property(tries = 100)
    void aLongerLengthOnlyAddsPaddingOrMoreTokens(
            @ForAll("texts") String text, @ForAll @IntRange(min = 2, max = 80) int length) {
        Encoding shorter = TOKENIZER.encode(text, length);
        Encoding longer = TOKENIZER.encode(text, length + 40);
        int keep = shorter.realTokenCount() - 1;
        assertEquals(shorter.tokens().subList(0, keep), longer.tokens().subList(0, keep));
    }

    private static String join(List<String> pieces) {
        StringBuilder sb = new StringBuilder();
        for (String p : pieces) {
            sb.append(p.startsWith(PREFIX) ? p.substring(PREFIX.length()) : p);
        }
        return sb.toString();
    }
}
