package io.satc.compiler.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the repository and its example missions from inside a module's tests. */
public final class RepoPaths {

    private RepoPaths() {}

    public static Path root() {
        String prop = System.getProperty("satc.repoRoot");
        Path p = prop != null && !prop.isBlank() ? Path.of(prop) : Path.of("..");
        p = p.toAbsolutePath().normalize();
        if (!Files.isDirectory(p.resolve("examples"))) {
            p = Path.of("").toAbsolutePath().getParent();
        }
        return p;
    }

    public static Path examples() {
        return root().resolve("examples");
    }

    /** Repository-relative path with forward slashes, as diagnostics show it in goldens. */
    public static String relative(Path p) {
        return root().relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** Every {@code .sat} file under a folder, sorted. */
    public static List<Path> missions(Path folder) {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(p -> p.toString().endsWith(".sat"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
