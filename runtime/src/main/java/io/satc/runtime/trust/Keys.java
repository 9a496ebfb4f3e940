package io.satc.runtime.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 signing keys (the JDK's own, no extra library) as PEM files: the private key as
 * PKCS #8 ({@code signing.key}, readable by its owner only), the public key as X.509
 * SubjectPublicKeyInfo ({@code signing.pub}). A key's id is the SHA-256 of its public key's
 * encoding, in hex.
 */
public final class Keys {

    /** The signing key's file in a key directory. */
    public static final String PRIVATE_FILE = "signing.key";

    /** The public key's file in a key directory; this is what a node is given to trust. */
    public static final String PUBLIC_FILE = "signing.pub";

    public static final String ALGORITHM = "Ed25519";

    private Keys() {}

    /** A fresh Ed25519 key pair. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Java 17 provides Ed25519", e);
        }
    }

    /** {@code ed25519:} and the hex SHA-256 of the key's X.509 encoding. */
    public static String id(PublicKey key) {
        return "ed25519:" + sha256(key.getEncoded());
    }

    /** The first 16 hex digits of the id, for messages. */
    public static String shortId(String id) {
        int colon = id.indexOf(':');
        String hex = id.substring(colon + 1);
        return id.substring(0, colon + 1) + hex.substring(0, Math.min(16, hex.length()));
    }

    /** Writes {@code pair} into {@code dir} as signing.key (mode 600 where supported) and signing.pub. */
    public static void write(Path dir, KeyPair pair) throws IOException {
        Files.createDirectories(dir);
        writePrivate(dir.resolve(PRIVATE_FILE), pair.getPrivate());
        Files.writeString(
                dir.resolve(PUBLIC_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    }

    /** Writes a private key as PKCS #8 PEM, readable by its owner only where the file system says so. */
    public static void writePrivate(Path file, PrivateKey key) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its own access rules apply.
        }
        Files.writeString(file, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
    }

    /** The private key of a key directory or a .key file. */
    public static PrivateKey readPrivate(Path fileOrDir) throws IOException, KeyException {
        return readPrivate(Files.isDirectory(fileOrDir) ? fileOrDir.resolve(PRIVATE_FILE) : fileOrDir, ALGORITHM);
    }

    /** A PKCS #8 private key of {@code algorithm} ({@code Ed25519}, {@code EC}) from a PEM file. */
    public static PrivateKey readPrivate(Path file, String algorithm) throws IOException, KeyException {
        byte[] der = der(file, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new KeyException("`" + file + "` is not an " + algorithm + " private key (" + e.getMessage() + ").");
        }
    }

    /** The public key of a key directory or a .pub file. */
    public static PublicKey readPublic(Path fileOrDir) throws IOException, KeyException {
        Path file = Files.isDirectory(fileOrDir) ? fileOrDir.resolve(PUBLIC_FILE) : fileOrDir;
        return publicKey(der(file, "PUBLIC KEY"), file.toString());
    }

    /** An Ed25519 public key from its X.509 encoding. */
    public static PublicKey publicKey(byte[] der, String where) throws KeyException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new KeyException("`" + where + "` is not an Ed25519 public key (" + e.getMessage() + ").");
        }
    }

    /** PEM armour of {@code der}, lines of 64 characters. */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** The DER bytes inside the first PEM block of {@code type} in {@code file}. */
    public static byte[] der(Path file, String type) throws IOException, KeyException {
        if (!Files.isRegularFile(file)) {
            throw new KeyException("The key file `" + file + "` does not exist.");
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw new KeyException("`" + file + "` holds no PEM block `" + begin + "`.");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
        } catch (IllegalArgumentException ex) {
            throw new KeyException("`" + file + "` has a PEM block that is not base64.");
        }
    }

    /** Lowercase hex SHA-256. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Bytes(bytes));
    }

    static byte[] sha256Bytes(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** A key file that cannot be used; the message is one sentence naming it. */
    public static final class KeyException extends Exception {
        private static final long serialVersionUID = 1L;

        public KeyException(String message) {
            super(message);
        }
    }
}
