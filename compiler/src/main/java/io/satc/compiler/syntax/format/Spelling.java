package io.satc.compiler.syntax.format;

import io.satc.compiler.source.Span;
import io.satc.compiler.syntax.ast.Ident;
import io.satc.compiler.syntax.ast.NumberValue;
import io.satc.compiler.syntax.ast.StringValue;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How literals are written back: names, strings and numbers keep their original spelling
 * (quotes and escapes, digit-group underscores), read from the source text, so formatting never
 * rewrites what the author typed inside a token.
 */
final class Spelling {

    /** The lexer's NUMBER rule. */
    private static final Pattern NUMBER =
            Pattern.compile("-?[0-9](_*[0-9])*(\\.[0-9](_*[0-9])*)?([eE][+-]?[0-9](_*[0-9])*)?");

    /** The factor unit reads as a multiplier and is written attached, as the language spec does: {@code 25.8x}. */
    static final String FACTOR_UNIT = "x";

    private final String text;

    Spelling(String text) {
        this.text = text;
    }

    String name(Ident ident) {
        if (!ident.quoted()) {
            return ident.text();
        }
        return quotedAsWritten(ident.span()).orElseGet(() -> quote(ident.text()));
    }

    String string(StringValue value) {
        return quotedAsWritten(value.span()).orElseGet(() -> quote(value.value()));
    }

    /** The number as written, underscores included; the AST's literal if the source disagrees. */
    String number(NumberValue value) {
        Matcher m = NUMBER.matcher(text);
        m.region(Math.min(value.span().start(), text.length()), text.length());
        if (m.lookingAt() && m.group().replace("_", "").equals(value.literal())) {
            return m.group();
        }
        return value.literal();
    }

    private Optional<String> quotedAsWritten(Span span) {
        if (span.end() > text.length() || span.length() < 2) {
            return Optional.empty();
        }
        String s = text.substring(span.start(), span.end());
        return s.startsWith("\"") && s.endsWith("\"") ? Optional.of(s) : Optional.empty();
    }

    static String quote(String raw) {
        StringBuilder b = new StringBuilder(raw.length() + 2).append('"');
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '"', '\\' -> b.append('\\').append(c);
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
