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

    /** The expected outputs: a tree beside {@code examples/} that mirrors it (as Pkl keeps {@code output/}). */
    public static Path expected() {
        return root().resolve("expected");
    }

    /**
     * Where the golden {@code suffix} of an example lives: {@code examples/errors/x.sat} with
     * suffix {@code .out} has {@code expected/errors/x.sat.out}.
     */
    public static Path expectedFor(Path mission, String suffix) {
        Path relative = examples().relativize(mission.toAbsolutePath().normalize());
        return expected().resolve(relative + suffix);
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
