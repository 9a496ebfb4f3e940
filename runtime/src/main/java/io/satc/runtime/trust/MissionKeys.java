package io.satc.runtime.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

/**
 * A mission key folder ({@code satc keys new DIR}): the Ed25519 signing key
 * ({@code signing.key}, {@code signing.pub}), the mission CA ({@code ca.key}, an Ed25519 key, and
 * its self-signed {@code ca.crt}), and the nodes' TLS identities it issued ({@code nodes/NODE.key},
 * {@code nodes/NODE.crt}), each made the first time a bundle names the node and reused after, so
 * that a folder signs the same bundle every time.
 */
public final class MissionKeys implements NodeAuthority {

    public static final String CA_KEY = "ca.key";
    public static final String CA_CERTIFICATE = "ca.crt";
    public static final String NODES = "nodes";

    private final Path dir;
    private final BundleSigner.SigningKey signing;
    private final PrivateKey caKey;
    private final X509Certificate ca;

    private MissionKeys(Path dir, BundleSigner.SigningKey signing, PrivateKey caKey, X509Certificate ca) {
        this.dir = dir;
        this.signing = signing;
        this.caKey = caKey;
        this.ca = ca;
    }

    /** Makes a new key folder; refuses one that holds a signing key already. */
    public static MissionKeys create(Path dir) throws IOException, Keys.KeyException {
        if (Files.exists(dir.resolve(Keys.PRIVATE_FILE))) {
            throw new Keys.KeyException("`" + dir.resolve(Keys.PRIVATE_FILE)
                    + "` exists; a key is never overwritten (bundles it signed would no longer verify).");
        }
        Keys.write(dir, Keys.generate());
        addCa(dir);
        return open(dir);
    }

    /** Opens a key folder; one with a signing key but no CA (made before there were links to secure) gets one. */
    public static MissionKeys open(Path dir) throws IOException, Keys.KeyException {
        BundleSigner.SigningKey signing =
                new BundleSigner.SigningKey(Keys.readPrivate(dir), Keys.readPublic(dir.resolve(Keys.PUBLIC_FILE)));
        if (!Files.exists(dir.resolve(CA_KEY))) {
            addCa(dir);
        }
        return new MissionKeys(
                dir,
                signing,
                Keys.readPrivate(dir.resolve(CA_KEY), Keys.ALGORITHM),
                Certificates.read(dir.resolve(CA_CERTIFICATE)));
    }

    private static void addCa(Path dir) throws IOException {
        KeyPair pair = Keys.generate();
        Keys.writePrivate(dir.resolve(CA_KEY), pair.getPrivate());
        Certificates.write(
                dir.resolve(CA_CERTIFICATE), Certificates.selfSignedCa(pair, Keys.shortId(Keys.id(pair.getPublic()))));
    }

    public Path directory() {
        return dir;
    }

    public BundleSigner.SigningKey signing() {
        return signing;
    }

    @Override
    public X509Certificate ca() {
        return ca;
    }

    /** {@code node}'s certificate: the one in {@code nodes/} if this CA issued it, else a new key and certificate. */
    @Override
    public X509Certificate certificate(String node) throws IOException {
        Path folder = dir.resolve(NODES);
        Path cert = folder.resolve(NodeIdentity.fileName(node) + ".crt");
        if (Files.isRegularFile(cert)) {
            try {
                NodeIdentity existing = NodeIdentity.load(folder, node);
                existing.certificate().verify(ca.getPublicKey());
                return existing.certificate();
            } catch (Keys.KeyException | java.security.GeneralSecurityException e) {
                // Not this CA's, or damaged: issue a fresh one below.
            }
        }
        Files.createDirectories(folder);
        KeyPair pair = Certificates.nodeKey(new SecureRandom());
        X509Certificate issued = Certificates.issue(caKey, ca, node, pair.getPublic());
        Keys.writePrivate(folder.resolve(NodeIdentity.fileName(node) + ".key"), pair.getPrivate());
        Certificates.write(cert, issued);
        return issued;
    }
}
