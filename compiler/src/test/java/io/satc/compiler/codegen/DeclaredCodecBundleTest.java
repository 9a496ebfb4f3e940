package io.satc.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.cli.CheckCommand;
import io.satc.compiler.lower.CodecKind;
import io.satc.compiler.sema.AnalysisResult;
import io.satc.compiler.testing.RepoPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A declared codec has no runtime implementation: a real model planned with one is not
 * calibrated or measured, and its bundle is refused with a sentence instead of a manifest the
 * runtime could not run.
 */
class DeclaredCodecBundleTest {

    @Test
    void aRealModelBundleRefusesADeclaredCodec(@TempDir Path tmp) throws Exception {
        Path model = RepoPaths.root().resolve("models/kjv-char-gpt/model.onnx");
        String text = """
                mission "declared" {
                  model kjv {
                    onnx = "MODEL"
                    blocks = "/blocks\\\\.(\\\\d+)/"
                  }
                  workload { batch = 4; micro_batches = 2; sequence = 64 }
                  accuracy { max_loss = 1 % }
                  codecs = [mask8]
                  codec mask8 { ratio = 50x; loss = 0.1 % }
                  satellite a { compute = 0.5 TFLOPS; memory = 2 MB }
                  satellite b { compute = 0.5 TFLOPS; memory = 2 MB }
                  satellite c { compute = 0.5 TFLOPS; memory = 2 MB }
                  ground g {}
                  link a <-> b { rate = 5 Mbps; distance = 700 km }
                  link b <-> c { rate = 5 Mbps; distance = 700 km }
                  link c -> g { rate = 100 Mbps; latency = 3 ms }
                  source = a
                  sink = g
                }
                """.replace("MODEL", model.toString());
        Path mission = Files.writeString(tmp.resolve("declared.sat"), text, StandardCharsets.UTF_8);
        AnalysisResult analysis = CheckCommand.check(mission, "declared.sat").analysis();
        assertTrue(analysis.mission().isPresent(), () -> analysis.diagnostics().toString());
        MissionPlanning.Planned planned = assertInstanceOf(
                MissionPlanning.Planned.class,
                MissionPlanning.plan(analysis.mission().get()));
        PlanOutcome outcome = planned.outcome();
        assertTrue(outcome.feasible(), () -> PlanText.render(outcome, true));
        List<String> cuts = outcome.evaluation().orElseThrow().plan().cutCodecs();
        assertTrue(cuts.contains("mask8"), () -> "the plan uses the declared codec: " + cuts);
        assertEquals(
                new CodecKind.Declared("mask8"),
                outcome.problem().codec("mask8").orElseThrow().kind());
        assertTrue(outcome.measuredLoss().isEmpty(), "a declared codec is not measured");
        assertTrue(
                outcome.notes().stream().anyMatch(n -> n.contains("Every codec is declared")),
                outcome.notes()::toString);

        Path out = tmp.resolve("bundle");
        BundleCompiler.Failed failed = assertInstanceOf(
                BundleCompiler.Failed.class,
                BundleCompiler.compile(
                        analysis.parse().source(),
                        analysis.mission().get(),
                        planned,
                        out,
                        "test",
                        io.satc.compiler.testing.TestSigning.signing()));
        assertEquals(1, failed.reasons().size());
        assertTrue(
                failed.reasons().get(0).contains("the declared codec `mask8`, which the runtime cannot execute"),
                failed.reasons().get(0));
        assertFalse(Files.exists(out), "nothing is written");
    }
}
