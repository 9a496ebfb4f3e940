package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.sema.AnalyzedMission.ProfileRow;
import io.satc.compiler.source.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a model profile CSV ({@code unit,weights_bytes,flops,out_bytes}, one row per unit, in
 * order). Problems are reported against the mission's {@code profile = "..."} string, naming the
 * CSV line, because the CSV itself is not a source the renderer shows.
 */
final class ProfileReader {

    static final String HEADER = "unit,weights_bytes,flops,out_bytes";
    private static final int MAX_ROW_ERRORS = 10;

    private ProfileReader() {}

    static Optional<List<ProfileRow>> read(Path file, String shownPath, Span at, Diagnostics diags) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            diags.report(
                    DiagnosticCode.PROFILE_BAD_ROW,
                    at,
                    "Cannot read profile `" + shownPath + "`: " + e.getMessage() + ".",
                    "The profile must be a UTF-8 CSV file.");
            return Optional.empty();
        }
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            diags.report(
                    DiagnosticCode.PROFILE_EMPTY,
                    at,
                    "Profile `" + shownPath + "` is empty.",
                    "Start it with the header `" + HEADER + "` and add one row per unit.");
            return Optional.empty();
        }
        String header = lines.get(first).replace("\uFEFF", "").replace(" ", "").trim();
        if (!header.equals(HEADER)) {
            diags.report(
                    DiagnosticCode.PROFILE_BAD_HEADER,
                    at,
                    "Profile `" + shownPath + "` line " + (first + 1) + " must be the header `" + HEADER + "`, found `"
                            + clip(lines.get(first)) + "`.",
                    "Columns, in order: unit name, weight bytes, FLOP per sample, output bytes per sample.");
            return Optional.empty();
        }
        List<ProfileRow> rows = new ArrayList<>();
        int errors = 0;
        for (int i = first + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Optional<String> problem = Optional.empty();
            String[] cells = line.split(",", -1);
            ProfileRow row = null;
            if (cells.length != 4) {
                problem = Optional.of("has " + cells.length + " columns, expected 4");
            } else if (cells[0].isBlank()) {
                problem = Optional.of("has an empty unit name");
            } else {
                double[] v = new double[3];
                for (int c = 0; c < 3 && problem.isEmpty(); c++) {
                    String cell = cells[c + 1].trim();
                    try {
                        v[c] = Double.parseDouble(cell);
                        if (!Double.isFinite(v[c]) || v[c] < 0) {
                            problem = Optional.of("column `" + HEADER.split(",")[c + 1]
                                    + "` must be a non-negative number, found `" + clip(cell) + "`");
                        }
                    } catch (NumberFormatException e) {
                        problem = Optional.of(
                                "column `" + HEADER.split(",")[c + 1] + "` is not a number: `" + clip(cell) + "`");
                    }
                }
                if (problem.isEmpty() && v[2] <= 0) {
                    problem = Optional.of("column `out_bytes` must be positive");
                }
                if (problem.isEmpty()) {
                    row = new ProfileRow(cells[0].trim(), v[0], v[1], v[2]);
                }
            }
            if (problem.isPresent()) {
                if (errors < MAX_ROW_ERRORS) {
                    diags.report(
                            DiagnosticCode.PROFILE_BAD_ROW,
                            at,
                            "Profile `" + shownPath + "` line " + (i + 1) + " " + problem.get() + ".",
                            "Each row is `name,weights_bytes,flops,out_bytes` with plain numbers.");
                }
                errors++;
            } else {
                rows.add(row);
            }
        }
        if (errors > 0) {
            return Optional.empty();
        }
        if (rows.isEmpty()) {
            diags.report(
                    DiagnosticCode.PROFILE_EMPTY,
                    at,
                    "Profile `" + shownPath + "` has a header but no units.",
                    "Add one row per unit, in model order.");
            return Optional.empty();
        }
        return Optional.of(rows);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
