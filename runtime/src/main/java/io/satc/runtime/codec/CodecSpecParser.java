package io.satc.runtime.codec;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Parses one codec spec: {@code codec ("+" "zstd")?} where codec is {@code none}, {@code fp16},
 * {@code int8}, {@code int4} or {@code topk(p)} with p a fraction in (0, 1] or a percentage in
 * (0 %, 100 %]. Names are case-insensitive and blanks around tokens are ignored.
 */
final class CodecSpecParser {

    private static final String EXPECTED =
            "expected one of `none`, `fp16`, `int8`, `int4`, `topk(p)`, optionally followed by `+zstd`";

    private final String text;
    private int pos;

    CodecSpecParser(String text) {
        this.text = text;
    }

    ParsedCodecSpec parse() {
        skipBlanks();
        int nameStart = pos;
        String name = word();
        Codec codec;
        switch (name) {
            case "none":
                codec = new Codec.None();
                break;
            case "fp16":
                codec = new Codec.Fp16();
                break;
            case "int8":
                codec = new Codec.Int8();
                break;
            case "int4":
                codec = new Codec.Int4();
                break;
            case "topk":
                return topKFraction(nameStart);
            case "":
                return invalid(
                        nameStart,
                        atEnd()
                                ? "Empty codec spec; " + EXPECTED + "."
                                : "Unexpected `" + text.charAt(pos) + "`; " + EXPECTED + ".");
            default:
                return invalid(nameStart, "Unknown codec `" + name + "`; " + EXPECTED + ".");
        }
        return suffix(codec);
    }

    private ParsedCodecSpec topKFraction(int nameStart) {
        skipBlanks();
        if (!accept('(')) {
            return invalid(pos, "`topk` needs a fraction in parentheses, e.g. `topk(10%)` or `topk(0.1)`.");
        }
        skipBlanks();
        int numberStart = pos;
        while (!atEnd() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        String digits = text.substring(numberStart, pos);
        BigDecimal value;
        try {
            value = new BigDecimal(digits);
        } catch (NumberFormatException e) {
            return invalid(
                    numberStart,
                    digits.isEmpty()
                            ? "`topk` needs a fraction in parentheses, e.g. `topk(10%)` or `topk(0.1)`."
                            : "`" + digits + "` is not a number.");
        }
        skipBlanks();
        boolean percent = accept('%');
        skipBlanks();
        if (!accept(')')) {
            return invalid(
                    pos, "Expected `)` to close `topk(`" + (atEnd() ? "" : ", found `" + text.charAt(pos) + "`") + ".");
        }
        BigDecimal perMillion = value.movePointRight(percent ? 4 : 6);
        String shown = digits + (percent ? "%" : "");
        if (value.signum() <= 0 || perMillion.compareTo(BigDecimal.valueOf(Codec.TopK.MILLION)) > 0) {
            return invalid(
                    numberStart,
                    "Top-k fraction `" + shown + "` must be greater than 0 and at most " + (percent ? "100%" : "1")
                            + ".");
        }
        if (perMillion.stripTrailingZeros().scale() > 0) {
            return invalid(
                    numberStart,
                    "Top-k fraction `" + shown
                            + "` is finer than the supported resolution of one part per million (0.0001%).");
        }
        return suffix(new Codec.TopK(perMillion.intValueExact()));
    }

    private ParsedCodecSpec suffix(Codec codec) {
        skipBlanks();
        boolean zstd = false;
        if (accept('+')) {
            skipBlanks();
            int stageStart = pos;
            String stage = word();
            if (!stage.equals("zstd")) {
                return invalid(
                        stageStart,
                        stage.isEmpty()
                                ? "Expected `zstd` after `+`."
                                : "Unknown lossless stage `" + stage + "`; only `zstd` may follow `+`.");
            }
            zstd = true;
            skipBlanks();
        }
        if (!atEnd()) {
            return invalid(
                    pos,
                    "Unexpected `" + text.substring(pos) + "` after `" + new CodecSpec(codec, zstd).label()
                            + "`; only `+zstd` may follow a codec.");
        }
        return new ParsedCodecSpec.Valid(new CodecSpec(codec, zstd));
    }

    private String word() {
        int start = pos;
        while (!atEnd() && Character.isLetterOrDigit(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos).toLowerCase(Locale.ROOT);
    }

    private boolean accept(char c) {
        if (!atEnd() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipBlanks() {
        while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private ParsedCodecSpec invalid(int offset, String message) {
        return new ParsedCodecSpec.Invalid(text, offset, message);
    }
}
