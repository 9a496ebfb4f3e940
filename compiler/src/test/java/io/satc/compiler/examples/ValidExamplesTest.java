package io.satc.compiler.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.satc.compiler.cli.CheckCommand;
import io.satc.compiler.diag.Diagnostic;
import io.satc.compiler.diag.DiagnosticRenderer;
import io.satc.compiler.testing.Golden;
import io.satc.compiler.testing.RepoPaths;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every mission under {@code examples/} outside {@code errors/} checks without errors; its check output (warnings) is golden, and absent when empty. */
class ValidExamplesTest {

    static List<Path> validExamples() {
        Path errors = RepoPaths.examples().resolve("errors");
        return RepoPaths.missions(RepoPaths.examples()).stream()
                .filter(p -> !p.startsWith(errors))
                .toList();
    }

    /** Whether a valid example has a {@code horizon} (mission language 2: its constellation moves). */
    static boolean moves(Path p) {
        return CheckCommand.check(p, RepoPaths.relative(p))
                .analysis()
                .mission()
                .orElseThrow()
                .horizon()
                .isPresent();
    }

    /** The valid examples without a {@code horizon}: the snapshots of cost model 1, which {@code satc plan} plans. */
    static List<Path> snapshotExamples() {
        return validExamples().stream().filter(p -> !moves(p)).toList();
    }

    @TestFactory
    Stream<DynamicTest> eachExampleChecksClean() {
        return validExamples().stream()
                .map(p -> DynamicTest.dynamicTest(RepoPaths.relative(p), () -> {
                    String shown = RepoPaths.relative(p);
                    List<Diagnostic> ds = CheckCommand.check(p, shown).diagnostics();
                    assertFalse(ds.stream().anyMatch(Diagnostic::isError), () -> shown + " has errors:\n" + render(ds));
                    Golden.assertMatches(RepoPaths.expectedFor(p, ".check.out"), render(ds));
                }));
    }

    private static String render(List<Diagnostic> ds) {
        DiagnosticRenderer r = new DiagnosticRenderer(false);
        StringBuilder sb = new StringBuilder();
        ds.forEach(d -> sb.append(r.render(d)).append('\n'));
        return sb.toString();
    }
}
