package io.satc.runtime.bundle;

import io.satc.runtime.trust.BundleStatement;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A deployment bundle that passed the checks of {@link BundleReader}: its folder, its manifest,
 * and the bytes of the files it was read for, exactly as their SHA-256 was verified. A run loads
 * a model or tokenizer from these bytes, never from the folder again, so what runs is what was
 * verified even if the file changes afterwards.
 */
public final class Bundle {

    private final Path directory;
    private final BundleManifest manifest;
    private final Map<String, byte[]> verified;
    private final Optional<BundleStatement> statement;

    /**
     * @param directory the bundle folder; file paths in the manifest are relative to it
     * @param manifest  the parsed and validated {@code manifest.json}
     * @param verified  the verified files' bytes by manifest path (kept, not copied)
     */
    public Bundle(Path directory, BundleManifest manifest, Map<String, byte[]> verified) {
        this(directory, manifest, verified, Optional.empty());
    }

    /** @param statement the signed statement the bundle was verified against, when it was */
    public Bundle(
            Path directory,
            BundleManifest manifest,
            Map<String, byte[]> verified,
            Optional<BundleStatement> statement) {
        this.directory = directory;
        this.manifest = manifest;
        this.verified = new TreeMap<>(verified);
        this.statement = statement;
    }

    /** The signed statement this bundle was verified against; empty when it was read without a signature check. */
    public Optional<BundleStatement> statement() {
        return statement;
    }

    public Path directory() {
        return directory;
    }

    public BundleManifest manifest() {
        return manifest;
    }

    /** Where a file named in the manifest lies, for messages; read it with {@link #bytes}. */
    public Path resolve(ModelFile file) {
        return directory.resolve(file.path());
    }

    /** Whether {@code file} was verified when the bundle was read, so that {@link #bytes} has it. */
    public boolean verified(ModelFile file) {
        return verified.containsKey(file.path());
    }

    /**
     * The bytes of {@code file} whose SHA-256 the reader verified (not a copy: do not change them).
     *
     * @throws IllegalStateException if the bundle was read without this file (a caller's bug:
     *     the files a command uses are the ones it reads the bundle for)
     */
    public byte[] bytes(ModelFile file) {
        byte[] bytes = verified.get(file.path());
        if (bytes == null) {
            throw new IllegalStateException("`" + file.path() + "` was not verified when the bundle was read");
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "Bundle[" + directory + ", " + manifest.mission() + ", verified " + verified.keySet() + "]";
    }
}
