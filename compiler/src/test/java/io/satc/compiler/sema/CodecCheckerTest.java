package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.satc.compiler.sema.AnalyzedMission.CodecFacts;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The `codec NAME { ... }` blocks: new codecs, or measured values for built-in ones. */
class CodecCheckerTest {

    private static Map<String, CodecFacts> check(Checking c) {
        return new CodecChecker(c.ctx()).check(c.blocks("codec"));
    }

    @Test
    void declaredCodecsKeepTheirOrderAndBaseUnits() {
        Checking c = Checking.of("""
                mission m {
                  codec mask8 { ratio = 12x; loss = 0.2 %; throughput = 2 GB/s }
                  codec int8 { loss = 0.1 % }
                }
                """);
        Map<String, CodecFacts> codecs = check(c);
        assertEquals(List.of("mask8", "int8"), List.copyOf(codecs.keySet()));
        assertEquals(
                new CodecFacts(
                        "mask8",
                        false,
                        OptionalDouble.empty(),
                        OptionalDouble.of(12),
                        OptionalDouble.of(0.002),
                        OptionalDouble.of(2e9)),
                codecs.get("mask8"));
        CodecFacts int8 = codecs.get("int8");
        assertEquals(true, int8.builtIn(), "a built-in codec may be given measured values, and needs no ratio");
        assertEquals(OptionalDouble.of(0.001), int8.loss());
        assertEquals(List.of(), c.reported());
    }

    @Test
    void aNewCodecNeedsRatioAndLossUnlessMisspelt() {
        Checking c = Checking.of("""
                mission m {
                  codec mask8 {}
                  codec mask9 { rato = 2x; loss = 1 % }
                }
                """);
        check(c);
        assertEquals(
                List.of(
                        "SATC2007 2:9 Codec `mask8` has no `ratio`. | A declared codec needs `ratio = 25.8x` and `loss = 0.3 %`.",
                        "SATC2007 2:9 Codec `mask8` has no `loss`. | A declared codec needs `ratio = 25.8x` and `loss = 0.3 %`.",
                        "SATC2005 3:17 Unknown attribute `rato` in codec `mask9`. | Did you mean `ratio`?"),
                c.reported());
    }

    @Test
    void builtInNamesAndRepeatsAreRejected() {
        Checking c = Checking.of("""
                mission m {
                  codec none { ratio = 2x; loss = 0 % }
                  codec topk { ratio = 2x; loss = 0 % }
                  codec m { ratio = 2x; loss = 0 % }
                  codec m { ratio = 3x; loss = 0 % }
                }
                """);
        Map<String, CodecFacts> codecs = check(c);
        assertEquals(List.of("m"), List.copyOf(codecs.keySet()));
        assertEquals(OptionalDouble.of(2), codecs.get("m").ratio(), "the first declaration counts");
        assertEquals(
                List.of(
                        "SATC2001 2:9 The built-in codec `none` cannot be redefined. | `none` always means no compression.",
                        "SATC2001 3:9 The built-in codec `topk` cannot be redefined."
                                + " | Use `topk(p)` in `codecs`, or give this codec another name.",
                        "SATC2001 5:9 Codec `m` is declared twice. | The first is on line 4."),
                c.reported());
    }

    @Test
    void aRatioBelowOneIsNoCompression() {
        Checking c = Checking.of("mission m {\n  codec m { ratio = 0.5x; loss = 0 % }\n}\n");
        assertEquals(OptionalDouble.empty(), check(c).get("m").ratio());
        assertEquals(
                List.of("SATC3010 2:21 A compression ratio must be at least `1x`, found `0.5x`."
                        + " | The ratio is uncompressed bytes over compressed bytes, e.g. `4x`."),
                c.reported());
    }
}
