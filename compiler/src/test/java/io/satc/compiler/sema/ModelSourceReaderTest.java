package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.satc.compiler.sema.AnalyzedMission.ArchSource;
import io.satc.compiler.sema.AnalyzedMission.ProfileRow;
import io.satc.compiler.sema.AnalyzedMission.ProfileSource;
import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.BlockDecl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model's one source: an architecture call, an ONNX file or a profile CSV. */
class ModelSourceReaderTest {

    private static Optional<Assignment> choose(Checking c) {
        BlockDecl m = c.block("model");
        Attributes attrs = c.ctx().blocks().attributes(m.body(), "model", ModelChecker.KEYS);
        return new ModelSourceReader(c.ctx()).choose(m, m.name().orElseThrow().text(), attrs);
    }

    @Test
    void anArchitectureIsReadIntoItsParameters() {
        Checking c = Checking.of("""
                mission m {
                  model t { arch = vit(layers = 2, hidden = 64, mlp = 128, heads = 2, patch = 16, image = 224) }
                }
                """);
        ArchSource arch = assertInstanceOf(
                ArchSource.class,
                new ModelSourceReader(c.ctx()).read(choose(c).orElseThrow()).orElseThrow());
        assertEquals("vit", arch.architecture());
        assertEquals(2L, arch.parameters().get("layers"));
        assertEquals(224L, arch.parameters().get("height"), "a square image is its height and width");
        assertEquals(224L, arch.parameters().get("width"));
        assertEquals(3L, arch.parameters().get("channels"), "defaults are filled in");
        assertEquals(List.of(), c.reported());
    }

    @Test
    void noSourceIsReportedAtTheModelName() {
        Checking c = Checking.of("""
                mission m {
                  model t { precision = fp16 }
                }
                """);
        assertEquals(Optional.empty(), choose(c));
        assertEquals(
                List.of("SATC2017 2:9 Model `t` needs one of `arch`, `onnx` or `profile`. | E.g. `arch = vit(...)`,"
                        + " `onnx = \"models/encoder.onnx\"` or `profile = \"profiles/model.csv\"`."),
                c.reported());
    }

    @Test
    void everySourceAfterTheFirstInTheTextIsAConflict() {
        Checking c = Checking.of("""
                mission m {
                  model t {
                    profile = "p.csv"
                    arch = vit(layers = 2, hidden = 64, mlp = 128, heads = 2, patch = 16, image = 224)
                    onnx = "m.onnx"
                  }
                }
                """);
        assertEquals(Optional.empty(), choose(c));
        assertEquals(
                List.of(
                        "SATC2017 4:5 Model `t` has both `profile` and `arch`. | Give exactly one of `arch`, `onnx` or `profile`.",
                        "SATC2017 5:5 Model `t` has both `profile` and `onnx`. | Give exactly one of `arch`, `onnx` or `profile`."),
                c.reported());
    }

    @Test
    void aProfileIsReadBesideTheMissionFile(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(
                dir.resolve("profiles/p.csv"),
                "unit,weights_bytes,flops,out_bytes\nembed,4000,1000,128\nblock-0,8000,2100,64\n");
        Checking c = Checking.at(dir.resolve("m.sat"), """
                mission m {
                  model t { profile = "profiles/p.csv" }
                }
                """);
        ProfileSource profile = assertInstanceOf(
                ProfileSource.class,
                new ModelSourceReader(c.ctx()).read(choose(c).orElseThrow()).orElseThrow());
        assertEquals(dir.resolve("profiles/p.csv").toAbsolutePath(), profile.file());
        assertEquals(
                List.of(new ProfileRow("embed", 4000, 1000, 128), new ProfileRow("block-0", 8000, 2100, 64)),
                profile.rows());
        assertEquals(List.of(), c.reported());
    }

    @Test
    void aMissingOnnxFileIsNamedAsAModel(@TempDir Path dir) {
        Checking c = Checking.at(dir.resolve("m.sat"), """
                mission m {
                  model t { onnx = "nope.onnx" }
                }
                """);
        assertEquals(
                Optional.empty(), new ModelSourceReader(c.ctx()).read(choose(c).orElseThrow()));
        assertEquals(
                List.of("SATC4001 2:20 ONNX model `nope.onnx` not found."
                        + " | Paths are relative to the folder of the mission file."),
                c.reported());
    }
}
