package io.satc.runtime.cli;

import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleFile;
import io.satc.runtime.bundle.BundleRead;
import io.satc.runtime.bundle.BundleReader;
import io.satc.runtime.trust.BundleTrust;
import io.satc.runtime.trust.Keys;
import io.satc.runtime.trust.RollbackState;
import io.satc.runtime.trust.TrustStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --trust KEY} and {@code --state DIR}: whose signatures a bundle may carry, and where accepted versions are kept. */
public final class TrustOptions {

    @Option(
            names = "--trust",
            paramLabel = "KEY",
            description =
                    "A signer's public key (signing.pub, or a key folder) or a folder of *.pub files; repeatable. "
                            + "The bundle must be signed by one of them. Default: ~/.satc/trusted/*.pub and the development key "
                            + "that `satc compile` signs with when given no key ($SATC_HOME moves ~/.satc).")
    List<Path> trust = new ArrayList<>();

    @Option(
            names = "--state",
            paramLabel = "DIR",
            description = "Keep the highest bundle version accepted per mission in DIR and refuse a lower one (a "
                    + "rollback). Default: no rollback check.")
    Path state;

    /**
     * Reads {@code dir} for a command: its signature first, then the manifest and the files
     * {@code selection} wants. A refusal or rejection is printed, one sentence per problem.
     */
    Optional<Bundle> read(Path dir, BundleFile.Selection selection, String me, PrintWriter err) {
        BundleTrust checked;
        try {
            checked = trust();
        } catch (IOException | Keys.KeyException e) {
            err.println(me + ": " + e.getMessage());
            return Optional.empty();
        }
        BundleRead read = new BundleReader(checked).read(dir, selection);
        if (read instanceof BundleRead.Refused r) {
            err.println(me + ": " + r.refusal());
            return Optional.empty();
        }
        if (read instanceof BundleRead.Rejected r) {
            r.errors().forEach(e -> err.println(me + ": " + dir + ": " + e));
            return Optional.empty();
        }
        return Optional.of(((BundleRead.Loaded) read).bundle());
    }

    /** The trust these options describe. */
    BundleTrust trust() throws IOException, Keys.KeyException {
        TrustStore keys = trust.isEmpty() ? TrustStore.defaults() : TrustStore.of(trust);
        return new BundleTrust(keys, Optional.ofNullable(state).map(RollbackState::at));
    }
}
