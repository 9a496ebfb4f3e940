package io.satc.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodecSpecTest {

    static CodecSpec valid(String text) {
        ParsedCodecSpec parsed = CodecSpec.parse(text);
        assertInstanceOf(ParsedCodecSpec.Valid.class, parsed, () -> text + ": " + parsed);
        return ((ParsedCodecSpec.Valid) parsed).value();
    }

    static ParsedCodecSpec.Invalid invalid(String text) {
        ParsedCodecSpec parsed = CodecSpec.parse(text);
        assertInstanceOf(ParsedCodecSpec.Invalid.class, parsed, () -> text + ": " + parsed);
        return (ParsedCodecSpec.Invalid) parsed;
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "none          | none",
                "fp16          | fp16",
                "int8          | int8",
                "int4          | int4",
                "int8+zstd     | int8+zstd",
                "none+zstd     | none+zstd",
                " INT8 + ZSTD  | int8+zstd",
                "topk(10%)     | topk(10%)",
                "topk(0.1)     | topk(10%)",
                "topk( 12.5 %) | topk(12.5%)",
                "topk(1)       | topk(100%)",
                "topk(100%)    | topk(100%)",
                "topk(0.000001)| topk(0.0001%)",
                "topk(5%)+zstd | topk(5%)+zstd",
            })
    void parsesToCanonicalLabel(String text, String label) {
        assertEquals(label, valid(text).label());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''             | 0 | Empty codec spec",
                "int9           | 0 | Unknown codec `int9`",
                "int8+lz4       | 5 | Unknown lossless stage `lz4`",
                "int8+          | 5 | Expected `zstd` after `+`",
                "int8 fp16      | 5 | Unexpected `fp16` after `int8`",
                "topk           | 4 | `topk` needs a fraction",
                "topk()         | 5 | `topk` needs a fraction",
                "topk(0)        | 5 | must be greater than 0 and at most 1",
                "topk(0%)       | 5 | must be greater than 0 and at most 100%",
                "topk(1.5)      | 5 | must be greater than 0 and at most 1.",
                "topk(101%)     | 5 | at most 100%",
                "topk(1.2.3)    | 5 | `1.2.3` is not a number",
                "topk(0.0000001)| 5 | finer than the supported resolution",
                "topk(10%       | 8 | Expected `)`",
                "+zstd          | 0 | Unexpected `+`",
            })
    void rejectsWithPositionAndSentence(String text, int offset, String fragment) {
        ParsedCodecSpec.Invalid invalid = invalid(text);
        assertEquals(offset, invalid.offset(), invalid.message());
        assertTrue(invalid.message().contains(fragment), invalid.message());
        assertTrue(invalid.message().endsWith("."), "messages are sentences: " + invalid.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"topk(-5%)", "topk(1e-2)", "int8+zstd+zstd", "fp16(3)"})
    void otherMalformedInputIsAValue(String text) {
        invalid(text);
    }

    @Property(tries = 300)
    void labelsRoundTrip(@ForAll @IntRange(min = 1, max = 1_000_000) int partsPerMillion, @ForAll boolean zstd) {
        CodecSpec spec = new CodecSpec(new Codec.TopK(partsPerMillion), zstd);
        assertEquals(spec, valid(spec.label()));
    }

    @Property(tries = 300)
    void keptPerRowIsExactCeiling(
            @ForAll @IntRange(min = 1, max = 1_000_000) int partsPerMillion,
            @ForAll @IntRange(min = 1, max = 100_000) int rowLength) {
        int k = new Codec.TopK(partsPerMillion).keptPerRow(rowLength);
        java.math.BigInteger exact =
                java.math.BigInteger.valueOf(partsPerMillion).multiply(java.math.BigInteger.valueOf(rowLength));
        java.math.BigInteger million = java.math.BigInteger.valueOf(1_000_000);
        assertTrue(java.math.BigInteger.valueOf(k).multiply(million).compareTo(exact) >= 0);
        assertTrue(java.math.BigInteger.valueOf(k - 1).multiply(million).compareTo(exact) < 0);
        assertTrue(k >= 1 && k <= rowLength);
    }

    @org.junit.jupiter.api.Test
    void tenthOfThreeHundredIsExact() {
        // 0.3 * 10 in double is 3.0000000000000004; parts per million keep k = 3.
        assertEquals(3, ((Codec.TopK) valid("topk(0.3)").codec()).keptPerRow(10));
        assertEquals(39, ((Codec.TopK) valid("topk(10%)").codec()).keptPerRow(384));
    }
}
