package io.satc.compiler.model.calibration;

import io.satc.compiler.model.ModelErrorKind;
import io.satc.compiler.model.ModelResult;
import io.satc.runtime.codec.CodecSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Calibration tables on disk, one `<key>.json` per request in a directory the caller chooses
 * (the CLI uses `~/.cache/satc/calibration`). The key is the SHA-256 of the model, calibration
 * text and tokenizer bytes, the codec labels, metric, sequence length, sample count, cuts, batch
 * size, output name, split options and {@link CalibrationTable#FORMAT_VERSION}. A file that does
 * not parse as a table for the request is ignored and rewritten.
 */
public final class CalibrationCache {
    private final Path directory;

    public CalibrationCache(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    public Path directory() {
        return directory;
    }

    /** The cached table for {@code request}, or a fresh calibration that is then stored. */
    public ModelResult<CalibrationTable> calibrate(CalibrationRequest request, Consumer<Progress> progress) {
        String key;
        try {
            key = key(request);
        } catch (IOException e) {
            return ModelResult.failed(
                    ModelErrorKind.UNREADABLE, "Cannot read the inputs of the calibration: " + e.getMessage());
        }
        Optional<CalibrationTable> hit = lookup(key).filter(t -> matches(t, request));
        if (hit.isPresent()) {
            return ModelResult.ok(hit.get());
        }
        ModelResult<CalibrationTable> fresh = Calibrator.calibrate(request, progress);
        fresh.map(table -> store(key, table));
        return fresh;
    }

    /** The table stored under {@code key}, if the file exists and is a valid table. */
    public Optional<CalibrationTable> lookup(String key) {
        Path file = fileFor(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return CalibrationTable.fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Where the table for {@code key} lives. */
    public Path fileFor(String key) {
        return directory.resolve(key + ".json");
    }

    /**
     * Writes the table through a temporary file and a rename, so a reader never sees half a file.
     * A cache that cannot be written costs only time, so failures are ignored.
     */
    private boolean store(String key, CalibrationTable table) {
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, key, ".tmp");
            Files.writeString(tmp, table.toJson(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, fileFor(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, fileFor(key), StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean matches(CalibrationTable table, CalibrationRequest request) {
        return table.metric().equals(request.metric().label())
                && table.sequenceLength() == request.sequenceLength()
                && table.codecs()
                        .equals(request.codecs().stream().map(CodecSpec::label).toList())
                && (request.cuts().isEmpty() || table.cuts().equals(request.cuts()));
    }

    /** The cache key of {@code request}: 64 lower-case hex digits. */
    public static String key(CalibrationRequest request) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        field(digest, "satc-calibration");
        field(digest, Integer.toString(CalibrationTable.FORMAT_VERSION));
        file(digest, request.model());
        file(digest, request.text());
        file(digest, request.tokenizer());
        for (CodecSpec c : request.codecs()) {
            field(digest, "codec " + c.label());
        }
        field(digest, "metric " + request.metric().label());
        field(digest, "sequence " + request.sequenceLength());
        field(digest, "samples " + request.maxSamples());
        field(digest, "cuts " + request.cuts());
        CalibrationOptions o = request.options();
        field(digest, "batch " + o.batchSize());
        field(digest, "output " + o.outputName().orElse(""));
        field(digest, "blocks " + o.split().blockPattern().orElse(""));
        field(digest, "main " + o.split().mainInput().orElse(""));
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A length-prefixed field, so that no two different requests hash the same byte stream. */
    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(longBytes(bytes.length));
        digest.update(bytes);
    }

    private static void file(MessageDigest digest, Path path) throws IOException {
        digest.update(longBytes(Files.size(path)));
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }
}
