package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.sema.AnalyzedMission.CodecFacts;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The mission's `codecs = [...]`: which codecs the planner may put on a cut. */
class CodecListCheckerTest {

    private static List<CodecFacts> check(Checking c) {
        CodecChecker declared = new CodecChecker(c.ctx());
        return new CodecListChecker(c.ctx())
                .check(c.declarations().attribute("codecs"), declared.check(c.blocks("codec")));
    }

    private static List<String> names(List<CodecFacts> codecs) {
        return codecs.stream().map(CodecFacts::name).toList();
    }

    @Test
    void withoutAListTheDefaultsAndEveryNewCodec() {
        Checking c = Checking.of("""
                mission m {
                  codec mask8 { ratio = 12x; loss = 0.2 % }
                  codec int8 { loss = 0.1 % }
                }
                """);
        List<CodecFacts> codecs = check(c);
        assertEquals(List.of("fp16", "int8", "int4", "mask8"), names(codecs));
        assertEquals(OptionalDouble.of(0.001), codecs.get(1).loss(), "a declared built-in replaces its default");
        assertEquals(OptionalDouble.empty(), codecs.get(0).loss());
        assertEquals(List.of(), c.reported());
    }

    @Test
    void aListKeepsItsOrderWithoutNone() {
        Checking c = Checking.of("""
                mission m {
                  codec mask8 { ratio = 12x; loss = 0.2 % }
                  codecs = [int8, topk(12.5 %), "int4+zstd", none, mask8]
                }
                """);
        List<CodecFacts> codecs = check(c);
        assertEquals(List.of("int8", "topk(12.5%)", "int4+zstd", "mask8"), names(codecs));
        assertEquals(OptionalDouble.of(0.125), codecs.get(1).topkFraction());
        assertFalse(codecs.get(3).builtIn());
        assertEquals(List.of(), c.reported());
    }

    @Test
    void aTopkPercentageIsNamedAsWrittenNotAsItsBinaryProduct() {
        // 0.07 * 100 is 7.000000000000001 in doubles; the name must be one the runtime parses.
        Checking c = Checking.of("""
                mission m {
                  codecs = [topk(7 %), topk(0.1 %), topk(33.3 %)]
                }
                """);
        List<CodecFacts> codecs = check(c);
        assertEquals(List.of("topk(7%)", "topk(0.1%)", "topk(33.3%)"), names(codecs));
        for (CodecFacts f : codecs) {
            var parsed = io.satc.runtime.codec.CodecSpec.parse(f.name());
            assertTrue(
                    parsed instanceof io.satc.runtime.codec.ParsedCodecSpec.Valid v
                            && v.value().label().equals(f.name()),
                    f.name());
        }
    }

    @Test
    void everyBadEntryIsReported() {
        Checking c = Checking.of("""
                mission m {
                  codec mask8 { ratio = 12x; loss = 0.2 % }
                  codecs = [int8, int8, topk, topk(0 %), topk(1 %, 2 %), top(5 %), mask9, 3]
                }
                """);
        assertEquals(List.of("int8"), names(check(c)));
        assertEquals(
                List.of(
                        "SATC2001 3:19 Codec `int8` is listed twice. | Remove one.",
                        "SATC3009 3:25 `topk` needs the fraction of each row it keeps. | Write e.g. `topk(10 %)`.",
                        "SATC3011 3:36 `topk` keeps a fraction of each row in (0 %, 100 %], found `0 %`."
                                + " | E.g. `topk(10 %)` keeps the largest tenth.",
                        "SATC3009 3:42 `topk` takes one argument, the fraction of each row kept. | Write e.g. `topk(10 %)`.",
                        "SATC2003 3:58 Unknown codec `top`. | Did you mean `topk`?",
                        "SATC2003 3:68 Unknown codec `mask9`. | Did you mean `mask8`?",
                        "SATC3009 3:75 A codec in `codecs` is a name such as `int8` or `topk(10 %)`, found the number `3`."),
                c.reported());
    }

    @Test
    void theListMustBeAList() {
        Checking c = Checking.of("mission m {\n  codecs = int8\n}\n");
        assertEquals(List.of(), check(c));
        assertEquals(
                List.of("SATC3009 2:12 `codecs` expects a list, found the name `int8`."
                        + " | Write a list: `codecs = [int8]`."),
                c.reported());
    }

    @Test
    void zstdFollowsOnlyTheQuantisingCodecs() {
        assertTrue(CodecListChecker.isZstdVariant("int8+zstd"));
        assertTrue(CodecListChecker.isZstdVariant("none+zstd"));
        assertFalse(CodecListChecker.isZstdVariant("topk+zstd"));
        assertFalse(CodecListChecker.isZstdVariant("zstd"));
        assertFalse(CodecListChecker.isZstdVariant("int8+zstd+zstd"));
    }
}
