package io.satc.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.satc.runtime.bundle.TestBundles;
import io.satc.runtime.trust.BundleSigner;
import io.satc.runtime.trust.Keys;
import io.satc.runtime.trust.TestKeys;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone runtime as built ({@code target/satc-runtime.jar}, its {@code lib/} and the
 * {@code satc-runtime} launcher): it runs a bundle on its own, and neither the compiler nor the
 * compiler's libraries (ANTLR, JGraphT, FreeMarker, Orekit, the ONNX protobuf classes) can be
 * loaded from its class path. Runs after {@code package} (failsafe), on the jar itself.
 */
class RuntimeJarIT {

    private static final Path TARGET = Path.of("target");
    private static final Path JAR = TARGET.resolve("satc-runtime.jar");

    /** Classes of the compiler and of libraries only the compiler needs. */
    private static final List<String> FORBIDDEN_CLASSES = List.of(
            "io.satc.compiler.cli.Main",
            "io.satc.compiler.codegen.BundleCompiler",
            "io.satc.grammar.SatcParser",
            "org.antlr.v4.runtime.Parser",
            "org.jgrapht.Graph",
            "freemarker.template.Configuration",
            "org.orekit.propagation.Propagator",
            "ai.onnx.proto.OnnxMl");

    private static final List<String> FORBIDDEN_PREFIXES = List.of(
            "io/satc/compiler/",
            "io/satc/grammar/",
            "org/antlr/",
            "org/jgrapht/",
            "freemarker/",
            "org/orekit/",
            "ai/onnx/proto/");

    @TempDir
    Path tmp;

    /** The jar and every entry of its manifest's class path, which must all exist. */
    private static List<Path> classPath() throws IOException {
        List<Path> path = new ArrayList<>(List.of(JAR));
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Manifest manifest = jar.getManifest();
            assertEquals(
                    "io.satc.runtime.cli.RuntimeMain",
                    manifest.getMainAttributes().getValue("Main-Class"));
            for (String entry :
                    manifest.getMainAttributes().getValue("Class-Path").split(" ")) {
                Path lib = TARGET.resolve(entry);
                assertTrue(Files.isRegularFile(lib), "the jar's class path names " + entry + ", which is missing");
                path.add(lib);
            }
        }
        return path;
    }

    @Test
    void noCompilerClassIsLoadableFromTheJar() throws Exception {
        List<Path> path = classPath();
        URL[] urls = new URL[path.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = path.get(i).toUri().toURL();
        }
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            assertEquals(
                    loader,
                    Class.forName("io.satc.runtime.cli.RuntimeMain", false, loader)
                            .getClassLoader());
            Class.forName("io.satc.runtime.transport.FrameServer", false, loader);
            Class.forName("ai.onnxruntime.OrtEnvironment", false, loader);
            for (String name : FORBIDDEN_CLASSES) {
                assertThrows(
                        ClassNotFoundException.class,
                        () -> Class.forName(name, false, loader),
                        name + " is loadable from the runtime jar's class path");
            }
        }
        for (Path jar : path) {
            try (JarFile file = new JarFile(jar.toFile())) {
                for (ZipEntry e : file.stream().toList()) {
                    for (String prefix : FORBIDDEN_PREFIXES) {
                        assertTrue(!e.getName().startsWith(prefix), jar + " holds " + e.getName());
                    }
                }
            }
        }
    }

    private record Result(int exit, String out, String err) {}

    private Result launch(String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(TARGET.resolve("satc-runtime").toString()));
        command.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "satc-runtime did not finish");
        return new Result(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theLauncherRunsABundleWithTheRuntimeAlone() throws Exception {
        Result version = launch("--version");
        assertEquals(0, version.exit(), version.err());
        assertTrue(version.out().startsWith("satc-runtime "), version.out());
        Path dir = tmp.resolve("bundle");
        TestBundles.write(dir, TestBundles.relayed(4));
        BundleSigner.SigningKey key = TestKeys.signing(7);
        BundleSigner.sign(dir, "test-three-stage", 1, key, null);
        Path trusted = Files.writeString(
                tmp.resolve("signer.pub"),
                Keys.pem("PUBLIC KEY", key.publicKey().getEncoded()));
        Result run = launch("run", "--json", "--trust", trusted.toString(), dir.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertEquals("test-three-stage", doc.path("mission").asText());
        assertEquals(4, doc.at("/outputs/micro_batches").size());
        Result help = launch("node", "--help");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().contains("--peers"), help.out());
    }
}
