package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.satc.compiler.sema.AnalyzedMission.ArchSource;
import io.satc.compiler.sema.AnalyzedMission.ModelFacts;
import io.satc.compiler.sema.AnalyzedMission.Precision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one `model` block: its count, source, precision, block pattern and tokenizer. */
class ModelCheckerTest {

    private static final String VIT = "vit(layers = 2, hidden = 64, mlp = 128, heads = 2, patch = 16, image = 224)";

    private static Optional<ModelFacts> check(Checking c) {
        return new ModelChecker(c.ctx()).check(c.mission(), c.blocks("model"));
    }

    @Test
    void aModelBecomesFacts() {
        Checking c = Checking.of("mission m {\n  model t { arch = " + VIT
                + "; precision = bf16; blocks = \"/layer\\\\.(\\\\d+)/\" }\n}\n");
        ModelFacts model = check(c).orElseThrow();
        assertEquals("t", model.name());
        assertInstanceOf(ArchSource.class, model.source());
        assertEquals(Precision.BF16, model.precision());
        assertEquals(Optional.of("/layer\\.(\\d+)/"), model.blockPattern());
        assertEquals(Optional.empty(), model.tokenizer());
        assertEquals(List.of(), c.reported());
    }

    @Test
    void withoutPrecisionAModelIsFp32() {
        Checking c = Checking.of("mission m {\n  model t { arch = " + VIT + " }\n}\n");
        assertEquals(Precision.FP32, check(c).orElseThrow().precision());
    }

    @Test
    void aMissionNeedsExactlyOneModel() {
        Checking none = Checking.of("mission m {}\n");
        assertEquals(Optional.empty(), check(none));
        assertEquals(
                List.of("SATC2009 1:9 Mission `m` declares no `model`. | Add a block such as `model vit-b { arch ="
                        + " vit(layers = 12, hidden = 768, mlp = 3072, heads = 12, patch = 16, image = 224) }`."),
                none.reported());

        Checking two =
                Checking.of("mission m {\n  model a { arch = " + VIT + " }\n  model b { arch = " + VIT + " }\n}\n");
        assertEquals("a", check(two).orElseThrow().name(), "the first model is still analysed");
        assertEquals(
                List.of("SATC2009 3:3 A mission has exactly one `model`; this is a second one."
                        + " | The first is on line 2; split the missions into two files."),
                two.reported());
    }

    @Test
    void aBlockPatternMustCompile() {
        Checking c = Checking.of("mission m {\n  model t { arch = " + VIT + "; blocks = \"((\" }\n}\n");
        assertEquals(Optional.empty(), check(c).orElseThrow().blockPattern());
        assertEquals(1, c.reported().size());
        assertEquals(
                "SATC3009 2:106 `blocks` is not a valid regular expression: Unclosed group. | It must match a block"
                        + " scope in node names, e.g. `\"/encoder/layer\\\\.(\\\\d+)/\"`.",
                c.reported().get(0));
    }

    @Test
    void theTokenizerIsCheckedOnlyWhenTheSourceIsUnambiguous(@TempDir Path dir) {
        Checking ambiguous = Checking.at(
                dir.resolve("m.sat"),
                "mission m {\n  model t { arch = " + VIT + "; onnx = \"a.onnx\"; tokenizer = \"t.json\" }\n}\n");
        assertEquals(Optional.empty(), check(ambiguous));
        assertEquals(
                List.of("SATC2017"),
                ambiguous.reported().stream().map(s -> s.substring(0, 8)).toList());

        Checking missing = Checking.at(
                dir.resolve("m.sat"), "mission m {\n  model t { onnx = \"a.onnx\"; tokenizer = \"t.json\" }\n}\n");
        assertEquals(Optional.empty(), check(missing));
        assertEquals(
                List.of(
                        "SATC4001 2:20 ONNX model `a.onnx` not found. | Paths are relative to the folder of the mission file.",
                        "SATC4001 2:42 Tokenizer `t.json` not found. | Paths are relative to the folder of the mission file."),
                missing.reported());
    }

    @Test
    void aProfileModelNeedsTheWorkloadsInputSize(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("p.csv"), "unit,weights_bytes,flops,out_bytes\nembed,4000,1000,128\n");
        Checking c = Checking.at(dir.resolve("m.sat"), "mission m {\n  model tiny { profile = \"p.csv\" }\n}\n");
        ModelChecker models = new ModelChecker(c.ctx());
        Optional<ModelFacts> model = models.check(c.mission(), c.blocks("model"));
        models.requireInput(c.blocks("model"), model, WorkloadChecker.DEFAULT);
        assertEquals(
                List.of("SATC4004 2:9 Model `tiny` comes from a profile, so `workload` must give `input`."
                        + " | Add `input = 150 kB` (raw bytes per sample) to the `workload` block."),
                c.reported());

        Checking given = Checking.at(dir.resolve("m.sat"), "mission m {\n  model tiny { profile = \"p.csv\" }\n}\n");
        ModelChecker checker = new ModelChecker(given.ctx());
        checker.requireInput(
                given.blocks("model"),
                checker.check(given.mission(), given.blocks("model")),
                new AnalyzedMission.WorkloadFacts(1, 1, OptionalDouble.of(48_000), java.util.OptionalLong.empty()));
        assertEquals(List.of(), given.reported());
    }
}
