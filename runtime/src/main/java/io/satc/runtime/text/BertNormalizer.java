package io.satc.runtime.text;

import java.text.Normalizer;

/**
 * The BERT text normalizer of HuggingFace {@code tokenizers} ({@code BertNormalizer}): drops
 * control characters and maps whitespace to spaces, puts spaces around CJK ideographs, strips
 * accents (NFD, then nonspacing marks removed) and lowercases, each step switchable.
 *
 * <p>Each step works on code points exactly as the Rust implementation does on {@code char}s, so
 * the definitions below follow it rather than {@link Character#isWhitespace} or
 * {@link String#toLowerCase()}: whitespace is the Unicode {@code White_Space} property (so a
 * no-break space counts), a control character is one of categories Cc, Cf or Co (unassigned code
 * points are kept), and lowercasing maps each code point on its own, with no final-sigma rule.
 *
 * @param cleanText          remove NUL, U+FFFD and control characters; turn whitespace into spaces
 * @param handleChineseChars surround each CJK ideograph with spaces so it becomes its own word
 * @param stripAccents       decompose (NFD) and drop nonspacing marks (category Mn)
 * @param lowercase          lowercase every code point
 */
public record BertNormalizer(boolean cleanText, boolean handleChineseChars, boolean stripAccents, boolean lowercase) {

    /** The configuration of uncased BERT models such as all-MiniLM-L6-v2: every step on. */
    public static final BertNormalizer UNCASED = new BertNormalizer(true, true, true, true);

    /** The normalised form of {@code text}. */
    public String normalize(String text) {
        String s = text;
        if (cleanText) {
            s = clean(s);
        }
        if (handleChineseChars) {
            s = spaceChineseChars(s);
        }
        if (stripAccents) {
            s = stripAccents(s);
        }
        if (lowercase) {
            s = lowercase(s);
        }
        return s;
    }

    /**
     * Whether {@code cp} has the Unicode {@code White_Space} property, which is what Rust's
     * {@code char::is_whitespace} tests.
     */
    public static boolean isWhitespace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D)
                || cp == 0x20
                || cp == 0x85
                || cp == 0xA0
                || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A)
                || cp == 0x2028
                || cp == 0x2029
                || cp == 0x202F
                || cp == 0x205F
                || cp == 0x3000;
    }

    /**
     * Whether {@code cp} is a CJK ideograph in the blocks BERT spaces out; the ranges are those of
     * the Rust implementation (whose Extension E range starts at U+2B920).
     */
    public static boolean isChineseChar(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F)
                || (cp >= 0x2B740 && cp <= 0x2B81F)
                || (cp >= 0x2B920 && cp <= 0x2CEAF)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }

    private static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        int type = Character.getType(cp);
        // A Java string may hold a lone surrogate, which a Rust string cannot: drop it too.
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE;
    }

    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            // Rust filters first and maps after, so whitespace that is also Cc (U+0085, VT, FF)
            // is removed rather than turned into a space.
            if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
                return;
            }
            if (isWhitespace(cp)) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String spaceChineseChars(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (isChineseChar(cp)) {
                out.append(' ').appendCodePoint(cp).append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String stripAccents(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(cp -> {
            if (Character.getType(cp) != Character.NON_SPACING_MARK) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String lowercase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            // U+0130 is the only code point whose unconditional lowercase is two code points.
            if (cp == 0x130) {
                out.append("i\u0307");
            } else {
                out.appendCodePoint(Character.toLowerCase(cp));
            }
        });
        return out.toString();
    }
}
