package io.satc.compiler.codegen;

import io.satc.runtime.bundle.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Places files in a bundle folder and describes them for the manifest by the SHA-256 of the bytes
 * written: the bytes are in memory already, so nothing is read back to hash it.
 */
final class BundleFiles {

    private BundleFiles() {}

    /** Writes {@code bytes} to {@code relativePath} (with {@code /} separators) inside {@code directory}. */
    static ModelFile write(Path directory, String relativePath, byte[] bytes) throws IOException {
        Path file = directory.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return new ModelFile(relativePath, sha256(bytes));
    }

    /** Lower-case hex SHA-256, as the bundle reader checks it. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
