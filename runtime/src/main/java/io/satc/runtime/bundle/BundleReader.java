package io.satc.runtime.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.satc.runtime.codec.CodecSpec;
import io.satc.runtime.codec.ParsedCodecSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads and checks a bundle folder: the manifest's format version, shape and internal
 * consistency, and the SHA-256 of the files a command uses (all of them, or a node's own), whose
 * verified bytes the bundle then keeps, before anything runs.
 *
 * <p>Problems with the bundle are returned as {@link BundleRead.Rejected}, never thrown.
 */
public final class BundleReader {

    /** Reads {@code directory/manifest.json} and verifies every file it names. */
    public BundleRead read(Path directory) {
        return read(directory, BundleFile.Selection.all());
    }

    /**
     * Reads {@code directory/manifest.json}, checks all of it, and verifies the files
     * {@code selection} wants: each is read into memory once, hashed, and kept in the bundle, so
     * that what runs is the bytes that were verified. Files it does not want are not opened (a
     * node need not carry the other stages' parts).
     */
    public BundleRead read(Path directory, BundleFile.Selection selection) {
        Path file = directory.resolve(BundleWriter.MANIFEST);
        if (!Files.isRegularFile(file)) {
            return rejected(
                    directory,
                    "Bundle `" + directory + "` has no `" + BundleWriter.MANIFEST
                            + "`; is this a bundle folder written by `satc compile`?");
        }
        JsonNode root;
        try {
            root = ManifestJson.MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            return rejected(
                    directory, "`" + file + "` is not valid JSON: " + e.getOriginalMessage() + location(e) + ".");
        } catch (IOException e) {
            return rejected(directory, "`" + file + "` cannot be read: " + e.getMessage() + ".");
        }
        if (root == null || !root.isObject()) {
            return rejected(directory, "`" + file + "` must hold a JSON object.");
        }
        JsonNode version = root.path("format_version");
        if (!version.isIntegralNumber()) {
            return rejected(directory, "`" + file + "` has no integer `format_version`.");
        }
        if (version.asLong() > BundleManifest.FORMAT_VERSION) {
            return rejected(
                    directory,
                    "Bundle format version " + version.asLong()
                            + " is newer than this runtime, which reads version " + BundleManifest.FORMAT_VERSION
                            + "; run it with a newer satc.");
        }
        if (version.asLong() < 1) {
            return rejected(
                    directory, "Bundle format version " + version.asLong() + " is invalid; versions start at 1.");
        }
        if (version.asLong() == 1) {
            upgradeFromVersion1((com.fasterxml.jackson.databind.node.ObjectNode) root);
        }
        BundleManifest manifest;
        try {
            manifest = ManifestJson.MAPPER.treeToValue(root, BundleManifest.class);
        } catch (JsonProcessingException e) {
            return rejected(
                    directory,
                    "`" + file + "` does not follow manifest format " + BundleManifest.FORMAT_VERSION + ": "
                            + e.getOriginalMessage() + location(e) + ".");
        }
        List<String> errors = new ArrayList<>();
        check(manifest, errors);
        Map<String, byte[]> verified = new LinkedHashMap<>();
        if (errors.isEmpty()) {
            for (BundleFile f : BundleFile.of(manifest)) {
                if (selection.wants(manifest, f)) {
                    verify(directory, f, errors)
                            .ifPresent(bytes -> verified.put(f.file().path(), bytes));
                }
            }
        }
        return errors.isEmpty()
                ? new BundleRead.Loaded(new Bundle(directory, manifest, verified))
                : new BundleRead.Rejected(directory, errors);
    }

    /** Version 1 had no real-model inputs: no {@code io}, no side inputs. */
    private static void upgradeFromVersion1(com.fasterxml.jackson.databind.node.ObjectNode root) {
        if (!root.has("io")) {
            root.putNull("io");
        }
        for (JsonNode stage : root.path("stages")) {
            if (stage instanceof com.fasterxml.jackson.databind.node.ObjectNode s && !s.has("side_inputs")) {
                s.putArray("side_inputs");
            }
        }
    }

    private static BundleRead rejected(Path directory, String error) {
        return new BundleRead.Rejected(directory, List.of(error));
    }

    private static String location(JsonProcessingException e) {
        String where = "";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            where = " at `"
                    + m.getPath().stream()
                            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                            .collect(Collectors.joining("."))
                            .replace(".[", "[")
                    + "`";
        }
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            where += " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
        }
        return where;
    }

    /** Consistency rules a v1 manifest obeys; every violation is reported, not just the first. */
    private static void check(BundleManifest m, List<String> errors) {
        require(
                m.costModel() == BundleManifest.COST_MODEL,
                errors,
                "Cost model " + m.costModel() + " is not supported; this runtime compares against cost model "
                        + BundleManifest.COST_MODEL + ".");
        require(
                m.microBatches() >= 1 && m.microBatchSize() >= 1,
                errors,
                "`micro_batches` (" + m.microBatches() + ") and `micro_batch_size` (" + m.microBatchSize()
                        + ") must be at least 1.");
        require(
                (long) m.microBatches() * m.microBatchSize() == m.batch(),
                errors,
                "`batch` is " + m.batch() + " but `micro_batches` × `micro_batch_size` is " + m.microBatches() + " × "
                        + m.microBatchSize() + ".");
        require(
                m.mission() != null && m.missionSha256() != null,
                errors,
                "`mission` and `mission_sha256` must be strings.");
        require(m.plan() != null && m.plan().isObject(), errors, "`plan` must be a JSON object.");
        if (m.predicted() == null) {
            errors.add("`predicted` must be an object, not null.");
        } else {
            require(
                    finiteNonNegative(m.predicted().makespanS())
                            && finiteNonNegative(m.predicted().commBytes())
                            && m.predicted().bottleneck() != null,
                    errors,
                    "`predicted` needs a finite `makespan_s` and " + "`comm_bytes` ≥ 0 and a `bottleneck` name.");
        }
        List<BundleStage> stages = m.stages();
        require(!stages.isEmpty(), errors, "`stages` is empty; a plan has at least one stage.");
        for (int i = 0; i < stages.size(); i++) {
            BundleStage s = stages.get(i);
            String base = "stages[" + i + "]";
            String at = "`" + base + "`";
            if (s == null) {
                errors.add(at + " is null.");
                continue;
            }
            require(
                    s.index() == i + 1,
                    errors,
                    at + " has index " + s.index() + "; stages are numbered 1, 2, … in order.");
            require(s.node() != null && !s.node().isBlank(), errors, at + " has no `node`.");
            require(
                    s.firstUnit() >= 0 && s.lastUnit() >= s.firstUnit(),
                    errors,
                    at + " runs units " + s.firstUnit() + ".." + s.lastUnit() + ", not a non-empty range.");
            require(
                    s.computeFlops() > 0 && Double.isFinite(s.computeFlops()) && finiteNonNegative(s.flopsPerSample()),
                    errors,
                    at + " needs a positive finite `compute_flops` and a finite `flops_per_sample` ≥ 0.");
            require(
                    finiteNonNegative(s.predictedServiceS()),
                    errors,
                    at + " has `predicted_service_s` " + s.predictedServiceS() + "; it must be a finite number ≥ 0.");
            descriptor(s.input(), "`" + base + ".input`", errors);
            descriptor(s.output(), "`" + base + ".output`", errors);
            codec(s.codecIn(), "`" + base + ".codec_in`", errors);
            codec(s.codecOut(), "`" + base + ".codec_out`", errors);
            if (i > 0
                    && stages.get(i - 1) != null
                    && stages.get(i - 1).codecOut() != null
                    && s.codecIn() != null
                    && !stages.get(i - 1).codecOut().equals(s.codecIn())) {
                errors.add(at + " reads the cut with `" + s.codecIn() + "` but stage " + i + " writes it with `"
                        + stages.get(i - 1).codecOut() + "`.");
            }
            s.modelFile().ifPresent(model -> modelPath(model, "`" + base + ".model`", errors));
            if (s.sideInputs() == null) {
                errors.add(at + " has `side_inputs` null; use [] for a stage that reads only its input.");
            } else {
                for (int j = 0; j < s.sideInputs().size(); j++) {
                    TensorDescriptor side = s.sideInputs().get(j);
                    descriptor(side, "`" + base + ".side_inputs[" + j + "]`", errors);
                    require(
                            side == null
                                    || side.name() == null
                                    || m.io() != null
                                            && m.io().input(side.name()).isPresent(),
                            errors,
                            at + " reads side input `" + (side == null ? null : side.name())
                                    + "`, which `io.inputs` does not list, so no message would carry it.");
                }
            }
        }
        checkIo(m, errors);
        int previous = 0;
        for (int i = 0; i < m.hops().size(); i++) {
            BundleHop h = m.hops().get(i);
            String at = "`hops[" + i + "]`";
            if (h == null) {
                errors.add(at + " is null.");
                continue;
            }
            require(
                    h.transfer() >= 0 && h.transfer() <= stages.size(),
                    errors,
                    at + " belongs to transfer " + h.transfer() + ", outside 0.." + stages.size() + ".");
            require(
                    h.transfer() >= previous,
                    errors,
                    at + " (transfer " + h.transfer() + ") comes after a hop of transfer " + previous
                            + "; hops are listed in pipeline order.");
            previous = Math.max(previous, h.transfer());
            require(h.from() != null && h.to() != null, errors, at + " needs `from` and `to`.");
            require(
                    h.rateBps() > 0 && Double.isFinite(h.rateBps()),
                    errors,
                    at + " has `rate_bps` " + h.rateBps() + "; it must be a positive finite number.");
            require(finiteNonNegative(h.delayS()), errors, at + " has `delay_s` " + h.delayS() + "; it must be ≥ 0.");
            require(
                    finiteNonNegative(h.bytesPerMicrobatch()) && finiteNonNegative(h.predictedServiceS()),
                    errors,
                    at + " has a negative or non-finite `bytes_per_microbatch` or `predicted_service_s`.");
        }
    }

    private static final java.util.Set<String> IO_KINDS =
            java.util.Set.of(ModelIo.ENCODER, ModelIo.DECODER, ModelIo.TENSOR);

    private static void checkIo(BundleManifest m, List<String> errors) {
        ModelIo io = m.io();
        if (io == null) {
            return;
        }
        require(
                IO_KINDS.contains(io.kind()),
                errors,
                "`io.kind` is `" + io.kind() + "`; it must be one of encoder, decoder, tensor.");
        if (io.inputs() == null || io.inputs().isEmpty()) {
            errors.add("`io.inputs` must list at least the first stage's input.");
            return;
        }
        for (int i = 0; i < io.inputs().size(); i++) {
            descriptor(io.inputs().get(i), "`io.inputs[" + i + "]`", errors);
        }
        if (!m.stages().isEmpty()
                && m.stages().get(0) != null
                && m.stages().get(0).input() != null
                && io.inputs().get(0) != null) {
            require(
                    io.inputs().get(0).equals(m.stages().get(0).input()),
                    errors,
                    "`io.inputs[0]` must equal the "
                            + "first stage's `input`, the frame every message from the source starts with.");
        }
        if (io.sinkInputs() == null) {
            errors.add("`io.sink_inputs` must be a list (possibly empty).");
        } else {
            for (String name : io.sinkInputs()) {
                require(
                        io.input(name).isPresent(),
                        errors,
                        "`io.sink_inputs` names `" + name + "`, which `io.inputs` does not list.");
            }
        }
        require(io.sequence() >= 1, errors, "`io.sequence` is " + io.sequence() + "; it must be at least 1.");
        require(
                io.tokenizer() != null || !ModelIo.DECODER.equals(io.kind()),
                errors,
                "A decoder bundle needs `io.tokenizer` to turn generated ids back into text.");
        if (io.tokenizer() != null) {
            modelPath(io.tokenizer(), "`io.tokenizer`", errors);
        }
        if (io.samples() != null) {
            modelPath(io.samples(), "`io.samples`", errors);
        }
    }

    private static boolean finiteNonNegative(double x) {
        return Double.isFinite(x) && x >= 0;
    }

    private static void require(boolean ok, List<String> errors, String message) {
        if (!ok) {
            errors.add(message);
        }
    }

    private static void descriptor(TensorDescriptor d, String at, List<String> errors) {
        if (d == null) {
            errors.add(at + " is missing.");
            return;
        }
        boolean positive =
                d.shape() != null && !d.shape().isEmpty() && d.shape().stream().allMatch(x -> x != null && x >= 1);
        require(positive, errors, at + " has shape " + d.shape() + "; it needs 1 to 8 positive dimensions.");
        require(
                d.shape() == null || d.shape().size() <= 8,
                errors,
                at + " has rank " + (d.shape() == null ? 0 : d.shape().size())
                        + "; frames carry at most 8 dimensions.");
        require(d.name() != null && d.dtype() != null, errors, at + " needs a `name` and a `dtype`.");
    }

    private static void codec(String spec, String at, List<String> errors) {
        if (spec == null) {
            errors.add(at + " is missing; use \"none\" for an uncompressed cut.");
            return;
        }
        if (CodecSpec.parse(spec) instanceof ParsedCodecSpec.Invalid invalid) {
            errors.add(at + " is not a codec spec: " + invalid.message());
        }
    }

    private static void modelPath(ModelFile model, String at, List<String> errors) {
        if (model.path() == null || model.sha256() == null) {
            errors.add(at + " needs both `path` and `sha256`; use `\"model\": null` for a simulation stage.");
            return;
        }
        Path p = Path.of(model.path());
        require(
                !p.isAbsolute() && p.normalize().equals(p) && !model.path().startsWith(".."),
                errors,
                at + " path `" + model.path() + "` must be relative to the bundle and stay inside it.");
        require(
                model.sha256().matches("[0-9a-fA-F]{64}"),
                errors,
                at + " sha256 `" + model.sha256() + "` is not 64 hex digits.");
    }

    /** The file's bytes if they match the manifest's SHA-256; else an error, and empty. */
    private static Optional<byte[]> verify(Path directory, BundleFile f, List<String> errors) {
        ModelFile model = f.file();
        Path file = directory.resolve(model.path());
        if (!Files.isRegularFile(file)) {
            errors.add(f.describe() + " is missing from the bundle.");
            return Optional.empty();
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                errors.add(f.describe() + " is " + size + " bytes; files over 2 GiB cannot be loaded from memory.");
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            errors.add(f.describe() + " cannot be read: " + e.getMessage() + ".");
            return Optional.empty();
        }
        String actual = sha256(bytes);
        String expected = model.sha256().toLowerCase(Locale.ROOT);
        if (!actual.equals(expected)) {
            errors.add(f.describe() + " has SHA-256 " + actual + " but the manifest expects " + expected
                    + "; the file is corrupt or was changed after compilation.");
            return Optional.empty();
        }
        return Optional.of(bytes);
    }

    /** The largest file a Java array (and ONNX Runtime's in-memory session) holds. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    /** Lowercase hex SHA-256 of bytes in memory. */
    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** Lowercase hex SHA-256 of a file, streamed so multi-gigabyte models need no heap. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
