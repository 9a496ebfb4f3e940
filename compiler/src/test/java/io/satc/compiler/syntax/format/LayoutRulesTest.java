package io.satc.compiler.syntax.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One case per layout rule of docs/formatting.md, each checked against its exact output. */
class LayoutRulesTest {

    private static void formatsTo(String input, String expected) {
        assertEquals(expected, RoundTrip.check("case.sat", input));
    }

    @Test
    void indentsTwoSpacesAndSpacesAroundEquals() {
        formatsTo("""
                mission m {
                workload {
                        batch=64
                    micro_batches    =   8
                }
                source=a
                }
                """, """
                mission m {
                  workload {
                    batch = 64
                    micro_batches = 8
                  }
                  source = a
                }
                """);
    }

    @Test
    void splitsSemicolonSeparatedStatementsOntoLines() {
        formatsTo("mission m { source = a; sink = b;; objective = latency; }\n", """
                mission m {
                  source = a
                  sink = b
                  objective = latency
                }
                """);
    }

    @Test
    void oneLineBlockOfAssignmentsStaysOnOneLine() {
        formatsTo("""
                mission m {
                  satellite leo-1 {compute=5.3TFLOPS;memory=8GB;}
                  link leo-1 <-> leo-2 { rate = 0.5Gbps ; distance = 1200 km }
                }
                """, """
                mission m {
                  satellite leo-1 { compute = 5.3 TFLOPS; memory = 8 GB }
                  link leo-1 <-> leo-2 { rate = 0.5 Gbps; distance = 1200 km }
                }
                """);
    }

    @Test
    void multiLineBlockStaysExpanded() {
        formatsTo("""
                mission m {
                  satellite leo-1 { compute = 5.3 TFLOPS
                    memory = 8 GB }
                  accuracy {
                    max_loss = 1 %
                  }
                }
                """, """
                mission m {
                  satellite leo-1 {
                    compute = 5.3 TFLOPS
                    memory = 8 GB
                  }
                  accuracy {
                    max_loss = 1 %
                  }
                }
                """);
    }

    @Test
    void oneLineBlockThatIsTooLongOrNestedIsExpanded() {
        formatsTo("""
                mission m {
                  satellite "a-satellite-with-a-very-long-name" { compute = 5.3 TFLOPS; memory = 8 GB; power = 120 W; mass = 500 kg }
                  extra { inner { a = 1 } }
                }
                """, """
                mission m {
                  satellite "a-satellite-with-a-very-long-name" {
                    compute = 5.3 TFLOPS
                    memory = 8 GB
                    power = 120 W
                    mass = 500 kg
                  }
                  extra {
                    inner { a = 1 }
                  }
                }
                """);
    }

    @Test
    void emptyBlocksAreBraces() {
        formatsTo("""
                mission m {
                  workload {

                  }
                  link a -> b { }
                  link a -> c
                }
                """, """
                mission m {
                  workload {}
                  link a -> b {}
                  link a -> c
                }
                """);
    }

    @Test
    void missionBodyIsAlwaysExpanded() {
        formatsTo("mission m { source = a }", """
                mission m {
                  source = a
                }
                """);
        formatsTo("mission m {}", "mission m {}\n");
    }

    @Test
    void quantitiesHaveOneSpaceBetweenNumberAndUnit() {
        formatsTo("""
                mission m {
                  a = 0.5Gbps
                  b = 1 %
                  c = 10%
                  d = 8   GB
                  e = 150 kB/s
                  f = 2 MB / s
                  g = 25.8x
                  h = 3 x
                  i = -4
                  j = 1e9 FLOP
                }
                """, """
                mission m {
                  a = 0.5 Gbps
                  b = 1 %
                  c = 10 %
                  d = 8 GB
                  e = 150 kB/s
                  f = 2 MB/s
                  g = 25.8x
                  h = 3x
                  i = -4
                  j = 1e9 FLOP
                }
                """);
    }

    @Test
    void numbersKeepTheirDigitsAsWritten() {
        formatsTo(
                "mission m {\n  a = 1_000_000\n  b = 0.50\n  c = 1E+09\n  d = 007\n}\n",
                "mission m {\n  a = 1_000_000\n  b = 0.50\n  c = 1E+09\n  d = 007\n}\n");
    }

    @Test
    void namesKeepQuotedOrBareFormAndStringsKeepEscapes() {
        formatsTo("""
                mission "eo-vit-g" {
                  satellite "leo-1" { memory = 8 GB }
                  satellite leo-2 { memory = 8 GB }
                  satellite model { memory = 8 GB }
                  link "leo-1" <-> leo-2
                  onnx = "models/a \\"b\\".onnx"
                  tab = "a\\tb"
                }
                """, """
                mission "eo-vit-g" {
                  satellite "leo-1" { memory = 8 GB }
                  satellite leo-2 { memory = 8 GB }
                  satellite model { memory = 8 GB }
                  link "leo-1" <-> leo-2
                  onnx = "models/a \\"b\\".onnx"
                  tab = "a\\tb"
                }
                """);
    }

    @Test
    void shortCallsAndListsStayOnOneLine() {
        formatsTo("""
                mission m {
                  model g { arch = gpt( layers=12 , hidden=768,heads=12, vocab=50257, context=1024, ) }
                  codecs = [ fp16,int8 , topk( 10% ), ]
                  empty = [ ]
                  nothing = f( )
                  nested = [[1, 2], [3]]
                }
                """, """
                mission m {
                  model g { arch = gpt(layers = 12, hidden = 768, heads = 12, vocab = 50257, context = 1024) }
                  codecs = [fp16, int8, topk(10 %)]
                  empty = []
                  nothing = f()
                  nested = [[1, 2], [3]]
                }
                """);
    }

    @Test
    void longCallsBreakOneArgumentPerLineWithTrailingComma() {
        formatsTo("""
                mission m {
                  model vit-g {
                    arch = vit(layers = 48, hidden = 1664, mlp = 8192, heads = 16, patch = 14, image = 224, classes = 10)
                  }
                }
                """, """
                mission m {
                  model vit-g {
                    arch = vit(
                      layers = 48,
                      hidden = 1664,
                      mlp = 8192,
                      heads = 16,
                      patch = 14,
                      image = 224,
                      classes = 10,
                    )
                  }
                }
                """);
    }

    @Test
    void brokenCallKeepsShortInnerValuesOnOneLine() {
        formatsTo("""
                mission m {
                  codecs = [fp16, int8, int4, topk(1 %), topk(5 %), topk(10 %), topk(20 %), topk(50 %), mask8, [a, b]]
                }
                """, """
                mission m {
                  codecs = [
                    fp16,
                    int8,
                    int4,
                    topk(1 %),
                    topk(5 %),
                    topk(10 %),
                    topk(20 %),
                    topk(50 %),
                    mask8,
                    [a, b],
                  ]
                }
                """);
    }

    @Test
    void aCallThatFitsExactlyInOneHundredColumnsStaysFlat() {
        String args = "a = 1, ".repeat(10);
        String flat = "  x = f(" + args + "b = 12345)";
        int pad = MissionFormatter.MAX_WIDTH - flat.length();
        String fits = "  x = f(" + args + "b = 12345" + "6".repeat(pad) + ")";
        assertEquals(MissionFormatter.MAX_WIDTH, fits.length());
        formatsTo("mission m {\n" + fits + "\n}\n", "mission m {\n" + fits + "\n}\n");
        String tooLong = "  x = f(" + args + "b = 12345" + "6".repeat(pad + 1) + ")";
        assertTrue(
                RoundTrip.check("long.sat", "mission m {\n" + tooLong + "\n}\n").contains("x = f(\n    a = 1,\n"));
    }

    @Test
    void commentsBeforeABlockOrValueCountTowardsTheWidth() {
        String name = "\"" + "a".repeat(35) + "\"";
        String block = "  satellite s { memory = 8 GB; compute = 5 TFLOPS; name = " + name + " }";
        String call = "  x = f(" + "a = 1, ".repeat(10) + "b = 9999)";
        assertTrue(block.length() <= MissionFormatter.MAX_WIDTH
                && block.length() + " /* c */".length() > MissionFormatter.MAX_WIDTH);
        assertTrue(call.length() <= MissionFormatter.MAX_WIDTH
                && call.length() + "/* comment */ ".length() > MissionFormatter.MAX_WIDTH);
        String out = RoundTrip.check(
                "width.sat",
                "mission m {\n"
                        + block.replace("s {", "s /* c */ {") + "\n"
                        + call.replace("= f(", "= /* comment */ f(") + "\n}\n");
        assertTrue(out.contains("  satellite s /* c */ {\n    memory = 8 GB\n"), out);
        assertTrue(out.contains("  x = /* comment */ f(\n    a = 1,\n"), out);
    }

    @Test
    void brokenCallIsPreservedAsFlatWhenItFits() {
        formatsTo("""
                mission m {
                  arch = f(
                    a = 1,
                    b = 2,
                  )
                }
                """, """
                mission m {
                  arch = f(a = 1, b = 2)
                }
                """);
    }

    @Test
    void blankLinesBetweenGroupsAreKeptAndCollapsed() {
        formatsTo("""


                mission m {

                  source = a



                  sink = b
                  objective = latency
                  ;

                  workload { batch = 1 }

                }


                """, """
                mission m {
                  source = a

                  sink = b
                  objective = latency

                  workload { batch = 1 }
                }
                """);
    }

    @Test
    void crlfAndTabsAreNormalised() {
        formatsTo("mission m {\r\n\tsatellite a {\r\n\t\tmemory\t=\t8 GB\r\n\t}\r\n\r\n\tsource = a\r\n}\r\n", """
                mission m {
                  satellite a {
                    memory = 8 GB
                  }

                  source = a
                }
                """);
        formatsTo("mission m {\r\tsource = a\r}", "mission m {\n  source = a\n}\n");
    }

    @Test
    void fileEndsWithExactlyOneNewline() {
        formatsTo("mission m {\n  source = a\n}", "mission m {\n  source = a\n}\n");
        formatsTo("\n\nmission m {\n  source = a\n}\n\n\n\n", "mission m {\n  source = a\n}\n");
    }

    @Test
    void linkArrowsAndKeywordKeys() {
        formatsTo("""
                mission m {
                  link a   <->b { rate = 1 Gbps }
                  link b ->   c
                  model = x
                }
                """, """
                mission m {
                  link a <-> b { rate = 1 Gbps }
                  link b -> c
                  model = x
                }
                """);
    }
}
