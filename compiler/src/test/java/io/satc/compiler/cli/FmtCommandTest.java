package io.satc.compiler.cli;

import static io.satc.compiler.cli.CheckCommandTest.satc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code satc fmt}: rewrites in place, {@code --check} reports without writing, broken files stay untouched. */
class FmtCommandTest {

    private static final String MESSY = "mission x {\n  satellite a { compute = 1TFLOPS;memory = 8GB }   # keep me\n"
            + "  ground g { compute = 1 TFLOPS }\n  link a -> g { rate = 1Gbps }\n  source = a; sink = g\n"
            + "  model m { arch = vit(layers = 1, hidden = 8, mlp = 8, heads = 1, patch = 4, image = 8) }\n}\n";

    @Test
    void checkReportsAndFormatRewritesIdempotently(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("m.sat");
        Files.writeString(f, MESSY);
        CheckCommandTest.Run check = satc("fmt", "--check", f.toString());
        assertEquals(1, check.exit());
        assertTrue(check.out().contains("not formatted"), check.out());
        assertEquals(MESSY, Files.readString(f), "--check must not write");

        assertEquals(0, satc("fmt", f.toString()).exit());
        String formatted = Files.readString(f);
        assertTrue(formatted.contains("compute = 1 TFLOPS; memory = 8 GB }  # keep me"), formatted);
        assertTrue(formatted.contains("\n  source = a\n  sink = g\n"), formatted);
        assertEquals(0, satc("fmt", "--check", f.toString()).exit());
        assertEquals(0, satc("check", f.toString()).exit());
    }

    @Test
    void syntaxErrorsAreReportedAndTheFileIsLeftAlone(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.sat");
        String text = "mission x {\n  a = = 1\n}\n";
        Files.writeString(f, text);
        CheckCommandTest.Run r = satc("fmt", "--color=never", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("error[SATC1001]"), r.out());
        assertEquals(text, Files.readString(f));
    }
}
