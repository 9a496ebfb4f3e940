package io.satc.compiler.testing;

import io.satc.compiler.codegen.BundleCompiler;
import io.satc.runtime.trust.BundleSigner;
import io.satc.runtime.trust.TrustStore;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;

/** The fixed test signing key (deterministic, so signed bundles are golden) as version 1. */
public final class TestSigning {

    private static final KeyPair PAIR = pair();

    private TestSigning() {}

    private static KeyPair pair() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(1L);
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    public static BundleCompiler.Signing signing() {
        return new BundleCompiler.Signing(new BundleSigner.SigningKey(PAIR.getPrivate(), PAIR.getPublic()), 1);
    }

    /** Trust in the test key only. */
    public static TrustStore trust() {
        return TrustStore.ofKey(PAIR.getPublic());
    }
}
