package io.satc.compiler.syntax.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The span-free dump the round-trip tests compare. */
class AstPrinterTest {

    private static String dump(String text) {
        return AstPrinter.print(RoundTrip.parse("t.sat", text).mission().orElseThrow());
    }

    @Test
    void printsEveryNodeKind() {
        assertEquals("""
                (mission "eo"
                  (decl satellite leo-1
                    (= compute (num 5.3 TFLOPS))
                    (= memory (num 8 GB)))
                  (decl workload
                    (= batch (num 1000)))
                  (link leo-1 <-> "leo-2" (body
                    (= rate (num 0.5 Gbps))))
                  (link a -> b)
                  (link a -> c (body))
                  (= arch (call vit (arg layers (num 48)) (arg (num 10 %))))
                  (= codecs (list (sym fp16) (call topk (arg (num 5 %)))))
                  (= onnx (str "m\\"x\\u0009.onnx")))
                """, dump("""
                mission "eo" {
                  satellite leo-1 { compute = 5.3 TFLOPS; memory = 8GB }
                  workload { batch = 1_000 }
                  link leo-1 <-> "leo-2" { rate = 0.5 Gbps }
                  link a -> b
                  link a -> c {}
                  arch = vit(layers = 48, 10 %)
                  codecs = [fp16, topk(5 %)]
                  onnx = "m\\"x\\t.onnx"
                }
                """));
    }

    @Test
    void ignoresLayoutAndCommentsButNotQuoting() {
        String a = dump("mission m { satellite a { memory = 8 GB } }");
        assertEquals(a, dump("# c\nmission m {\n  satellite a {\n    memory = 8GB  # note\n  }\n}\n"));
        assertNotEquals(a, dump("mission m { satellite \"a\" { memory = 8 GB } }"));
        assertNotEquals(a, dump("mission m { satellite a { memory = 8 MB } }"));
    }
}
