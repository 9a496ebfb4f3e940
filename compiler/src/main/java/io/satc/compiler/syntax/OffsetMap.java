package io.satc.compiler.syntax;

/**
 * Maps ANTLR's code-point indices to the UTF-16 offsets that spans use. Identity for text
 * without supplementary characters, which is nearly all of it.
 */
final class OffsetMap {

    private final int[] charOffsetOfCodePoint;

    OffsetMap(String text) {
        boolean supplementary = false;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isHighSurrogate(text.charAt(i))) {
                supplementary = true;
                break;
            }
        }
        if (!supplementary) {
            charOffsetOfCodePoint = null;
            return;
        }
        int cps = text.codePointCount(0, text.length());
        charOffsetOfCodePoint = new int[cps + 1];
        int off = 0;
        for (int cp = 0; cp < cps; cp++) {
            charOffsetOfCodePoint[cp] = off;
            off += Character.charCount(text.codePointAt(off));
        }
        charOffsetOfCodePoint[cps] = text.length();
    }

    int toChar(int codePointIndex) {
        if (charOffsetOfCodePoint == null) {
            return codePointIndex;
        }
        return charOffsetOfCodePoint[Math.max(0, Math.min(codePointIndex, charOffsetOfCodePoint.length - 1))];
    }
}
