package io.satc.compiler.model.calibration;

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

/**
 * Calibration records on disk, one `<key>.json` per request in a directory the caller chooses
 * (the CLI uses `~/.cache/satc/calibration`). The key is the SHA-256 of the model's SHA-256, the
 * calibration text and tokenizer bytes, the codec labels, metric, sequence length, sample count,
 * cuts, batch size, output name, split options and {@link CalibrationTable#FORMAT_VERSION}. A
 * file that does not parse as a record is no hit; {@link CalibrationSession} rewrites it.
 */
public final class CalibrationCache {
    private final Path directory;

    public CalibrationCache(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    public Path directory() {
        return directory;
    }

    /** The record stored under {@code key}, if the file exists and is a valid record. */
    public Optional<CalibrationRecord> lookup(String key) {
        Path file = fileFor(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return CalibrationRecord.fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Where the record for {@code key} lives. */
    public Path fileFor(String key) {
        return directory.resolve(key + ".json");
    }

    /**
     * Writes the record through a temporary file and a rename, so a reader never sees half a file.
     * A cache that cannot be written costs only time, so failures are ignored (and reported as
     * {@code false}). Two commands storing the same key at once keep the last one's record.
     */
    public boolean store(String key, CalibrationRecord record) {
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, key, ".tmp");
            Files.writeString(tmp, record.toJson(), StandardCharsets.UTF_8);
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

    /** Whether a stored table answers {@code request} (a safeguard: the key already covers all of it). */
    static boolean matches(CalibrationTable table, CalibrationRequest request) {
        return table.metric().equals(request.metric().label())
                && table.sequenceLength() == request.sequenceLength()
                && table.codecs().equals(request.codecs())
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
        field(digest, "model " + request.model().sha256());
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
        field(digest, "blocks " + request.model().options().blockPattern().orElse(""));
        field(digest, "main " + request.model().options().mainInput().orElse(""));
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
