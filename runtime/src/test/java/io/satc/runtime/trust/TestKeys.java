package io.satc.runtime.trust;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;

/** Deterministic Ed25519 keys for tests: the same seed, the same key, so signed test bundles are reproducible. */
public final class TestKeys {

    private TestKeys() {}

    /** The key pair made from {@code seed}. */
    public static KeyPair pair(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The signing key made from {@code seed}. */
    public static BundleSigner.SigningKey signing(long seed) {
        KeyPair p = pair(seed);
        return new BundleSigner.SigningKey(p.getPrivate(), p.getPublic());
    }
}
