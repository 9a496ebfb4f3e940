package io.satc.runtime.cli;

import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.transport.MutualTls;
import io.satc.runtime.trust.BundleStatement;
import io.satc.runtime.trust.Certificates;
import io.satc.runtime.trust.Keys;
import io.satc.runtime.trust.NodeIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A node's mutual TLS for a verified bundle: the mission CA from the bundle (checked against the
 * hash its signed statement names), the pinned keys from the statement, and the node's own
 * identity, which must carry the key pinned for it.
 */
final class NodeTls {

    private NodeTls() {}

    /** Empty when the bundle's statement pins no TLS keys (its links are then plaintext). */
    static Optional<MutualTls> of(Bundle bundle, String node, Path identities, Consumer<String> log)
            throws IOException, Keys.KeyException {
        BundleStatement.TlsPins pins =
                bundle.statement().map(BundleStatement::tls).orElse(null);
        if (pins == null) {
            return Optional.empty();
        }
        String pin = pins.nodeKeys().get(node);
        if (pin == null) {
            throw new Keys.KeyException("The bundle pins no TLS key for " + node + ", so no peer would accept it.");
        }
        Path caFile = bundle.directory().resolve(BundleStatement.CA_FILE);
        X509Certificate ca = Certificates.fromPem(Files.readAllBytes(caFile), caFile.toString());
        if (!Certificates.fingerprint(ca).equals(pins.caSha256())) {
            throw new Keys.KeyException("`" + caFile + "` is not the mission CA the signed statement names.");
        }
        NodeIdentity identity = NodeIdentity.load(identities, node);
        if (!Certificates.pin(identity.certificate()).equals(pin)) {
            throw new Keys.KeyException("The TLS identity of " + node + " in `" + identities
                    + "` is not the one the bundle pins for it; use the identity the bundle was compiled with.");
        }
        try {
            identity.certificate().verify(ca.getPublicKey());
        } catch (java.security.GeneralSecurityException e) {
            throw new Keys.KeyException(
                    "The TLS certificate of " + node + " in `" + identities + "` was not issued by the mission CA.");
        }
        return Optional.of(new MutualTls(node, identity.key(), identity.certificate(), ca, pins.nodeKeys(), log));
    }
}
