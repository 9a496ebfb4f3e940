package io.satc.compiler.testing;

import io.satc.compiler.codegen.BundleCompiler;
import io.satc.runtime.trust.BundleSigner;
import io.satc.runtime.trust.Certificates;
import io.satc.runtime.trust.NodeAuthority;
import io.satc.runtime.trust.TrustStore;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;

/** The fixed test signing key (deterministic, so signed bundles are golden) as version 1. */
public final class TestSigning {

    private static final KeyPair PAIR = pair(1L, "Ed25519");

    private TestSigning() {}

    private static KeyPair pair(long seed, String algorithm) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            g.initialize(NamedParameterSpec.ED25519, random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    public static BundleCompiler.Signing signing() {
        return new BundleCompiler.Signing(new BundleSigner.SigningKey(PAIR.getPrivate(), PAIR.getPublic()), 1, NODES);
    }

    private static final KeyPair CA = pair(2L, "Ed25519");
    private static final java.security.cert.X509Certificate CA_CERTIFICATE = Certificates.selfSignedCa(CA, "test");

    /** The test CA; each node's key is derived from its name, so certificates (and bundles) are reproducible. */
    private static final NodeAuthority NODES = new NodeAuthority() {
        @Override
        public java.security.cert.X509Certificate ca() {
            return CA_CERTIFICATE;
        }

        @Override
        public java.security.cert.X509Certificate certificate(String node) {
            try {
                SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
                random.setSeed(node.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return Certificates.issue(
                        CA.getPrivate(),
                        CA_CERTIFICATE,
                        node,
                        Certificates.nodeKey(random).getPublic());
            } catch (GeneralSecurityException e) {
                throw new AssertionError(e);
            }
        }
    };

    /** The test key's public half as a file in {@code dir}, for {@code --trust}. */
    public static java.nio.file.Path trustFile(java.nio.file.Path dir) throws java.io.IOException {
        return java.nio.file.Files.writeString(
                dir.resolve("test-signing.pub"),
                io.satc.runtime.trust.Keys.pem("PUBLIC KEY", PAIR.getPublic().getEncoded()));
    }

    /** Trust in the test key only. */
    public static TrustStore trust() {
        return TrustStore.ofKey(PAIR.getPublic());
    }
}
