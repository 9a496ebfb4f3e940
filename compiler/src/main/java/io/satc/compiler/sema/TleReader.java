package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.sema.AnalyzedMission.ElementSet;
import io.satc.compiler.source.Span;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a file of NORAD two-line element sets, with or without a title line before each set
 * (two- and three-line sets, also mixed). Every line is checked column by column against the
 * TLE format and its mod-10 checksum, so that a set that reaches SGP4 is one it can read.
 * Problems are reported at the mission's {@code tle("...")} string, naming the file's line,
 * because the file itself is not a source the renderer shows.
 */
final class TleReader {

    private static final int MAX_ERRORS = 10;
    private static final String FORMAT = "Element lines have the fixed columns of the NORAD two-line element format.";
    private static final int LINE_LENGTH = 69;

    /** One fixed-column field: 1-based inclusive columns, its name in messages, and its form. */
    private record Field(int from, int to, String name, Pattern form, String expected) {

        String cut(String line) {
            return line.substring(from - 1, to);
        }

        String columns() {
            return from == to ? "column " + from : "columns " + from + "-" + to;
        }
    }

    // Each field's form is Orekit's (TLE.LINE_1_PATTERN and LINE_2_PATTERN, which SGP4 later
    // reads the lines with) or narrower, so a set this reader accepts is one Orekit accepts.
    private static final Pattern BLANK = Pattern.compile(" ");
    private static final Pattern CATALOG = Pattern.compile(" *[0-9]+|[A-HJ-NP-Z][0-9]{4}");
    private static final Pattern EXPONENT = Pattern.compile("[ +-][ 0-9]{5}[+-][ 0-9]");
    private static final Pattern ANGLE = Pattern.compile("[ 0-9]{2}[0-9]\\.[0-9]{4}");

    private static final List<Field> LINE_1 = List.of(
            new Field(2, 2, "separator", BLANK, "a space"),
            new Field(3, 7, "catalog number", CATALOG, "a catalog number"),
            new Field(8, 8, "classification", Pattern.compile("[A-Z]"), "a letter such as `U`"),
            new Field(9, 9, "separator", BLANK, "a space"),
            new Field(
                    10,
                    17,
                    "international designator",
                    Pattern.compile("[ 0-9]{5}[ A-Z]{3}"),
                    "a launch year, number and piece such as `98067A  `"),
            new Field(18, 18, "separator", BLANK, "a space"),
            new Field(19, 20, "epoch year", Pattern.compile("[0-9]{2}"), "two digits"),
            new Field(
                    21,
                    32,
                    "epoch day",
                    Pattern.compile("[ 0-9]{2}[0-9]\\.[0-9]{8}"),
                    "a day of the year such as `020.83880814`"),
            new Field(33, 33, "separator", BLANK, "a space"),
            new Field(
                    34,
                    43,
                    "mean motion derivative",
                    Pattern.compile("[ 0+-]\\.[0-9]{8}| [ +-]\\.[0-9]{7}"),
                    "a decimal number such as ` .00000097`"),
            new Field(44, 44, "separator", BLANK, "a space"),
            new Field(45, 52, "mean motion second derivative", EXPONENT, "an exponent form such as ` 00000-0`"),
            new Field(53, 53, "separator", BLANK, "a space"),
            new Field(54, 61, "drag term", EXPONENT, "an exponent form such as ` 27714-4`"),
            new Field(62, 62, "separator", BLANK, "a space"),
            new Field(63, 63, "ephemeris type", Pattern.compile("[ 0-9]"), "a digit"),
            new Field(64, 64, "separator", BLANK, "a space"),
            new Field(65, 68, "element set number", Pattern.compile("[ 0-9]{4}"), "a number"),
            new Field(69, 69, "checksum", Pattern.compile("[0-9]"), "a digit"));

    private static final List<Field> LINE_2 = List.of(
            new Field(2, 2, "separator", BLANK, "a space"),
            new Field(3, 7, "catalog number", CATALOG, "a catalog number"),
            new Field(8, 8, "separator", BLANK, "a space"),
            new Field(9, 16, "inclination", ANGLE, "degrees such as ` 86.4439`"),
            new Field(17, 17, "separator", BLANK, "a space"),
            new Field(18, 25, "right ascension of the ascending node", ANGLE, "degrees such as `111.0246`"),
            new Field(26, 26, "separator", BLANK, "a space"),
            new Field(27, 33, "eccentricity", Pattern.compile("[0-9]{7}"), "seven digits (a leading `0.` is implied)"),
            new Field(34, 34, "separator", BLANK, "a space"),
            new Field(35, 42, "argument of perigee", ANGLE, "degrees such as ` 87.2025`"),
            new Field(43, 43, "separator", BLANK, "a space"),
            new Field(44, 51, "mean anomaly", ANGLE, "degrees such as `272.9496`"),
            new Field(52, 52, "separator", BLANK, "a space"),
            new Field(
                    53,
                    63,
                    "mean motion",
                    Pattern.compile("[ 0-9][0-9]\\.[0-9]{8}"),
                    "revolutions per day such as `14.49090389`"),
            new Field(64, 68, "revolution number", Pattern.compile("[ 0-9]{5}"), "a number"),
            new Field(69, 69, "checksum", Pattern.compile("[0-9]"), "a digit"));

    private final Diagnostics diags;
    private final String shownPath;
    private final Span at;
    private final int maxSets;
    private int errors;

    private TleReader(Diagnostics diags, String shownPath, Span at, int maxSets) {
        this.diags = diags;
        this.shownPath = shownPath;
        this.at = at;
        this.maxSets = maxSets;
    }

    /** The element sets of {@code file}, in file order; empty when anything is wrong (all reported, up to 10). */
    static Optional<List<ElementSet>> read(Path file, String shownPath, Span at, int maxSets, Diagnostics diags) {
        return new TleReader(diags, shownPath, at, maxSets).read(file);
    }

    private Optional<List<ElementSet>> read(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | OutOfMemoryError e) {
            diags.report(
                    DiagnosticCode.TLE_BAD_LINE,
                    at,
                    "Cannot read TLE file `" + shownPath + "`: " + e.getMessage() + ".",
                    "Give a readable text file of two- or three-line element sets.");
            return Optional.empty();
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<ElementSet> sets = new ArrayList<>();
        Map<Long, Integer> firstLine = new HashMap<>();
        Optional<String> title = Optional.empty();
        int titleLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("2 ")) {
                problem(
                        DiagnosticCode.TLE_BAD_LINE,
                        i + 1,
                        "is a second element line without a first line (starting `1 `) before it",
                        "Each set is an optional title line, then line `1 ...`, then line `2 ...`.");
                title = Optional.empty();
                continue;
            }
            if (!line.startsWith("1 ")) {
                if (title.isPresent()) {
                    problem(
                            DiagnosticCode.TLE_BAD_LINE,
                            titleLine,
                            "holds `" + clip(title.get()) + "`, which is neither an element line nor followed by one",
                            "Each set is an optional title line, then line `1 ...`, then line `2 ...`.");
                }
                title = Optional.of(line.startsWith("0 ") ? line.substring(2).strip() : line.strip());
                titleLine = i + 1;
                continue;
            }
            String second = i + 1 < lines.length ? lines[i + 1].stripTrailing() : "";
            if (!second.startsWith("2 ")) {
                problem(
                        DiagnosticCode.TLE_BAD_LINE,
                        i + 2,
                        second.isBlank()
                                ? "should be the second line (starting `2 `) of the element set on line " + (i + 1)
                                : "should be the second line (starting `2 `) of the element set on line " + (i + 1)
                                        + ", found `" + clip(second) + "`",
                        "The two element lines of a set follow each other directly.");
                title = Optional.empty();
                continue;
            }
            Optional<ElementSet> set = set(title.orElse(""), line, i + 1, second);
            title = Optional.empty();
            i++;
            if (set.isEmpty()) {
                continue;
            }
            Integer first =
                    firstLine.putIfAbsent(set.get().catalogNumber(), set.get().line());
            if (first != null) {
                problem(
                        DiagnosticCode.TLE_DUPLICATE_SATELLITE,
                        set.get().line(),
                        "repeats satellite " + set.get().catalogNumber() + ", already given on line " + first,
                        "Keep one element set per satellite (the newest epoch); each becomes one satellite.");
                continue;
            }
            if (sets.size() == maxSets) {
                diags.report(
                        DiagnosticCode.CONSTELLATION_TOO_LARGE,
                        at,
                        "TLE file `" + shownPath + "` holds more than " + maxSets + " element sets.",
                        "satc plans constellations of at most " + maxSets + " satellites; split the file.");
                return Optional.empty();
            }
            sets.add(set.get());
        }
        if (title.isPresent()) {
            problem(
                    DiagnosticCode.TLE_BAD_LINE,
                    titleLine,
                    "holds `" + clip(title.get()) + "`, which is neither an element line nor followed by one",
                    "Each set is an optional title line, then line `1 ...`, then line `2 ...`.");
        }
        if (errors > 0) {
            return Optional.empty();
        }
        if (sets.isEmpty()) {
            diags.report(
                    DiagnosticCode.TLE_EMPTY,
                    at,
                    "TLE file `" + shownPath + "` holds no element sets.",
                    "Add two-line element sets (lines `1 ...` and `2 ...`), each optionally after a title line.");
            return Optional.empty();
        }
        return Optional.of(sets);
    }

    /** One set from its two lines (file lines {@code n} and {@code n + 1}), each checked. */
    private Optional<ElementSet> set(String title, String line1, int n, String line2) {
        boolean ok = line(line1, n, LINE_1) & line(line2, n + 1, LINE_2);
        if (!ok) {
            return Optional.empty();
        }
        long catalog = catalog(line1.substring(2, 7));
        long catalog2 = catalog(line2.substring(2, 7));
        if (catalog != catalog2) {
            problem(
                    DiagnosticCode.TLE_BAD_LINE,
                    n + 1,
                    "is for satellite " + catalog2 + ", but line " + n + " is for satellite " + catalog,
                    "Both lines of a set carry the same catalog number in columns 3-7.");
            return Optional.empty();
        }
        if (!inRange(line1, n, line2)) {
            return Optional.empty();
        }
        return Optional.of(new ElementSet(title, catalog, line1, line2, epoch(line1), n));
    }

    /** The columns and checksum of one element line; false (reported) when either is wrong. */
    private boolean line(String line, int n, List<Field> fields) {
        if (line.length() != LINE_LENGTH) {
            problem(
                    DiagnosticCode.TLE_BAD_LINE,
                    n,
                    "has " + line.length() + " characters, but an element line has " + LINE_LENGTH,
                    "Element lines have fixed columns; the line may be cut short or joined with another.");
            return false;
        }
        for (Field f : fields) {
            String cell = f.cut(line);
            if (!f.form().matcher(cell).matches()) {
                problem(
                        DiagnosticCode.TLE_BAD_LINE,
                        n,
                        f.columns() + " (" + f.name() + ") must be " + f.expected() + ", found `" + cell + "`",
                        FORMAT);
                return false;
            }
        }
        int sum = checksum(line);
        int given = line.charAt(LINE_LENGTH - 1) - '0';
        if (sum != given) {
            problem(
                    DiagnosticCode.TLE_CHECKSUM,
                    n,
                    "fails its checksum: it ends in " + given + ", but its first 68 columns sum to " + sum
                            + " (mod 10)",
                    "Each digit counts its value and each `-` counts 1; the line was altered or mistyped."
                            + " Take the element set again from its source.");
            return false;
        }
        return true;
    }

    /** The epoch day, inclination and mean motion within their ranges (the patterns already made them numbers). */
    private boolean inRange(String line1, int n, String line2) {
        double day = Double.parseDouble(line1.substring(20, 32).strip());
        if (day < 1 || day >= 367) {
            problem(
                    DiagnosticCode.TLE_BAD_LINE,
                    n,
                    "columns 21-32 (epoch day) must be a day of the year from 1 to 366, found `"
                            + line1.substring(20, 32) + "`",
                    FORMAT);
            return false;
        }
        double inclination = Double.parseDouble(line2.substring(8, 16).strip());
        if (inclination > 180) {
            problem(
                    DiagnosticCode.TLE_BAD_LINE,
                    n + 1,
                    "columns 9-16 (inclination) must lie between 0 and 180 degrees, found `" + line2.substring(8, 16)
                            + "`",
                    FORMAT);
            return false;
        }
        double meanMotion = Double.parseDouble(line2.substring(52, 63).strip());
        if (!(meanMotion > 0)) {
            problem(
                    DiagnosticCode.TLE_BAD_LINE,
                    n + 1,
                    "columns 53-63 (mean motion) must be positive, found `" + line2.substring(52, 63) + "`",
                    FORMAT);
            return false;
        }
        return true;
    }

    /** The TLE checksum: the sum of the digits of the first 68 columns, each {@code -} counting 1, modulo 10. */
    static int checksum(String line) {
        int sum = 0;
        for (int i = 0; i < LINE_LENGTH - 1; i++) {
            char c = line.charAt(i);
            if (c >= '0' && c <= '9') {
                sum += c - '0';
            } else if (c == '-') {
                sum += 1;
            }
        }
        return sum % 10;
    }

    /** A 5-column catalog number, digits or Alpha-5 (a letter for 10..33, skipping I and O, then four digits). */
    static long catalog(String cell) {
        char c = cell.charAt(0);
        if (c >= 'A' && c <= 'Z') {
            int value = c - 'A' + 10 - (c > 'I' ? 1 : 0) - (c > 'O' ? 1 : 0);
            return value * 10_000L + Long.parseLong(cell.substring(1));
        }
        return Long.parseLong(cell.strip());
    }

    /** The epoch of columns 19-32: two-digit year (57..99 is 19xx) and fractional day of the year, to the microsecond. */
    static Instant epoch(String line1) {
        int yy = Integer.parseInt(line1.substring(18, 20));
        int year = yy < 57 ? 2000 + yy : 1900 + yy;
        BigDecimal day = new BigDecimal(line1.substring(20, 32).strip());
        long micros = day.subtract(BigDecimal.ONE)
                .multiply(BigDecimal.valueOf(86_400_000_000L))
                .setScale(0, RoundingMode.HALF_EVEN)
                .longValueExact();
        return LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().plusNanos(micros * 1000);
    }

    private void problem(DiagnosticCode code, int line, String what, String help) {
        if (errors < MAX_ERRORS) {
            diags.report(code, at, "TLE file `" + shownPath + "` line " + line + " " + what + ".", help);
        }
        errors++;
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
