package io.satc.compiler.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.cli.CheckCommand;
import io.satc.compiler.codegen.BundleCompiler;
import io.satc.compiler.codegen.MissionPlanning;
import io.satc.compiler.sema.AnalysisResult;
import io.satc.compiler.sema.AnalyzedMission;
import io.satc.compiler.testing.Golden;
import io.satc.compiler.testing.RepoPaths;
import io.satc.compiler.testing.TestSigning;
import io.satc.runtime.bundle.BundleRead;
import io.satc.runtime.bundle.BundleReader;
import io.satc.runtime.trust.BundleTrust;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code satc compile} on every valid example: two compiles are byte-identical, the bundle
 * reads back (every SHA-256 verified), and its listing (each file's SHA-256), manifest, PLAN.md and contingencies
 * are golden ({@code expected/NAME.sat.bundle.txt}, {@code NAME.sat.manifest.json}, {@code NAME.sat.PLAN.md},
 * {@code NAME.sat.contingencies.json}).
 */
class BundleGoldenTest {

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> eachExampleCompiles() {
        return ValidExamplesTest.snapshotExamples().stream()
                .map(p -> DynamicTest.dynamicTest(RepoPaths.relative(p), () -> check(p)));
    }

    private void check(Path mission) throws IOException {
        String shown = RepoPaths.relative(mission);
        AnalysisResult analysis = CheckCommand.check(mission, shown).analysis();
        AnalyzedMission m = analysis.mission().orElseThrow();
        MissionPlanning.Planned planned = (MissionPlanning.Planned) MissionPlanning.plan(m);
        String name = mission.getFileName().toString();
        Path a = tmp.resolve(name + "-a");
        Path b = tmp.resolve(name + "-b");
        BundleCompiler.Result ra =
                BundleCompiler.compile(analysis.parse().source(), m, planned, a, "test", TestSigning.signing());
        BundleCompiler.Result rb =
                BundleCompiler.compile(analysis.parse().source(), m, planned, b, "test", TestSigning.signing());
        assertTrue(ra instanceof BundleCompiler.Written, () -> "not written: " + ra);
        assertTrue(rb instanceof BundleCompiler.Written);
        BundleCompiler.Written wa = (BundleCompiler.Written) ra;
        assertEquals(wa.files(), ((BundleCompiler.Written) rb).files());
        StringBuilder listing = new StringBuilder();
        for (String f : wa.files()) {
            byte[] x = Files.readAllBytes(a.resolve(f));
            assertArrayEquals(x, Files.readAllBytes(b.resolve(f)), () -> f + " differs between two compiles");
            listing.append(f).append("  sha256:").append(sha256(x)).append('\n');
        }
        // Signed with the test key, the bundle reads back through the runtime's signature check.
        BundleReader checked = new BundleReader(new BundleTrust(TestSigning.trust(), java.util.Optional.empty()));
        assertTrue(checked.read(a) instanceof BundleRead.Loaded, () -> "bundle does not read back: " + checked.read(a));
        java.util.Map<Path, String> goldens = new java.util.LinkedHashMap<>();
        goldens.put(RepoPaths.expectedFor(mission, ".bundle.txt"), listing.toString());
        goldens.put(
                RepoPaths.expectedFor(mission, ".manifest.json"),
                Files.readString(a.resolve("manifest.json"), StandardCharsets.UTF_8));
        goldens.put(
                RepoPaths.expectedFor(mission, ".PLAN.md"),
                Files.readString(a.resolve("PLAN.md"), StandardCharsets.UTF_8));
        goldens.put(
                RepoPaths.expectedFor(mission, ".contingencies.json"),
                Files.readString(a.resolve("contingencies.json"), StandardCharsets.UTF_8));
        Golden.assertAll(goldens);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
