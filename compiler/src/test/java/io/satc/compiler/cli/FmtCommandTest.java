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

    /** Mission language 2 formats like the rest: long orbit calls break one argument per line, short blocks stay on one. */
    @Test
    void orbitBlocksAreFormatted(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("o.sat");
        Files.writeString(
                f,
                "mission o {\n"
                        + "  model m { arch = vit(layers = 1, hidden = 8, mlp = 8, heads = 1, patch = 4, image = 8) }\n"
                        + "  constellation shell { orbits = walker(planes=72,per_plane=22,phasing=39,altitude=550km,"
                        + "inclination=53deg); isl = grid(rate=100Gbps,max_range=5000km) }\n"
                        + "  ground g { latitude = 47.6deg; longitude = -122.3deg; downlink = 0.5Gbps }\n"
                        + "  horizon{start=\"2026-12-04T00:00:00Z\";duration=90min}\n"
                        + "  source = shell-03-07; sink = g\n}\n");
        assertEquals(0, satc("fmt", f.toString()).exit());
        assertEquals(
                "mission o {\n"
                        + "  model m { arch = vit(layers = 1, hidden = 8, mlp = 8, heads = 1, patch = 4, image = 8) }\n"
                        + "  constellation shell {\n"
                        + "    orbits = walker(\n"
                        + "      planes = 72,\n"
                        + "      per_plane = 22,\n"
                        + "      phasing = 39,\n"
                        + "      altitude = 550 km,\n"
                        + "      inclination = 53 deg,\n"
                        + "    )\n"
                        + "    isl = grid(rate = 100 Gbps, max_range = 5000 km)\n"
                        + "  }\n"
                        + "  ground g { latitude = 47.6 deg; longitude = -122.3 deg; downlink = 0.5 Gbps }\n"
                        + "  horizon { start = \"2026-12-04T00:00:00Z\"; duration = 90 min }\n"
                        + "  source = shell-03-07\n"
                        + "  sink = g\n"
                        + "}\n",
                Files.readString(f));
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
