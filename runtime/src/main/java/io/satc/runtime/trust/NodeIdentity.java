package io.satc.runtime.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A node's TLS identity: its ECDSA key and the certificate the mission CA issued for it, kept in
 * an identity folder as {@code NODE.key} and {@code NODE.crt} (the {@code nodes/} folder of a
 * mission key, or only a node's own pair on the satellite).
 */
public record NodeIdentity(String node, PrivateKey key, X509Certificate certificate) {

    /** Where the development identities are: the development key's {@code nodes/} folder. */
    public static Path devFolder() {
        return SatcHome.devKeys().resolve(MissionKeys.NODES);
    }

    /** {@code node}'s identity from {@code folder}. */
    public static NodeIdentity load(Path folder, String node) throws IOException, Keys.KeyException {
        Path key = folder.resolve(fileName(node) + ".key");
        Path cert = folder.resolve(fileName(node) + ".crt");
        if (!Files.isRegularFile(key) || !Files.isRegularFile(cert)) {
            throw new Keys.KeyException(node + " has no TLS identity in `" + folder + "` (" + key.getFileName()
                    + " and " + cert.getFileName()
                    + "); pass --identity DIR, the `nodes` folder of the key that signed the bundle.");
        }
        return new NodeIdentity(node, Keys.readPrivate(key, "EC"), Certificates.read(cert));
    }

    /** A node's name as a file name: itself when it is plain, else its hex UTF-8 bytes. */
    static String fileName(String node) {
        if (node.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")) {
            return node;
        }
        return "x-" + java.util.HexFormat.of().formatHex(node.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
