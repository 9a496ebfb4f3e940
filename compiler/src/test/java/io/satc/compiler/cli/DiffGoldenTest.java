package io.satc.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.satc.compiler.codegen.DeploymentDiff;
import io.satc.compiler.codegen.DiffJson;
import io.satc.compiler.codegen.DiffText;
import io.satc.compiler.testing.Golden;
import io.satc.compiler.testing.RepoPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code satc diff} on every revision under {@code examples/diff/}, each naming the mission it
 * revises in a {@code # diff-old: PATH} line: the text and the JSON are golden
 * ({@code expected/diff/NAME.sat.diff.txt}, {@code .diff.json}), a mission compared with itself
 * has no change, and the exit code agrees with {@code changed}.
 */
class DiffGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern OLD = Pattern.compile("(?m)^# diff-old: (\\S+)$");

    static List<Path> revisions() {
        return RepoPaths.missions(RepoPaths.examples().resolve("diff"));
    }

    /** The mission a revision says it revises. */
    static Path old(Path revision) throws IOException {
        Matcher m = OLD.matcher(Files.readString(revision));
        assertTrue(m.find(), revision + " has no `# diff-old: PATH` line");
        return revision.resolveSibling(m.group(1)).normalize();
    }

    @TestFactory
    Stream<DynamicTest> eachRevision() {
        List<Path> revisions = revisions();
        assertTrue(revisions.size() >= 5, "diff examples: " + revisions);
        return revisions.stream().map(p -> DynamicTest.dynamicTest(RepoPaths.relative(p), () -> check(p)));
    }

    private static void check(Path revision) throws IOException {
        DeploymentDiff.Result r = compare(old(revision), revision);
        String text = DiffText.render(r);
        String json = DiffJson.render(r);
        JsonNode tree = JSON.readTree(json);
        assertEquals(r.changed(), tree.get("changed").asBoolean());
        assertEquals(r.changed(), !text.contains("No changes: the deployment is the same"));

        DeploymentDiff.Result self = compare(revision, revision);
        assertTrue(!self.changed() && self.uplinks().isEmpty(), "a mission compared with itself changes nothing");

        Map<Path, String> goldens = new LinkedHashMap<>();
        goldens.put(RepoPaths.expectedFor(revision, ".diff.txt"), text);
        goldens.put(RepoPaths.expectedFor(revision, ".diff.json"), json);
        Golden.assertAll(goldens);
    }

    static DeploymentDiff.Result compare(Path old, Path now) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var r = DiffCommand.compare(
                old,
                RepoPaths.relative(old),
                now,
                RepoPaths.relative(now),
                new OutputOptions(),
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertTrue(r.isPresent(), () -> out + "\n" + err);
        return r.get();
    }

    @Test
    void exitCodesAreZeroTwoAndOne(@TempDir Path tmp) throws IOException {
        String old = RepoPaths.examples().resolve("link-bound.sat").toString();
        assertEquals(
                0,
                run(
                        "diff",
                        old,
                        RepoPaths.examples().resolve("diff/comment-only.sat").toString()));
        assertEquals(
                0,
                run(
                        "diff",
                        old,
                        RepoPaths.examples().resolve("diff/longer-downlink.sat").toString()));
        assertEquals(
                2,
                run(
                        "diff",
                        old,
                        RepoPaths.examples().resolve("diff/more-memory.sat").toString()));
        Path broken = Files.writeString(tmp.resolve("broken.sat"), "mission x {\n  satellite a {\n");
        StringWriter out = new StringWriter();
        int exit = Main.run(
                new String[] {"diff", old, broken.toString()},
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true));
        assertEquals(1, exit);
        assertTrue(out.toString().contains("error[SATC"), out.toString());
        assertEquals(2, run("diff", "only-one.sat"), "a missing argument is a usage error");
    }

    @Test
    void aRevisionWithoutAFeasiblePlanRemovesEveryStage(@TempDir Path tmp) throws IOException {
        Path old = RepoPaths.examples().resolve("link-bound.sat");
        Path shrunk = Files.writeString(
                tmp.resolve("shrunk.sat"), Files.readString(old).replace("memory = 512 MB", "memory = 10 MB"));
        DeploymentDiff.Result r = compare(old, shrunk);
        assertTrue(r.changed());
        assertTrue(r.after().deployment().isEmpty());
        assertTrue(
                r.after().reasons().get(0).startsWith("No assignment of stages"),
                r.after().reasons().toString());
        assertEquals(2, r.count(DeploymentDiff.Change.REMOVE));
        assertTrue(r.uplinks().isEmpty());
        String text = DiffText.render(r);
        assertTrue(text.contains("  latency           210.18 ms -> no plan\n"), text);
        JsonNode json = JSON.readTree(DiffJson.render(r));
        assertTrue(json.get("predicted").get("latency_s").get("new").isNull());
        assertEquals(2, run("diff", old.toString(), shrunk.toString()));
        DeploymentDiff.Result none = compare(shrunk, shrunk);
        assertTrue(!none.changed() && none.stages().isEmpty(), "no plan on either side: nothing changes");
    }

    private static int run(String... args) {
        return Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
    }
}
