package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.orbit.Orbit;
import io.satc.compiler.sema.AnalyzedMission.ElementSet;
import io.satc.compiler.source.SourceFile;
import io.satc.compiler.source.Span;
import io.satc.compiler.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis reads TLE files itself (sema sees no geometry), and lowering hands the lines to
 * Orekit's SGP4: every element set the analysis accepts must be one Orekit accepts, with the same
 * catalog number. Checked on the examples' Iridium NEXT sets and on thousands of one-character
 * mutations of them (half with the checksum made right again, so that the columns are what is
 * tested).
 */
class TleOrekitAgreementTest {

    private static final String CHARS = "0123456789 ABCIOUZ.+-x";

    @TempDir
    Path dir;

    private Optional<List<ElementSet>> read(String text) throws IOException {
        Path file = dir.resolve("m.tle");
        Files.writeString(file, text);
        return TleReader.read(file, "m.tle", Span.of(0, 1), 50_000, new Diagnostics(SourceFile.ofString("t.sat", "x")));
    }

    @Test
    void whatTheAnalysisAcceptsOrekitAccepts() throws IOException {
        List<String> lines = Files.readAllLines(RepoPaths.examples().resolve("orbits/data/iridium-next.tle"));
        Random random = new Random(20261204);
        int accepted = 0;
        int rejected = 0;
        for (int trial = 0; trial < 4000; trial++) {
            int set = random.nextInt(lines.size() / 3);
            String[] two = {lines.get(3 * set + 1), lines.get(3 * set + 2)};
            int which = random.nextInt(2);
            StringBuilder b = new StringBuilder(two[which]);
            b.setCharAt(random.nextInt(68), CHARS.charAt(random.nextInt(CHARS.length())));
            if (random.nextBoolean()) {
                b.setCharAt(68, (char) ('0' + TleReader.checksum(b.toString())));
            }
            two[which] = b.toString();
            Optional<List<ElementSet>> read = read(two[0] + "\n" + two[1] + "\n");
            if (read.isEmpty()) {
                rejected++;
                continue;
            }
            accepted++;
            assertEquals(
                    Optional.empty(),
                    Orbit.Tle.problem(two[0], two[1]),
                    () -> "accepted by the analysis, not by Orekit:\n" + two[0] + "\n" + two[1]);
            assertEquals(
                    new Orbit.Tle(two[0], two[1]).catalogNumber(),
                    read.get().get(0).catalogNumber());
        }
        // Both sides of the boundary were exercised: a digit changed and re-summed is still a valid set.
        assertTrue(accepted > 500 && rejected > 500, accepted + " accepted, " + rejected + " rejected");
    }
}
