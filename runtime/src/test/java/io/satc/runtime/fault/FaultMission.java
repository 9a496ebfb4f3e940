package io.satc.runtime.fault;

import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.TextBundles;
import io.satc.runtime.trust.BundleSigner;
import io.satc.runtime.trust.BundleStatement;
import io.satc.runtime.trust.Certificates;
import io.satc.runtime.trust.Keys;
import io.satc.runtime.trust.MissionKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A flight-ready test mission as the fault tests run it: the three-stage text decoder on
 * {@code leo-1 → leo-2 → leo-3} (simulated stages, feedback from leo-3 to leo-1), signed with a
 * mission key whose CA issued each node's TLS identity, pinned in the statement.
 *
 * @param bundle     the signed bundle folder
 * @param trust      the signer's public key, for {@code --trust}
 * @param identities the nodes' TLS identities, for {@code --identity}
 * @param loaded     the bundle as read in this JVM, for the reference run
 */
record FaultMission(Path bundle, Path trust, Path identities, Bundle loaded) {

    static final List<String> NODES = List.of("leo-1", "leo-2", "leo-3");

    static FaultMission create(Path dir) throws IOException, Keys.KeyException {
        Path bundle = dir.resolve("bundle");
        Bundle loaded = TextBundles.decoder(bundle, List.of());
        MissionKeys keys = MissionKeys.create(dir.resolve("keys"));
        Files.createDirectories(bundle.resolve("tls"));
        Certificates.write(bundle.resolve(BundleStatement.CA_FILE), keys.ca());
        Map<String, String> pins = new TreeMap<>();
        for (String node : NODES) {
            pins.put(node, Certificates.pin(keys.certificate(node)));
        }
        BundleSigner.sign(
                bundle,
                loaded.manifest().mission(),
                1,
                keys.signing(),
                new BundleStatement.TlsPins(Certificates.fingerprint(keys.ca()), pins));
        return new FaultMission(
                bundle,
                dir.resolve("keys").resolve(Keys.PUBLIC_FILE),
                dir.resolve("keys").resolve(MissionKeys.NODES),
                loaded);
    }
}
