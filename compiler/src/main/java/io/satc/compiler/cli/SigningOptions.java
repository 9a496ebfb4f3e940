package io.satc.compiler.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.satc.compiler.codegen.BundleCompiler;
import io.satc.runtime.trust.Keys;
import io.satc.runtime.trust.MissionKeys;
import io.satc.runtime.trust.SatcHome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --sign KEY} and {@code --bundle-version N} of {@code satc compile}. KEY is a mission key
 * folder ({@link MissionKeys}: signing key, mission CA, node identities) or its signing.key.
 * Without a key the per-user development folder signs ({@code $SATC_HOME/dev}, made on first use),
 * which the runtime trusts by default on the same account. The bundle version defaults to one more than the last
 * this key signed for the mission, recorded in the key folder's {@code versions.json}.
 */
final class SigningOptions {

    static final String VERSIONS_FILE = "versions.json";

    @Option(
            names = "--sign",
            paramLabel = "KEY",
            description =
                    "The key folder made by `satc keys new` (or its signing.key). Default: the development key in "
                            + "~/.satc/dev ($SATC_HOME moves ~/.satc), made on first use; fine for this machine, not for flight.")
    Path key;

    @Option(
            names = "--bundle-version",
            paramLabel = "N",
            description = "The bundle's version (≥ 1); a runtime with --state refuses a lower one than it accepted. "
                    + "Default: one more than the last version this key signed for the mission.")
    Long bundleVersion;

    /** The signing for {@code mission}, or empty after printing why not. */
    Optional<BundleCompiler.Signing> resolve(String mission, PrintWriter err) {
        Path dir = keyDirectory();
        try {
            MissionKeys keys;
            if (key == null && !Files.exists(dir.resolve(Keys.PRIVATE_FILE))) {
                keys = MissionKeys.create(dir);
                err.println("satc: made the development signing key in " + dir
                        + "; bundles compiled without --sign run on this account only (see docs/security.md).");
            } else if (key != null && !Files.isDirectory(key) && !Files.isRegularFile(key)) {
                err.println("satc: cannot sign with `" + key + "`: the key file `" + key + "` does not exist.");
                return Optional.empty();
            } else {
                keys = MissionKeys.open(dir);
            }
            if (bundleVersion != null && bundleVersion < 1) {
                err.println("satc: --bundle-version must be at least 1, got " + bundleVersion + ".");
                return Optional.empty();
            }
            long version = bundleVersion != null ? bundleVersion : last(dir, mission) + 1;
            return Optional.of(new BundleCompiler.Signing(keys.signing(), version, keys));
        } catch (IOException | Keys.KeyException e) {
            err.println("satc: cannot sign with `" + (key == null ? dir : key) + "`: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Remembers that {@code version} of {@code mission} was signed, so the next default is higher. */
    void record(String mission, long version, PrintWriter err) {
        Path file = keyDirectory().resolve(VERSIONS_FILE);
        try {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = Files.exists(file) && mapper.readTree(file.toFile()) instanceof ObjectNode o
                    ? o
                    : mapper.createObjectNode();
            if (root.path(mission).asLong(0) < version) {
                root.put(mission, version);
                Files.writeString(file, root.toPrettyString() + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            err.println("satc: warning: could not record bundle version " + version + " in `" + file + "` ("
                    + e.getMessage() + "); pass --bundle-version next time.");
        }
    }

    /** The folder of the key (and its versions file): --sign's folder, the key file's folder, or the development key's. */
    private Path keyDirectory() {
        if (key == null) {
            return SatcHome.devKeys();
        }
        Path parent = key.toAbsolutePath().getParent();
        return Files.isDirectory(key) || parent == null ? key : parent;
    }

    private static long last(Path dir, String mission) throws IOException {
        Path file = dir.resolve(VERSIONS_FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        return root == null ? 0 : root.path(mission).asLong(0);
    }
}
