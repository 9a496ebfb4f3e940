package io.satc.runtime.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.satc.runtime.codec.CodecSpec;
import io.satc.runtime.codec.ParsedCodecSpec;
import io.satc.runtime.trust.BundleStatement;
import io.satc.runtime.trust.BundleTrust;
import io.satc.runtime.trust.Refusal;
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

    private final Optional<BundleTrust> trust;

    /**
     * A reader that checks the manifest's hashes only, for bundles whose origin the caller
     * already trusts (tests, the compiler reading back what it wrote). The commands use
     * {@link #BundleReader(BundleTrust)}.
     */
    public BundleReader() {
        this.trust = Optional.empty();
    }

    /**
     * A reader that first authenticates the bundle's signed statement and checks every file
     * against it ({@link BundleTrust}); a bundle failing that is {@link BundleRead.Refused}
     * before its manifest is parsed.
     */
    public BundleReader(BundleTrust trust) {
        this.trust = Optional.of(trust);
    }

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
        Optional<BundleTrust.Signed> signed = Optional.empty();
        if (trust.isPresent()) {
            BundleTrust.Opened opened = trust.get().open(directory);
            if (opened instanceof BundleTrust.Refused r) {
                return new BundleRead.Refused(directory, r.refusal());
            }
            signed = Optional.of((BundleTrust.Signed) opened);
        }
        Path file = directory.resolve(BundleWriter.MANIFEST);
        if (!Files.isRegularFile(file)) {
            return signed.isPresent()
                    ? new BundleRead.Refused(
                            directory,
                            signed.get().missing(BundleWriter.MANIFEST).orElseThrow())
                    : rejected(
                            directory,
                            "Bundle `" + directory + "` has no `" + BundleWriter.MANIFEST
                                    + "`; is this a bundle folder written by `satc compile`?");
        }
        byte[] manifestBytes;
        try {
            manifestBytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return rejected(directory, "`" + file + "` cannot be read: " + e.getMessage() + ".");
        }
        if (signed.isPresent()) {
            Optional<Refusal> changed = signed.get().check(BundleWriter.MANIFEST, manifestBytes);
            if (changed.isPresent()) {
                return new BundleRead.Refused(directory, changed.get());
            }
        }
        Parsed parsed = parse(directory, file, manifestBytes);
        if (parsed.rejected() != null) {
            return parsed.rejected();
        }
        BundleManifest manifest = parsed.manifest();
        List<String> errors = new ArrayList<>();
        check(manifest, errors);
        if (!errors.isEmpty()) {
            return new BundleRead.Rejected(directory, errors);
        }
        if (signed.isPresent()) {
            Optional<Refusal> mismatch = signed.get().checkMission(manifest.mission());
            if (mismatch.isPresent()) {
                return new BundleRead.Refused(directory, mismatch.get());
            }
        }
        Map<String, BundleFile> named = new LinkedHashMap<>();
        for (BundleFile f : BundleFile.of(manifest)) {
            named.putIfAbsent(f.file().path(), f);
        }
        Map<String, byte[]> verified = new LinkedHashMap<>();
        for (BundleFile f : named.values()) {
            if (!selection.wants(manifest, f)) {
                continue;
            }
            String path = f.file().path();
            if (signed.isPresent()
                    && signed.get().statement().file(path) != null
                    && !signed.get().present(path)) {
                return new BundleRead.Refused(
                        directory, signed.get().missing(path).orElseThrow());
            }
            Optional<byte[]> bytes = load(directory, f, errors);
            if (bytes.isEmpty()) {
                continue;
            }
            // The signature first: a changed file is a refusal, whatever the manifest says.
            if (signed.isPresent()) {
                Optional<Refusal> changed = signed.get().check(path, bytes.get());
                if (changed.isPresent()) {
                    return new BundleRead.Refused(directory, changed.get());
                }
            }
            if (matches(f, bytes.get(), errors)) {
                verified.put(path, bytes.get());
            }
        }
        if (signed.isPresent() && errors.isEmpty()) {
            Optional<Refusal> refusal = checkOthers(signed.get(), manifest, named, selection);
            if (refusal.isEmpty()) {
                refusal = signed.get().commit();
            }
            if (refusal.isPresent()) {
                return new BundleRead.Refused(directory, refusal.get());
            }
        }
        return errors.isEmpty()
                ? new BundleRead.Loaded(
                        new Bundle(directory, manifest, verified, signed.map(BundleTrust.Signed::statement)))
                : new BundleRead.Rejected(directory, errors);
    }

    /**
     * Every signed file not already read: hashed as it streams by. Another stage's part, which
     * this command does not load, may be absent (a satellite may carry only its own), but if it is
     * there it must be the signed one.
     */
    private static Optional<Refusal> checkOthers(
            BundleTrust.Signed signed,
            BundleManifest manifest,
            Map<String, BundleFile> named,
            BundleFile.Selection selection) {
        for (String path : signed.paths()) {
            if (path.equals(BundleWriter.MANIFEST)) {
                continue;
            }
            BundleFile f = named.get(path);
            if (f != null && selection.wants(manifest, f)) {
                continue;
            }
            if (f instanceof BundleFile.StageModel && !signed.present(path)) {
                continue;
            }
            Optional<Refusal> refusal = signed.checkStreamed(path);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /** A manifest parsed and bound, or why not. */
    private record Parsed(BundleManifest manifest, BundleRead.Rejected rejected) {}

    /** JSON, format version, binding: checks 2 to 4. */
    private static Parsed parse(Path directory, Path file, byte[] manifestBytes) {
        JsonNode root;
        try {
            root = ManifestJson.MAPPER.readTree(manifestBytes);
        } catch (JsonProcessingException e) {
            return new Parsed(
                    null,
                    rejected(
                            directory,
                            "`" + file + "` is not valid JSON: " + e.getOriginalMessage() + location(e) + "."));
        } catch (IOException e) {
            return new Parsed(null, rejected(directory, "`" + file + "` cannot be read: " + e.getMessage() + "."));
        }
        if (root == null || !root.isObject()) {
            return new Parsed(null, rejected(directory, "`" + file + "` must hold a JSON object."));
        }
        JsonNode version = root.path("format_version");
        if (!version.isIntegralNumber()) {
            return new Parsed(null, rejected(directory, "`" + file + "` has no integer `format_version`."));
        }
        if (version.asLong() > BundleManifest.FORMAT_VERSION) {
            return new Parsed(
                    null,
                    rejected(
                            directory,
                            "Bundle format version " + version.asLong()
                                    + " is newer than this runtime, which reads version "
                                    + BundleManifest.FORMAT_VERSION + "; run it with a newer satc."));
        }
        if (version.asLong() < 1) {
            return new Parsed(
                    null,
                    rejected(
                            directory,
                            "Bundle format version " + version.asLong() + " is invalid; versions start at 1."));
        }
        if (version.asLong() == 1) {
            upgradeFromVersion1((com.fasterxml.jackson.databind.node.ObjectNode) root);
        }
        try {
            return new Parsed(ManifestJson.MAPPER.treeToValue(root, BundleManifest.class), null);
        } catch (JsonProcessingException e) {
            return new Parsed(
                    null,
                    rejected(
                            directory,
                            "`" + file + "` does not follow manifest format " + BundleManifest.FORMAT_VERSION + ": "
                                    + e.getOriginalMessage() + location(e) + "."));
        }
    }

    /**
     * A contingency of {@code main} (docs/bundle-format.md, "Contingencies"): the manifest at
     * {@code manifestPath} inside the bundle and the files {@code selection} wants of it, each
     * read once, checked against the signed statement {@code main} was verified with (when it
     * was) and against the contingency's manifest, and kept. Read when a node switches to it, so
     * nothing it loads can have changed since it was checked.
     */
    public BundleRead contingency(Bundle main, String manifestPath, BundleFile.Selection selection) {
        Path directory = main.directory();
        Path file = directory.resolve(manifestPath);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return rejected(directory, "`" + file + "` cannot be read: " + e.getMessage() + ".");
        }
        Optional<Refusal> changed = againstStatement(main, manifestPath, bytes);
        if (changed.isPresent()) {
            return new BundleRead.Refused(directory, changed.get());
        }
        Parsed parsed = parse(directory, file, bytes);
        if (parsed.rejected() != null) {
            return parsed.rejected();
        }
        List<String> errors = new ArrayList<>();
        check(parsed.manifest(), errors);
        if (!parsed.manifest().mission().equals(main.manifest().mission())) {
            errors.add("`" + manifestPath + "` is for mission `"
                    + parsed.manifest().mission() + "`, not `" + main.manifest().mission() + "`.");
        }
        Map<String, byte[]> verified = new LinkedHashMap<>();
        if (errors.isEmpty()) {
            for (BundleFile f : BundleFile.of(parsed.manifest())) {
                if (!selection.wants(parsed.manifest(), f)
                        || verified.containsKey(f.file().path())) {
                    continue;
                }
                Optional<byte[]> loaded = load(directory, f, errors);
                if (loaded.isEmpty()) {
                    continue;
                }
                changed = againstStatement(main, f.file().path(), loaded.get());
                if (changed.isPresent()) {
                    return new BundleRead.Refused(directory, changed.get());
                }
                if (matches(f, loaded.get(), errors)) {
                    verified.put(f.file().path(), loaded.get());
                }
            }
        }
        return errors.isEmpty()
                ? new BundleRead.Loaded(new Bundle(directory, parsed.manifest(), verified, main.statement()))
                : new BundleRead.Rejected(directory, errors);
    }

    /**
     * The bundle's contingencies ({@code contingencies.json}), checked against the signed
     * statement it was verified with; an empty index when the bundle has none.
     *
     * @throws IllegalArgumentException with a sentence when the file was changed or does not parse
     */
    public ContingencyIndex contingencies(Bundle bundle) {
        Path file = bundle.directory().resolve(ContingencyIndex.FILE);
        if (!Files.isRegularFile(file)) {
            return new ContingencyIndex(ContingencyIndex.FORMAT_VERSION, List.of());
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("`" + file + "` cannot be read: " + e.getMessage() + ".");
        }
        Optional<Refusal> changed = againstStatement(bundle, ContingencyIndex.FILE, bytes);
        if (changed.isPresent()) {
            throw new IllegalArgumentException(changed.get().toString());
        }
        return ContingencyIndex.parse(bytes);
    }

    /** {@code bytes} of {@code path} against the statement {@code bundle} was verified with, if any. */
    private static Optional<Refusal> againstStatement(Bundle bundle, String path, byte[] bytes) {
        if (bundle.statement().isEmpty()) {
            return Optional.empty();
        }
        BundleStatement.FileEntry entry = bundle.statement().get().file(path);
        String sha = sha256(bytes);
        if (entry == null || !entry.sha256().equals(sha) || entry.bytes() != bytes.length) {
            return Optional.of(new Refusal(
                    Refusal.Reason.CHANGED_FILE,
                    "`" + path + "` of bundle `" + bundle.directory() + "` is not the file the signed statement lists"
                            + " (SHA-256 " + sha.substring(0, 16) + "…); it was changed after signing."));
        }
        return Optional.empty();
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

    private static BundleRead.Rejected rejected(Path directory, String error) {
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

    /** The file's bytes, read once into memory; else an error, and empty. */
    private static Optional<byte[]> load(Path directory, BundleFile f, List<String> errors) {
        Path file = directory.resolve(f.file().path());
        if (!Files.isRegularFile(file)) {
            errors.add(f.describe() + " is missing from the bundle.");
            return Optional.empty();
        }
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                errors.add(f.describe() + " is " + size + " bytes; files over 2 GiB cannot be loaded from memory.");
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            errors.add(f.describe() + " cannot be read: " + e.getMessage() + ".");
            return Optional.empty();
        }
    }

    /** Whether {@code bytes} have the manifest's SHA-256 for {@code f}; else an error. */
    private static boolean matches(BundleFile f, byte[] bytes, List<String> errors) {
        String actual = sha256(bytes);
        String expected = f.file().sha256().toLowerCase(Locale.ROOT);
        if (!actual.equals(expected)) {
            errors.add(f.describe() + " has SHA-256 " + actual + " but the manifest expects " + expected
                    + "; the file is corrupt or was changed after compilation.");
            return false;
        }
        return true;
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
