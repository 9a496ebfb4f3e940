package io.satc.runtime.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Signs a finished bundle folder: hashes every file in it, writes {@code statement.json} and
 * signs it into {@code statement.sig}. The compiler calls it last, on the staging folder, so a
 * bundle appears with its signature or not at all.
 */
public final class BundleSigner {

    private BundleSigner() {}

    /** A signing key: both halves (the id is of the public one). */
    public record SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        public String id() {
            return Keys.id(publicKey);
        }
    }

    /** Signs {@code dir} as version {@code version} of {@code mission}; returns the statement written. */
    public static BundleStatement sign(
            Path dir, String mission, long version, SigningKey key, BundleStatement.TlsPins tls) throws IOException {
        if (version < 1) {
            throw new IllegalArgumentException("bundle versions start at 1, not " + version);
        }
        List<BundleStatement.FileEntry> files = new ArrayList<>();
        for (String path : files(dir)) {
            if (!BundleStatement.OWN_FILES.contains(path)) {
                byte[] bytes = Files.readAllBytes(dir.resolve(path));
                files.add(new BundleStatement.FileEntry(path, Keys.sha256(bytes), bytes.length));
            }
        }
        BundleStatement statement = new BundleStatement(mission, version, key.id(), files, tls);
        byte[] body = statement.toBytes();
        Files.write(dir.resolve(BundleStatement.FILE), body);
        Files.write(
                dir.resolve(BundleStatement.SIGNATURE_FILE),
                StatementSignature.sign(body, key.privateKey(), key.id()).toBytes());
        return statement;
    }

    /** Every regular file under {@code dir}, relative with {@code /} separators, sorted. */
    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}
