package io.satc.compiler.syntax.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Round trip and idempotence over real missions: the repository's {@code examples/} (files with
 * syntax errors, the error examples, are skipped) and this module's own corpus under
 * {@code src/test/resources/format/}, so the test always has input.
 */
class CorpusRoundTripTest {

    private static final int MIN_OWN_CORPUS = 10;
    private static final String FORMATTED = ".formatted.sat";

    @TestFactory
    Stream<DynamicTest> ownCorpus() {
        List<Path> files = satFiles(ownCorpusRoot());
        assertTrue(
                files.size() >= MIN_OWN_CORPUS,
                "expected at least " + MIN_OWN_CORPUS + " missions, found " + files.size());
        return files.stream()
                .map(f -> DynamicTest.dynamicTest(
                        f.getFileName().toString(), () -> RoundTrip.check(f.toString(), read(f))));
    }

    /** {@code x.formatted.sat} beside {@code x.sat} is the expected layout of {@code x.sat}, and a fixed point itself. */
    @TestFactory
    Stream<DynamicTest> ownCorpusFormatsToItsExpectedLayout() {
        List<Path> expected = satFiles(ownCorpusRoot()).stream()
                .filter(f -> f.getFileName().toString().endsWith(FORMATTED))
                .collect(Collectors.toList());
        assertTrue(expected.size() >= 3, "expected layouts are missing");
        return expected.stream()
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                    String name = f.getFileName().toString();
                    Path input = f.resolveSibling(name.substring(0, name.length() - FORMATTED.length()) + ".sat");
                    String want = read(f);
                    assertEquals(want, RoundTrip.check(input.toString(), read(input)));
                    assertEquals(want, RoundTrip.check(f.toString(), want));
                }));
    }

    @TestFactory
    Stream<DynamicTest> repositoryExamples() {
        Path examples = repoRoot().resolve("examples");
        return satFiles(examples).stream()
                .map(f -> DynamicTest.dynamicTest(examples.relativize(f).toString(), () -> {
                    byte[] bytes = Files.readAllBytes(f);
                    java.util.Optional<String> decoded = strictUtf8(bytes);
                    assumeTrue(decoded.isPresent(), "not UTF-8 (an error example)");
                    String text = decoded.get();
                    assumeTrue(
                            RoundTrip.parse(f.toString(), text).mission().isPresent(),
                            "has syntax errors (an error example)");
                    RoundTrip.check(f.toString(), text);
                }));
    }

    @Test
    void repositoryRootIsFound() {
        assertTrue(Files.isRegularFile(repoRoot().resolve("pom.xml")), () -> "no pom.xml in " + repoRoot());
    }

    static Path repoRoot() {
        return io.satc.compiler.testing.RepoPaths.root();
    }

    static Path ownCorpusRoot() {
        URL url = CorpusRoundTripTest.class.getClassLoader().getResource("format");
        if (url == null) {
            throw new IllegalStateException("test resources folder `format` is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> satFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p ->
                            Files.isRegularFile(p) && p.getFileName().toString().endsWith(".sat"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.Optional<String> strictUtf8(byte[] bytes) {
        try {
            return java.util.Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            return java.util.Optional.empty();
        }
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
