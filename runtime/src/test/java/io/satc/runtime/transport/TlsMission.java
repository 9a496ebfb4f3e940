package io.satc.runtime.transport;

import io.satc.runtime.trust.Certificates;
import io.satc.runtime.trust.TestKeys;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A mission CA with node identities for TLS tests: every node's key pinned, each node's refusals collected. */
final class TlsMission {

    final KeyPair caKey;
    final X509Certificate ca;
    final Map<String, KeyPair> keys = new TreeMap<>();
    final Map<String, X509Certificate> certificates = new TreeMap<>();
    final Map<String, String> pins = new TreeMap<>();
    final List<String> refusals = new CopyOnWriteArrayList<>();

    TlsMission(long seed, String... nodes) {
        caKey = TestKeys.pair(seed);
        ca = Certificates.selfSignedCa(caKey, "test");
        SecureRandom random = new SecureRandom();
        for (String node : nodes) {
            KeyPair pair = Certificates.nodeKey(random);
            keys.put(node, pair);
            X509Certificate cert = Certificates.issue(caKey.getPrivate(), ca, node, pair.getPublic());
            certificates.put(node, cert);
            pins.put(node, MutualTls.pin(cert));
        }
    }

    /** {@code node}'s side of the mission's TLS. */
    MutualTls tls(String node) {
        return new MutualTls(node, keys.get(node).getPrivate(), certificates.get(node), ca, pins, refusals::add);
    }

    /**
     * {@code node}'s name with another CA's certificate: it accepts this mission's servers (their
     * certificates are public) but presents a key this mission's CA never signed.
     */
    MutualTls impostor(String node, TlsMission other) {
        return new MutualTls(
                node, other.keys.get(node).getPrivate(), other.certificates.get(node), ca, pins, refusals::add);
    }
}
