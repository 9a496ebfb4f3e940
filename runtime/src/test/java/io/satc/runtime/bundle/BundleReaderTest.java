package io.satc.runtime.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.satc.runtime.inference.InferenceRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleReaderTest {

    private final BundleReader reader = new BundleReader();
    private final BundleWriter writer = new BundleWriter();

    @TempDir
    Path dir;

    @Test
    void manifestRoundTripsThroughTheFolder() throws IOException {
        BundleManifest manifest = TestBundles.relayed(4);
        writer.write(dir, manifest);
        BundleRead read = reader.read(dir);
        Bundle bundle = assertInstanceOf(BundleRead.Loaded.class, read).bundle();
        assertEquals(manifest, bundle.manifest());
        assertEquals(dir, bundle.directory());
        assertEquals(2, bundle.manifest().hopsOf(2).size());
    }

    @Test
    void writerIsDeterministicAndKeepsSchemaOrder() {
        String json = writer.toJson(TestBundles.emulation(4));
        assertEquals(json, writer.toJson(TestBundles.emulation(4)));
        assertTrue(json.startsWith("{\n  \"format_version\" : 1,\n  \"mission\" : \"test-three-stage\""), json);
        assertTrue(json.contains("\"model\" : null"), "simulation stages write an explicit null model");
        List<String> order = List.of(
                "\"mission_sha256\"",
                "\"cost_model\"",
                "\"batch\"",
                "\"micro_batches\"",
                "\"micro_batch_size\"",
                "\"plan\"",
                "\"stages\"",
                "\"hops\"",
                "\"predicted\"");
        int at = 0;
        for (String field : order) {
            int next = json.indexOf(field);
            assertTrue(next > at, field + " out of order");
            at = next;
        }
    }

    @Test
    void unknownFieldsAreIgnored() throws IOException {
        ObjectNode root = (ObjectNode) ManifestJson.MAPPER.readTree(writer.toJson(TestBundles.emulation(2)));
        root.put("signed_by", "someone");
        ((ObjectNode) root.get("stages").get(0)).put("power_w", 40);
        write(ManifestJson.MAPPER.writeValueAsString(root));
        assertInstanceOf(BundleRead.Loaded.class, reader.read(dir));
    }

    @Test
    void newerFormatIsRejected() throws IOException {
        ObjectNode root = (ObjectNode) ManifestJson.MAPPER.readTree(writer.toJson(TestBundles.emulation(2)));
        root.put("format_version", 3);
        root.put("stages", "a v3 layout the v2 reader cannot bind");
        write(ManifestJson.MAPPER.writeValueAsString(root));
        List<String> errors = rejected();
        assertEquals(1, errors.size());
        assertEquals(
                "Bundle format version 3 is newer than this runtime, which reads version 2; "
                        + "run it with a newer satc.",
                errors.get(0));
    }

    @Test
    void aVersionOneManifestWithoutIoOrSideInputsStillReads() throws IOException {
        ObjectNode root = (ObjectNode) ManifestJson.MAPPER.readTree(writer.toJson(TestBundles.emulation(2)));
        root.put("format_version", 1);
        root.remove("io");
        root.get("stages").forEach(stage -> ((ObjectNode) stage).remove("side_inputs"));
        write(ManifestJson.MAPPER.writeValueAsString(root));
        BundleRead read = new BundleReader().read(dir);
        assertTrue(read instanceof BundleRead.Loaded, read::toString);
        BundleManifest m = ((BundleRead.Loaded) read).bundle().manifest();
        assertTrue(m.modelIo().isEmpty());
        assertEquals(List.of(), m.stages().get(0).sideInputs());
    }

    @Test
    void missingManifestIsRejected() {
        List<String> errors = rejected();
        assertTrue(errors.get(0).contains("has no `manifest.json`"), errors.get(0));
    }

    @Test
    void malformedJsonIsRejectedWithItsPosition() throws IOException {
        write("{\"format_version\": 1, \"mission\": ");
        String error = rejected().get(0);
        assertTrue(error.contains("is not valid JSON") && error.contains("line 1"), error);
    }

    @Test
    void wrongFieldTypeIsRejectedWithItsPath() throws IOException {
        String json =
                writer.toJson(TestBundles.emulation(2)).replace("\"micro_batches\" : 2", "\"micro_batches\" : \"two\"");
        write(json);
        String error = rejected().get(0);
        assertTrue(error.contains("does not follow manifest format 2") && error.contains("micro_batches"), error);
    }

    @Test
    void inconsistentManifestReportsEveryProblem() throws IOException {
        BundleManifest good = TestBundles.emulation(2);
        List<BundleStage> stages = new ArrayList<>(good.stages());
        BundleStage s2 = stages.get(1);
        stages.set(
                1,
                new BundleStage(
                        5,
                        s2.node(),
                        s2.firstUnit(),
                        s2.lastUnit(),
                        s2.computeFlops(),
                        s2.flopsPerSample(),
                        s2.predictedServiceS(),
                        s2.input(),
                        s2.output(),
                        List.of(),
                        "fp16",
                        "int9",
                        null));
        BundleManifest bad = new BundleManifest(
                1,
                good.mission(),
                good.missionSha256(),
                1,
                7,
                2,
                4,
                good.plan(),
                null,
                stages,
                good.hops(),
                good.predicted());
        writer.write(dir, bad);
        List<String> errors = rejected();
        assertEquals(5, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("`batch` is 7"), errors.get(0));
        assertTrue(errors.get(1).contains("has index 5"), errors.get(1));
        assertTrue(
                errors.get(2).contains("`stages[1].codec_out` is not a codec spec: Unknown codec `int9`"),
                errors.get(2));
        assertTrue(
                errors.get(3).contains("reads the cut with `fp16` but stage 1 writes it with `int8`"), errors.get(3));
        assertTrue(
                errors.get(4).contains("reads the cut with `fp16` but stage 2 writes it with `int9`"), errors.get(4));
    }

    @Test
    void modelFilesAreVerified() throws IOException {
        Files.createDirectories(dir.resolve("stages/leo-2"));
        Files.write(dir.resolve("stages/leo-2/model.onnx"), new byte[] {1, 2, 3, 4});
        ModelFile model = writer.modelFile(dir, "stages/leo-2/model.onnx");
        assertEquals("9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a", model.sha256());
        writer.write(dir, withModel(TestBundles.emulation(2), model));
        Bundle bundle =
                assertInstanceOf(BundleRead.Loaded.class, reader.read(dir)).bundle();
        BundleStage stage = bundle.manifest().stages().get(1);
        assertEquals(model, stage.modelFile().orElseThrow());
        assertEquals(dir.resolve("stages/leo-2/model.onnx"), bundle.resolve(model));
    }

    @Test
    void tamperedModelFileIsRejectedNamingTheFileAndBothHashes() throws IOException {
        Files.createDirectories(dir.resolve("stages/leo-2"));
        Files.write(dir.resolve("stages/leo-2/model.onnx"), new byte[] {1, 2, 3, 4});
        ModelFile model = writer.modelFile(dir, "stages/leo-2/model.onnx");
        writer.write(dir, withModel(TestBundles.emulation(2), model));
        Files.write(dir.resolve("stages/leo-2/model.onnx"), new byte[] {1, 2, 3, 5});
        List<String> errors = rejected();
        String error = errors.get(0);
        assertTrue(error.startsWith("Model file `stages/leo-2/model.onnx` of stage 2 on leo-2 has SHA-256 "), error);
        assertTrue(error.contains("but the manifest expects " + model.sha256()), error);
        assertTrue(error.contains(BundleReader.sha256(dir.resolve("stages/leo-2/model.onnx"))), error);
    }

    /** The emulation bundle with a four-byte "model" {k, 2, 3, 4} for each stage k, written into {@code dir}. */
    private BundleManifest aPartPerStage() throws IOException {
        BundleManifest m = TestBundles.emulation(2);
        for (int k = 1; k <= 3; k++) {
            Files.createDirectories(dir.resolve("stages/leo-" + k));
            Files.write(dir.resolve(part(k)), new byte[] {(byte) k, 2, 3, 4});
            m = withModel(m, k, writer.modelFile(dir, part(k)));
        }
        writer.write(dir, m);
        return m;
    }

    private static String part(int stage) {
        return "stages/leo-" + stage + "/model.onnx";
    }

    @Test
    void aNodeVerifiesOnlyWhatItRunsSoTheOtherStagesPartsMayBeChangedOrAbsent() throws IOException {
        BundleManifest m = aPartPerStage();
        Files.write(dir.resolve(part(3)), new byte[] {9, 9, 9});
        Files.delete(dir.resolve(part(2)));
        Bundle first = assertInstanceOf(
                        BundleRead.Loaded.class, reader.read(dir, InferenceRunner.filesOf("leo-1", false)))
                .bundle();
        ModelFile own = m.stages().get(0).modelFile().orElseThrow();
        assertArrayEquals(new byte[] {1, 2, 3, 4}, first.bytes(own));
        assertFalse(first.verified(m.stages().get(1).modelFile().orElseThrow()));
        List<String> last = assertInstanceOf(
                        BundleRead.Rejected.class, reader.read(dir, InferenceRunner.filesOf("leo-3", false)))
                .errors();
        assertEquals(1, last.size(), last.toString());
        assertTrue(last.get(0).startsWith("Model file `stages/leo-3/model.onnx` of stage 3 on leo-3 has SHA-256 "));
        assertEquals(2, rejected().size(), "a whole run still verifies every part");
    }

    @Test
    void theBundleKeepsTheBytesItVerifiedWhateverHappensToTheFileAfterwards() throws IOException {
        BundleManifest m = aPartPerStage();
        Bundle bundle =
                assertInstanceOf(BundleRead.Loaded.class, reader.read(dir)).bundle();
        Files.write(dir.resolve(part(1)), new byte[] {7, 7, 7, 7});
        assertArrayEquals(
                new byte[] {1, 2, 3, 4},
                bundle.bytes(m.stages().get(0).modelFile().orElseThrow()));
    }

    @Test
    void missingModelFileAndEscapingPathsAreRejected() throws IOException {
        ModelFile absent = new ModelFile("stages/leo-2/model.onnx", "ab".repeat(32));
        writer.write(dir, withModel(TestBundles.emulation(2), absent));
        assertEquals(
                List.of("Model file `stages/leo-2/model.onnx` of stage 2 on leo-2 is missing from the bundle."),
                rejected());
        writer.write(dir, withModel(TestBundles.emulation(2), new ModelFile("../elsewhere.onnx", "ab".repeat(32))));
        assertTrue(rejected().get(0).contains("must be relative to the bundle and stay inside it"));
    }

    private static BundleManifest withModel(BundleManifest m, ModelFile model) {
        return withModel(m, 2, model);
    }

    private static BundleManifest withModel(BundleManifest m, int stage, ModelFile model) {
        return m.withModel(stage, model);
    }

    private void write(String json) throws IOException {
        Files.writeString(dir.resolve("manifest.json"), json, StandardCharsets.UTF_8);
    }

    private List<String> rejected() {
        return assertInstanceOf(BundleRead.Rejected.class, reader.read(dir)).errors();
    }
}
