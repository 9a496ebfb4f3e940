package io.satc.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.satc.compiler.testing.RepoPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code check} command end to end, in-process: exit codes, text and JSON output. */
class CheckCommandTest {

    record Run(int exit, String out, String err) {}

    static Run satc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void validExampleExitsZeroWithNoOutput() {
        Run r = satc("check", RepoPaths.examples().resolve("vit-g-paper.sat").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void errorsExitOneAndRenderWithCodeAndCarets(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.sat");
        Files.writeString(
                f,
                "mission x {\n  model m { arch = vit(layers = 1, hidden = 8, mlp = 8, heads = 1, patch = 4, image = 8) }\n"
                        + "  satellite a { compute = 1 TFLOPS; memory = 2 Gbps }\n  ground g { compute = 1 TFLOPS }\n"
                        + "  link a -> g { rate = 1 Gbps }\n  source = a\n  sink = g\n}\n");
        Run r = satc("check", "--color=never", f.toString());
        assertEquals(1, r.exit());
        assertTrue(
                r.out().startsWith(f + ":3:46: error[SATC3003]: `memory` expects data, found a rate (`Gbps`).\n"),
                r.out());
        assertTrue(r.out().contains("  |                                              ^^^^^^\n"), r.out());
        assertTrue(r.err().contains("1 error, 0 warnings in 1 file."), r.err());
    }

    @Test
    void jsonHasTheSameRecords(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.sat");
        Files.writeString(f, "mission x {\n  codecs = [int9]\n}\n");
        Run r = satc("check", "--diagnostics=json", f.toString());
        assertEquals(1, r.exit());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(1, root.get("files").asInt());
        JsonNode first = root.get("diagnostics").get(0);
        assertTrue(first.get("code").asText().matches("SATC\\d{4}"));
        assertTrue(first.has("line") && first.has("column") && first.has("message") && first.has("severity"));
        boolean unknownCodec = false;
        for (JsonNode d : root.get("diagnostics")) {
            unknownCodec |= d.get("code").asText().equals("SATC2003")
                    && d.get("line").asInt() == 2
                    && d.get("column").asInt() == 13;
        }
        assertTrue(unknownCodec, r.out());
    }

    @Test
    void unreadableFileIsSatc0001() {
        Run r = satc("check", "--color=never", "no/such/file.sat");
        assertEquals(1, r.exit());
        assertTrue(
                r.out()
                        .startsWith(
                                "no/such/file.sat:1:1: error[SATC0001]: Cannot read `no/such/file.sat`: no such file."),
                r.out());
    }

    @Test
    void manyFilesInOneRun() {
        Run r = satc(
                "check",
                RepoPaths.examples().resolve("vit-g-paper.sat").toString(),
                RepoPaths.examples().resolve("llama2-7b.sat").toString());
        assertEquals(0, r.exit());
        assertTrue(r.err().contains("in 2 files."), r.err());
    }

    @Test
    void badCommandLineExitsTwo() {
        assertEquals(2, satc("check").exit());
        assertEquals(2, satc("check", "--diagnostics=xml", "a.sat").exit());
        assertEquals(2, satc("frobnicate").exit());
    }

    @Test
    void versionAndHelp() {
        Run v = satc("--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().startsWith("satc "), v.out());
        Run h = satc("check", "--help");
        assertEquals(0, h.exit());
        assertTrue(h.out().contains("--diagnostics"), h.out());
    }
}
