package io.satc.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.satc.compiler.diag.Diagnostic;
import io.satc.compiler.testing.RepoPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor settings {@code satc init-editor} writes read what {@code satc check} prints: on
 * every error example, the problem matcher of the generated {@code .vscode/tasks.json} is
 * applied line by line exactly as VS Code applies it (its {@code regexp} compiled by
 * {@code new RegExp} in Node, no flags) and must capture every diagnostic with its file, line,
 * column, severity and code, and nothing else; the Eclipse error-parser patterns the same with
 * {@code java.util.regex}. Without {@code node} on the PATH the VS Code half is skipped with
 * the reason, unless {@code -Dsatc.requireNode=true} (CI) makes that a failure.
 */
class ProblemMatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one matched line gave, in the groups the matcher names. */
    record Problem(String file, int line, int column, String severity, String code) {}

    record Checked(Path example, String shown, String output, List<Diagnostic> diagnostics) {}

    private static List<Checked> checkEveryErrorExample() {
        List<Checked> all = new ArrayList<>();
        for (Path p : RepoPaths.missions(RepoPaths.examples().resolve("errors"))) {
            String shown = RepoPaths.relative(p);
            StringWriter out = new StringWriter();
            int exit = Main.run(
                    new String[] {"check", "--color=never", "--max-diagnostics=0", p.toString()},
                    new PrintWriter(out, true),
                    new PrintWriter(new StringWriter(), true));
            List<Diagnostic> ds = CheckCommand.check(p.toString()).diagnostics();
            assertEquals(ds.stream().anyMatch(Diagnostic::isError) ? 1 : 0, exit, shown);
            all.add(new Checked(p, shown, out.toString(), ds));
        }
        assertTrue(all.size() >= 40, "error examples: " + all.size());
        return all;
    }

    private static List<Problem> expected(Checked c) {
        return c.diagnostics().stream()
                .map(d -> new Problem(
                        c.example().toString(),
                        d.line(),
                        d.column(),
                        d.severity().label(),
                        d.code().id()))
                .toList();
    }

    @Test
    void vsCodeProblemMatcherCapturesEveryDiagnosticInNode(@TempDir Path dir) throws Exception {
        Optional<Path> node = findOnPath("node");
        if (node.isEmpty()) {
            assertTrue(
                    !Boolean.getBoolean("satc.requireNode"),
                    "node is not on the PATH and satc.requireNode=true; install Debian's nodejs");
            Assumptions.assumeTrue(false, "node is not on the PATH: the VS Code problem matcher is not run");
        }
        assertEquals(0, Main.run(new String[] {"init-editor", dir.toString()}, sink(), sink()));
        Path tasks = dir.resolve(".vscode/tasks.json");
        JsonNode tasksJson = JSON.readTree(tasks.toFile());
        for (JsonNode task : tasksJson.get("tasks")) {
            assertEquals("satc", task.get("problemMatcher").get("owner").asText(), task.toString());
        }

        List<Checked> checked = checkEveryErrorExample();
        List<String> args = new ArrayList<>(List.of(
                node.get().toString(),
                RepoPaths.root()
                        .resolve("compiler/src/test/resources/io/satc/compiler/cli/problem-matcher.js")
                        .toString(),
                tasks.toString()));
        for (int i = 0; i < checked.size(); i++) {
            Path f = dir.resolve("out-" + i + ".txt");
            Files.writeString(f, checked.get(i).output(), StandardCharsets.UTF_8);
            args.add(f.toString());
        }
        Process p = new ProcessBuilder(args).redirectErrorStream(false).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), stderr);
        JsonNode result = JSON.readTree(stdout);
        assertEquals(checked.size(), result.size());
        int total = 0;
        for (int i = 0; i < checked.size(); i++) {
            Checked c = checked.get(i);
            List<Problem> got = new ArrayList<>();
            for (JsonNode m : result.get(i)) {
                got.add(new Problem(
                        m.get("file").asText(),
                        m.get("line").asInt(),
                        m.get("column").asInt(),
                        m.get("severity").asText(),
                        m.get("code").asText()));
                assertTrue(!m.get("message").asText().isEmpty(), c.shown());
            }
            assertEquals(expected(c), got, c.shown() + ": what VS Code's matcher captures");
            total += got.size();
        }
        assertTrue(total >= checked.size(), "problems captured: " + total);
    }

    @Test
    void eclipseErrorParserPatternsCaptureEveryDiagnostic(@TempDir Path dir) throws IOException {
        assertEquals(0, Main.run(new String[] {"init-editor", dir.toString()}, sink(), sink()));
        List<Pattern> patterns = new ArrayList<>();
        for (String row : Files.readAllLines(dir.resolve(".eclipse/satc-error-parser.txt"))) {
            if (!row.startsWith("#")) {
                patterns.add(Pattern.compile(row.split("\t")[1]));
            }
        }
        assertEquals(2, patterns.size());
        for (Checked c : checkEveryErrorExample()) {
            List<Problem> got = new ArrayList<>();
            for (String line : c.output().split("\n", -1)) {
                for (Pattern pattern : patterns) {
                    Matcher m = pattern.matcher(line);
                    if (m.matches()) {
                        got.add(new Problem(
                                m.group(1),
                                Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3)),
                                m.group(4),
                                m.group(5)));
                    }
                }
            }
            assertEquals(expected(c), got, c.shown() + ": what Eclipse's error parser captures");
        }
    }

    @Test
    void existingFilesAreKeptUnlessForced(@TempDir Path dir) throws IOException {
        Path settings = dir.resolve(".vscode/settings.json");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "{ \"mine\": true }\n");
        StringWriter out = new StringWriter();
        assertEquals(0, Main.run(new String[] {"init-editor", dir.toString()}, new PrintWriter(out, true), sink()));
        assertEquals("{ \"mine\": true }\n", Files.readString(settings));
        assertTrue(out.toString().contains("kept    " + settings), out.toString());
        assertTrue(Files.exists(dir.resolve(".vscode/tasks.json")));
        assertTrue(Files.exists(dir.resolve(".eclipse/satc-check.launch")));
        assertEquals(0, Main.run(new String[] {"init-editor", "--force", dir.toString()}, sink(), sink()));
        assertEquals(
                "ruby",
                JSON.readTree(settings.toFile())
                        .get("files.associations")
                        .get("*.sat")
                        .asText());
        assertTrue(
                Files.readString(dir.resolve(".eclipse/satc-check.launch"))
                        .contains("ATTR_LOCATION\" value=\"${system_path:satc}\""),
                "a bare command is found on the PATH by Eclipse");
    }

    @Test
    void theSatcCommandIsWrittenIntoTasksAndLaunchConfigurations(@TempDir Path dir) throws IOException {
        assertEquals(
                0,
                Main.run(
                        new String[] {"init-editor", "--satc", "/opt/satc & co/satc", dir.toString()}, sink(), sink()));
        JsonNode tasks = JSON.readTree(dir.resolve(".vscode/tasks.json").toFile());
        assertEquals(
                "/opt/satc & co/satc", tasks.get("tasks").get(0).get("command").asText());
        assertTrue(tasks.get("tasks").get(1).get("command").asText().contains("'/opt/satc & co/satc' check"));
        String launch = Files.readString(dir.resolve(".eclipse/satc-check.launch"));
        assertTrue(launch.contains("value=\"/opt/satc &amp; co/satc\""), launch);
        assertTrue(launch.contains("value=\"check --color=never &quot;${resource_loc}&quot;\""), launch);
    }

    @Test
    void aFileWhereTheFolderShouldBeIsRefused(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("x"), "");
        StringWriter err = new StringWriter();
        assertEquals(1, Main.run(new String[] {"init-editor", f.toString()}, sink(), new PrintWriter(err, true)));
        assertEquals("satc: " + f + " is not a folder.\n", err.toString());
    }

    private static PrintWriter sink() {
        return new PrintWriter(new StringWriter(), true);
    }

    static Optional<Path> findOnPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = d.isEmpty() ? null : Path.of(d, name);
            if (p != null && Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
