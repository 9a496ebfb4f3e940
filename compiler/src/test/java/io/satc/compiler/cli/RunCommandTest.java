package io.satc.compiler.cli;

import static io.satc.compiler.cli.CheckCommandTest.satc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.satc.compiler.testing.RepoPaths;
import io.satc.runtime.trust.BundleSigner;
import io.satc.runtime.trust.Keys;
import io.satc.runtime.trust.SatcHome;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code satc run} through the command line: inputs of every kind, and bad input, each with
 * one clear message and a non-zero exit, never a stack trace.
 */
class RunCommandTest {

    @TempDir
    static Path tmp;

    static Path simulation;
    static Path decoder;

    @BeforeAll
    static void compile() {
        simulation = tmp.resolve("link-bound");
        decoder = tmp.resolve("kjv");
        CheckCommandTest.Run a =
                satc("compile", RepoPaths.examples().resolve("link-bound.sat").toString(), "-o", simulation.toString());
        assertEquals(0, a.exit(), a.err());
        CheckCommandTest.Run b =
                satc("compile", RepoPaths.examples().resolve("kjv-decoder.sat").toString(), "-o", decoder.toString());
        assertEquals(0, b.exit(), b.err());
    }

    /** A C-order .npy of float32 ({@code <f4}) values. */
    static Path npy(Path file, int[] shape, float fill) throws Exception {
        String dims = Arrays.stream(shape)
                        .mapToObj(Integer::toString)
                        .reduce((x, y) -> x + ", " + y)
                        .orElse("")
                + (shape.length == 1 ? "," : "");
        StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }");
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        int n = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(ByteBuffer.allocate(2)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) header.length())
                .array());
        out.write(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer data = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            data.putFloat(fill + i % 7);
        }
        out.write(data.array());
        Files.write(file, out.toByteArray());
        return file;
    }

    @Test
    void aNpyOfTheBatchFeedsASimulationBundleAndChangesItsChecksums() throws Exception {
        CheckCommandTest.Run synthetic = satc("run", "--json", simulation.toString());
        assertEquals(0, synthetic.exit(), synthetic.err());
        Path input = npy(tmp.resolve("batch.npy"), new int[] {32, 37632}, 0.5f);
        CheckCommandTest.Run given = satc("run", "--json", "--input", input.toString(), simulation.toString());
        assertEquals(0, given.exit(), given.err());
        JsonNode a = new ObjectMapper().readTree(synthetic.out());
        JsonNode b = new ObjectMapper().readTree(given.out());
        io.satc.compiler.testing.Schemas.assertValid("run", a, "run --json of a simulation bundle");
        io.satc.compiler.testing.Schemas.assertValid("run", b, "run --json with a .npy input");
        CheckCommandTest.Run emulated = satc("run", "--json", "--emulate", simulation.toString());
        assertEquals(0, emulated.exit(), emulated.err());
        io.satc.compiler.testing.Schemas.assertValid("run", emulated.out(), "run --json --emulate");
        assertEquals("checksums", b.at("/outputs/kind").asText());
        assertFalse(a.at("/outputs/micro_batches/0/checksum")
                .asText()
                .equals(b.at("/outputs/micro_batches/0/checksum").asText()));
    }

    @Test
    void aNpyOfTheWrongShapeIsRejectedNamingBothShapes() throws Exception {
        Path input = npy(tmp.resolve("wrong.npy"), new int[] {32, 100}, 0f);
        CheckCommandTest.Run r = satc("run", "--input", input.toString(), simulation.toString());
        assertEquals(ExitCodes.INPUT_ERRORS, r.exit());
        assertTrue(
                r.err()
                        .contains(
                                "is float32[32, 100], but the bundle's input `input` takes float32[32, 37632] for its batch of 32."),
                r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void notANpyOrTextForASimulationBundleIsRejected() throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.npy"), "hello");
        CheckCommandTest.Run r = satc("run", "--input", junk.toString(), simulation.toString());
        assertEquals(ExitCodes.INPUT_ERRORS, r.exit());
        assertTrue(r.err().contains("is not a NumPy .npy file"), r.err());
        Path text = Files.writeString(tmp.resolve("lines.txt"), "a sentence\n");
        CheckCommandTest.Run t = satc("run", "--input", text.toString(), simulation.toString());
        assertEquals(ExitCodes.INPUT_ERRORS, t.exit());
        assertTrue(
                t.err().contains("This bundle takes a tensor input: pass a .npy file of shape [32, 37632] (float32)"),
                t.err());
        CheckCommandTest.Run missing =
                satc("run", "--input", tmp.resolve("absent.txt").toString(), decoder.toString());
        assertEquals(ExitCodes.INPUT_ERRORS, missing.exit());
        assertTrue(missing.err().contains("Cannot read the input"), missing.err());
    }

    @Test
    void theDecoderContinuesGivenPromptsAndReportsText() throws Exception {
        Path prompts = Files.writeString(tmp.resolve("prompts.txt"), "In the beginning God\n\nAnd the LORD said\n");
        CheckCommandTest.Run r =
                satc("run", "--json", "--generate", "5", "--input", prompts.toString(), decoder.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        io.satc.compiler.testing.Schemas.assertValid("run", doc, "run --json of the decoder");
        assertEquals("text", doc.at("/outputs/kind").asText());
        assertEquals(5, doc.get("passes").asInt());
        assertEquals(2, doc.at("/outputs/samples").size());
        assertEquals("In the beginning God", doc.at("/outputs/samples/0/prompt").asText());
        assertEquals(5, doc.at("/outputs/samples/0/generated").asText().length());
        assertEquals(4, doc.at("/outputs/micro_batches").size());
    }

    @Test
    void moreSamplesThanTheBatchOrANpyForATextModelIsRejected() throws Exception {
        Path many = Files.writeString(tmp.resolve("many.txt"), "line\n".repeat(17));
        CheckCommandTest.Run r = satc("run", "--input", many.toString(), decoder.toString());
        assertEquals(ExitCodes.INPUT_ERRORS, r.exit());
        assertTrue(r.err().contains("has 17 samples, but the bundle's batch holds 16"), r.err());
        Path input = npy(tmp.resolve("ids.npy"), new int[] {16, 128}, 0f);
        CheckCommandTest.Run n = satc("run", "--input", input.toString(), decoder.toString());
        assertEquals(ExitCodes.INPUT_ERRORS, n.exit());
        assertTrue(n.err().contains("reads text through its tokenizer"), n.err());
    }

    @Test
    void aTamperedSubModelIsRefusedBeforeAnythingRuns() throws Exception {
        Path copy = tmp.resolve("tampered");
        CheckCommandTest.Run c =
                satc("compile", RepoPaths.examples().resolve("kjv-decoder.sat").toString(), "-o", copy.toString());
        assertEquals(0, c.exit(), c.err());
        Path model = copy.resolve("stages/leo-c/model.onnx");
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 1;
        Files.write(model, bytes);
        CheckCommandTest.Run r = satc("run", copy.toString());
        assertEquals(ExitCodes.INPUT_ERRORS, r.exit());
        assertTrue(r.err().startsWith("satc: refused (changed-file): `stages/leo-c/model.onnx` of bundle "), r.err());
        assertTrue(r.err().endsWith("; the file was changed after signing.\n"), r.err());
        assertEquals("", r.out());
        bytes[bytes.length / 2] ^= 1;
        Files.write(model, bytes);
        Files.delete(copy.resolve("model/vocab.json"));
        CheckCommandTest.Run missing = satc("run", copy.toString());
        assertEquals(ExitCodes.INPUT_ERRORS, missing.exit());
        assertTrue(
                missing.err()
                        .contains("refused (missing-file): `model/vocab.json`, which the signed statement lists, is "
                                + "missing from bundle"),
                missing.err());
    }

    @Test
    void aNewerManifestFormatIsRejectedNamingBothVersions() throws Exception {
        Path copy = tmp.resolve("newer");
        CheckCommandTest.Run c =
                satc("compile", RepoPaths.examples().resolve("link-bound.sat").toString(), "-o", copy.toString());
        assertEquals(0, c.exit(), c.err());
        Path manifest = copy.resolve("manifest.json");
        Files.writeString(
                manifest, Files.readString(manifest).replace("\"format_version\" : 2", "\"format_version\" : 7"));
        CheckCommandTest.Run edited = satc("run", copy.toString());
        assertTrue(edited.err().contains("refused (changed-file): `manifest.json` of bundle"), edited.err());
        // As a newer compiler would sign it: the runtime reads the signed manifest and names both versions.
        BundleSigner.sign(
                copy,
                "link-bound",
                1000,
                new BundleSigner.SigningKey(Keys.readPrivate(SatcHome.devKeys()), Keys.readPublic(SatcHome.devKeys())),
                null);
        CheckCommandTest.Run r = satc("run", copy.toString());
        assertEquals(ExitCodes.INPUT_ERRORS, r.exit());
        assertTrue(
                r.err().contains("Bundle format version 7 is newer than this runtime, which reads version 2"), r.err());
    }

    /** Path, size, modification time and SHA-256 of every file and folder under {@code dir}. */
    private static Map<String, String> tree(Path dir) throws Exception {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                String what = Files.getLastModifiedTime(p) + " "
                        + (Files.isDirectory(p)
                                ? "dir"
                                : Files.size(p) + " "
                                        + HexFormat.of()
                                                .formatHex(MessageDigest.getInstance("SHA-256")
                                                        .digest(Files.readAllBytes(p))));
                entries.put(dir.relativize(p).toString(), what);
            }
        }
        return entries;
    }

    /**
     * Makes {@code dir} read-only: no write permission anywhere, and where the platform allows it
     * (root, who ignores permissions, on ext4 and the like) the immutable attribute as well.
     * Without {@code chattr} the tree comparison of the test still catches any write.
     */
    private static boolean lock(Path dir, boolean locked) throws Exception {
        boolean immutable = locked && chattr(dir, "+i");
        if (!locked) {
            chattr(dir, "-i");
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                if (!immutable) {
                    Files.setPosixFilePermissions(
                            p,
                            PosixFilePermissions.fromString(
                                    Files.isDirectory(p)
                                            ? (locked ? "r-xr-xr-x" : "rwxr-xr-x")
                                            : (locked ? "r--r--r--" : "rw-r--r--")));
                }
            }
        }
        return immutable;
    }

    /** Runs {@code chattr -R FLAG dir}; false where there is no chattr or it is not permitted. */
    private static boolean chattr(Path dir, String flag) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("chattr", "-R", flag, dir.toString())
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void aRunNeverChangesTheBundleAndWritesTheMeasuredReportOnlyWhereAsked() throws Exception {
        Path bundle = tmp.resolve("read-only");
        CheckCommandTest.Run c =
                satc("compile", RepoPaths.examples().resolve("link-bound.sat").toString(), "-o", bundle.toString());
        assertEquals(0, c.exit(), c.err());
        Map<String, String> before = tree(bundle);
        Path report = tmp.resolve("measured-report.html");
        boolean immutable = lock(bundle, true);
        try {
            CheckCommandTest.Run plain = satc("run", bundle.toString());
            assertEquals(0, plain.exit(), plain.err());
            assertTrue(plain.out().contains("  outputs    16 micro-batches, checksums "), plain.out());

            CheckCommandTest.Run asked = satc("run", "--report", report.toString(), bundle.toString());
            assertEquals(0, asked.exit(), asked.err());
            String html = Files.readString(report, StandardCharsets.UTF_8);
            assertTrue(html.contains("<h2>Pipeline: measured (native)</h2>"), html);
            assertTrue(html.contains("Measured Gantt chart"), html);

            // A target that cannot be written (a folder, whoever runs the test): one sentence, outputs printed.
            CheckCommandTest.Run unwritable = satc("run", "--report", tmp.toString(), bundle.toString());
            assertEquals(ExitCodes.INPUT_ERRORS, unwritable.exit(), unwritable.err());
            assertTrue(unwritable.out().contains("  outputs    16 micro-batches, checksums "), unwritable.out());
            assertTrue(unwritable.err().contains("satc: cannot write the report to `" + tmp + "` ("), unwritable.err());
            assertTrue(unwritable.err().contains("); the outputs above are complete."), unwritable.err());
            assertFalse(
                    unwritable.err().contains("Exception") || unwritable.err().contains("internal error"));

            CheckCommandTest.Run inside =
                    satc("run", "--report", bundle.resolve("report.html").toString(), bundle.toString());
            assertEquals(ExitCodes.USAGE, inside.exit(), inside.err());
            assertTrue(inside.err().contains("is inside the bundle, and a run never changes the bundle"), inside.err());
            assertEquals("", inside.out());
        } finally {
            lock(bundle, false);
        }
        assertEquals(before, tree(bundle), "the run changed the bundle" + (immutable ? "" : " (no chattr here)"));
    }
}
