package io.satc.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.sema.AnalysisResult;
import io.satc.compiler.sema.Analyzer;
import io.satc.compiler.source.SourceFile;
import io.satc.compiler.syntax.MissionParser;
import io.satc.runtime.codec.CodecSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lowering parses each candidate codec once: built-in ones into the runtime's spec, declared ones into names. */
class CodecKindTest {

    private static Lowering lower(String codecs) {
        String text = """
                mission "codecs" {
                  model m { arch = vit(layers = 4, hidden = 64, mlp = 256, heads = 2, patch = 16, image = 64); precision = fp16 }
                  workload { batch = 4; micro_batches = 2 }
                  accuracy { max_loss = 1 % }
                  codecs = [CODECS]
                  codec mask8 { ratio = 8x; loss = 0.5 % }
                  satellite a { compute = 1 TFLOPS; memory = 1 GB }
                  ground g {}
                  link a -> g { rate = 1 Gbps }
                  source = a
                  sink = g
                }
                """.replace("CODECS", codecs);
        AnalysisResult analysis = Analyzer.analyze(MissionParser.parse(SourceFile.ofString("codecs.sat", text)));
        assertTrue(analysis.mission().isPresent(), () -> analysis.diagnostics().toString());
        return Lowerer.lower(analysis.mission().get());
    }

    @Test
    void builtInCodecsCarryTheirSpecAndDeclaredOnesOnlyTheirName() {
        Lowering.Lowered lowered =
                assertInstanceOf(Lowering.Lowered.class, lower("int8, \"int8+zstd\", topk(25 %), mask8"));
        List<CodecOption> codecs = lowered.problem().codecs();
        assertEquals(
                List.of("none", "int8", "int8+zstd", "topk(25%)", "mask8"),
                codecs.stream().map(CodecOption::name).toList());
        assertEquals(Optional.of(CodecSpec.NONE), codecs.get(0).kind().spec());
        assertEquals(new CodecKind.BuiltIn(CodecSpec.INT8), codecs.get(1).kind());
        assertEquals(
                new CodecKind.BuiltIn(CodecSpec.INT8.withZstd()), codecs.get(2).kind());
        assertEquals(
                new CodecKind.BuiltIn(CodecSpec.topK(250_000)), codecs.get(3).kind());
        assertEquals(new CodecKind.Declared("mask8"), codecs.get(4).kind());
        assertEquals(Optional.empty(), codecs.get(4).kind().spec());
        // Uncalibrated, `+zstd` counts only the codec before it; a declared codec keeps its numbers.
        assertEquals(codecs.get(1).ratioPerCut(), codecs.get(2).ratioPerCut());
        assertEquals(8.0, codecs.get(4).ratioPerCut().get(0));
        assertEquals(0.005, codecs.get(4).lossPerCut().get(0), 1e-15);
    }

    @Test
    void aTopKFractionIsReadFromTheNumberNotItsSpelling() {
        // 7 % is 0.07000000000000001 as a double, which analysis spells `topk(7.000000000000001%)`.
        Lowering.Lowered lowered = assertInstanceOf(Lowering.Lowered.class, lower("topk(7 %)"));
        CodecOption topk = lowered.problem().codecs().get(1);
        assertEquals(new CodecKind.BuiltIn(CodecSpec.topK(70_000)), topk.kind());
        assertEquals("topk(7%)", topk.name());
    }

    @Test
    void aTopKFinerThanTheRuntimeCanRunIsRefused() {
        Lowering.Unsupported u = assertInstanceOf(Lowering.Unsupported.class, lower("topk(0.00001 %)"));
        assertEquals(1, u.reasons().size());
        assertTrue(
                u.reasons().get(0).contains("one part per million"), u.reasons().get(0));
    }

    @Test
    void problemsBuiltInCodeNameTheirCodecs() {
        assertEquals(new CodecKind.BuiltIn(CodecSpec.INT4.withZstd()), CodecKind.named("int4+zstd"));
        assertEquals(new CodecKind.Declared("mask"), CodecKind.named("mask"));
        // Only the canonical spelling is the built-in codec: a problem's names are what it prints.
        assertEquals(new CodecKind.Declared("topk(0.25)"), CodecKind.named("topk(0.25)"));
    }
}
