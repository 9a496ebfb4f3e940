package io.satc.runtime.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a manifest as {@code manifest.json} into a bundle folder; model files are the caller's
 * to place under {@code stages/<node>/}.
 */
public final class BundleWriter {

    /** The manifest's file name inside a bundle folder. */
    public static final String MANIFEST = "manifest.json";

    /** The manifest as the bytes {@link #write} stores: indented JSON, fields in schema order, final newline. */
    public String toJson(BundleManifest manifest) {
        try {
            return ManifestJson.MAPPER.writeValueAsString(manifest) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a manifest record could not be serialised", e);
        }
    }

    /** Creates {@code directory} if needed and writes its {@code manifest.json}. */
    public Path write(Path directory, BundleManifest manifest) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(MANIFEST);
        Files.writeString(file, toJson(manifest), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Describes a model file already placed in the bundle folder, computing its SHA-256.
     *
     * @param relativePath path inside {@code directory} with {@code /} separators
     */
    public ModelFile modelFile(Path directory, String relativePath) throws IOException {
        return new ModelFile(relativePath, BundleReader.sha256(directory.resolve(relativePath)));
    }
}
