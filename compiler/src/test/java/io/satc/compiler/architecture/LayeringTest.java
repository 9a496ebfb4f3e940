package io.satc.compiler.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules, checked on the sources: inside the compiler each layer imports only
 * the layers before it (source/diag → syntax → sema → lower → plan → codegen → lsp → cli), model access
 * and orbit geometry see no syntax (they import no other compiler package and serve only lower,
 * codegen and cli), and the runtime never imports the compiler.
 */
class LayeringTest {

    private static final List<String> ORDER =
            List.of("source", "diag", "syntax", "sema", "lower", "plan", "codegen", "lsp", "cli");
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?io\\.satc\\.compiler\\.([a-z]+)", Pattern.MULTILINE);

    /** Which compiler packages each package may import, besides itself. */
    private static final Map<String, Set<String>> EXTRA = Map.of(
            "source", Set.of("diag"), // a read failure is a diagnostic
            "model", Set.of(),
            "orbit", Set.of(),
            "lower", Set.of("model", "orbit"),
            "codegen", Set.of("model", "orbit"),
            "cli", Set.of("model", "orbit"));

    /** Side packages: they import no other compiler package, and only their EXTRA users import them. */
    private static final Set<String> SIDE = Set.of("model", "orbit");

    @Test
    void compilerLayersImportOnlyEarlierLayers() throws IOException {
        Path root = RepoPaths.root().resolve("compiler/src/main/java/io/satc/compiler");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String pkg = root.relativize(f).getName(0).toString();
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    String target = m.group(1);
                    if (!allowed(pkg, target)) {
                        violations.add(root.relativize(f) + " imports " + target);
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), "layering violations:\n" + String.join("\n", violations));
    }

    static boolean allowed(String from, String to) {
        if (from.equals(to) || EXTRA.getOrDefault(from, Set.of()).contains(to)) {
            return true;
        }
        if (SIDE.contains(from) || SIDE.contains(to)) {
            return false;
        }
        int a = ORDER.indexOf(from.equals("source") ? "diag" : from);
        int b = ORDER.indexOf(to.equals("source") ? "diag" : to);
        return a >= 0 && b >= 0 && b <= a;
    }

    @Test
    void sidePackagesServeOnlyLowerCodegenAndCli() {
        assertTrue(allowed("lower", "orbit") && allowed("codegen", "orbit") && allowed("cli", "orbit"));
        assertTrue(!allowed("plan", "orbit") && !allowed("sema", "orbit") && !allowed("syntax", "orbit"));
        assertTrue(!allowed("orbit", "model") && !allowed("orbit", "source") && !allowed("orbit", "lower"));
        assertTrue(!allowed("model", "orbit"));
    }

    @Test
    void runtimeNeverImportsTheCompiler() throws IOException {
        Path root = RepoPaths.root().resolve("runtime/src");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (Files.readString(f).contains("import io.satc.compiler")) {
                    violations.add(root.relativize(f).toString());
                }
            }
        }
        assertTrue(violations.isEmpty(), "runtime files importing the compiler: " + violations);
    }
}
