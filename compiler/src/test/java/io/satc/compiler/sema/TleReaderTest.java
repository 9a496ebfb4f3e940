package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.sema.AnalyzedMission.ElementSet;
import io.satc.compiler.source.SourceFile;
import io.satc.compiler.source.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLE files: two- and three-line sets, columns, checksums, catalog numbers and epochs; and every set gpredict installs. */
class TleReaderTest {

    /** The ISS element set of Wikipedia's "Two-line element set" article (checksums 7 and 7). */
    private static final String ISS_1 = "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927";

    private static final String ISS_2 = "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537";

    @TempDir
    Path dir;

    private Diagnostics diags;

    private Optional<List<ElementSet>> read(String text) throws IOException {
        Path file = dir.resolve("sets.tle");
        Files.writeString(file, text);
        diags = new Diagnostics(SourceFile.ofString("t.sat", "tle(\"sets.tle\")"));
        return TleReader.read(file, "sets.tle", Span.of(4, 14), 50_000, diags);
    }

    private List<String> reported() {
        return diags.sorted().stream().map(Checking::format).toList();
    }

    /** The line with its last column replaced by the checksum of the others. */
    private static String checked(String line) {
        return line.substring(0, 68) + TleReader.checksum(line);
    }

    @Test
    void theChecksumCountsDigitsAndMinusSigns() {
        assertEquals(7, TleReader.checksum(ISS_1));
        assertEquals(7, TleReader.checksum(ISS_2));
    }

    @Test
    void theEpochIsAYearAndAFractionalDay() {
        assertEquals(Instant.parse("2008-09-20T12:25:40.104192Z"), TleReader.epoch(ISS_1));
        assertEquals(
                Instant.parse("1998-01-01T00:00:00Z"),
                TleReader.epoch("1 25544U 98067A   98001.00000000 -.00002182  00000-0 -11606-4 0  2927"));
    }

    @Test
    void catalogNumbersMayBeAlpha5() {
        assertEquals(25544, TleReader.catalog("25544"));
        assertEquals(5, TleReader.catalog("    5"));
        assertEquals(100_001, TleReader.catalog("A0001"));
        assertEquals(180_000, TleReader.catalog("J0000"));
        assertEquals(339_999, TleReader.catalog("Z9999"));
    }

    @Test
    void twoAndThreeLineSetsMixed() throws IOException {
        List<ElementSet> sets = read(ISS_1 + "\r\n" + ISS_2 + "\r\n\n0 ISS (ZARYA)\n"
                        + checked(ISS_1.replace("25544", "25545")) + "\n"
                        + checked(ISS_2.replace("25544", "25545")) + "\n")
                .orElseThrow(() -> new AssertionError(reported()));
        assertEquals(List.of(), reported());
        assertEquals(2, sets.size());
        assertEquals(new ElementSet("", 25544, ISS_1, ISS_2, TleReader.epoch(ISS_1), 1), sets.get(0));
        assertEquals("ISS (ZARYA)", sets.get(1).title());
        assertEquals(25545, sets.get(1).catalogNumber());
        assertEquals(5, sets.get(1).line());
    }

    @Test
    void badLinesNameTheFileLine() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("ISS");
        lines.add(ISS_1.substring(0, 68) + "8"); // checksum
        lines.add(ISS_2);
        lines.add(ISS_1.replace("98067A   08264", "98067A  008264")); // no space in column 18
        lines.add(ISS_2);
        lines.add(ISS_1.substring(0, 8) + "   " + ISS_1.substring(8)); // too long
        lines.add(ISS_2);
        lines.add(ISS_1);
        assertEquals(Optional.empty(), read(String.join("\n", lines)));
        assertEquals(
                List.of(
                        "SATC4006 1:5 TLE file `sets.tle` line 4 column 18 (separator) must be a space, found `0`."
                                + " | Element lines have the fixed columns of the NORAD two-line element format.",
                        "SATC4006 1:5 TLE file `sets.tle` line 6 has 72 characters, but an element line has 69."
                                + " | Element lines have fixed columns; the line may be cut short or joined with another.",
                        "SATC4006 1:5 TLE file `sets.tle` line 9 should be the second line (starting `2 `) of the"
                                + " element set on line 8. | The two element lines of a set follow each other directly.",
                        "SATC4007 1:5 TLE file `sets.tle` line 2 fails its checksum: it ends in 8, but its first 68"
                                + " columns sum to 7 (mod 10). | Each digit counts its value and each `-` counts 1; the line"
                                + " was altered or mistyped. Take the element set again from its source."),
                reported());
    }

    @Test
    void valuesOutOfRange() throws IOException {
        String inclined = checked(ISS_2.substring(0, 8) + "181.0000" + ISS_2.substring(16));
        String dayZero = checked(ISS_1.substring(0, 20) + "000.51782528" + ISS_1.substring(32));
        assertEquals(Optional.empty(), read(ISS_1 + "\n" + inclined + "\n" + dayZero + "\n" + ISS_2 + "\n"));
        assertEquals(
                List.of(
                        "SATC4006 1:5 TLE file `sets.tle` line 2 columns 9-16 (inclination) must lie between 0 and 180"
                                + " degrees, found `181.0000`. | Element lines have the fixed columns of the NORAD"
                                + " two-line element format.",
                        "SATC4006 1:5 TLE file `sets.tle` line 3 columns 21-32 (epoch day) must be a day of the year from"
                                + " 1 to 366, found `000.51782528`. | Element lines have the fixed columns of the NORAD"
                                + " two-line element format."),
                reported());
    }

    @Test
    void emptyAndRepeated() throws IOException {
        assertEquals(Optional.empty(), read("\n  \n"));
        assertEquals(
                List.of("SATC4008 1:5 TLE file `sets.tle` holds no element sets. | Add two-line element sets (lines `1"
                        + " ...` and `2 ...`), each optionally after a title line."),
                reported());
        assertEquals(Optional.empty(), read(ISS_1 + "\n" + ISS_2 + "\n" + ISS_1 + "\n" + ISS_2 + "\n"));
        assertEquals(
                List.of("SATC4009 1:5 TLE file `sets.tle` line 3 repeats satellite 25544, already given on line 1."
                        + " | Keep one element set per satellite (the newest epoch); each becomes one satellite."),
                reported());
    }

    /** Every element set Debian's gpredict installs (ini-style `satellites.dat`) reads without a diagnostic. */
    @Test
    void everySetGpredictInstallsReads() throws IOException {
        Path dat = Path.of("/usr/share/gpredict/data/satdata/satellites.dat");
        assumeTrue(Files.isRegularFile(dat), "gpredict is not installed");
        StringBuilder tle = new StringBuilder();
        int sets = 0;
        for (String line : Files.readAllLines(dat)) {
            if (line.startsWith("NAME=")) {
                tle.append(line.substring(5)).append('\n');
            } else if (line.startsWith("TLE1=") || line.startsWith("TLE2=")) {
                tle.append(line.substring(5)).append('\n');
                sets += line.startsWith("TLE2=") ? 1 : 0;
            }
        }
        List<ElementSet> read = read(tle.toString()).orElseThrow(() -> new AssertionError(reported()));
        assertEquals(List.of(), reported());
        assertEquals(sets, read.size());
        assertEquals(true, sets > 900, "gpredict ships about 1,000 element sets, found " + sets);
    }
}
