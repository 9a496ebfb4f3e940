package io.satc.runtime.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The public keys whose signatures a runtime accepts, by key id: from {@code --trust} (a
 * {@code .pub} file or a folder of them), or by default the per-user trust folder and the
 * development key ({@link SatcHome}).
 */
public final class TrustStore {

    private final Map<String, PublicKey> keys;
    private final String origin;

    private TrustStore(Map<String, PublicKey> keys, String origin) {
        this.keys = Collections.unmodifiableMap(keys);
        this.origin = origin;
    }

    /** Exactly the keys in {@code paths}: each a public key file or a folder of {@code *.pub} files. */
    public static TrustStore of(List<Path> paths) throws IOException, Keys.KeyException {
        Map<String, PublicKey> keys = new TreeMap<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> found = publicKeys(p);
                if (found.isEmpty()) {
                    throw new Keys.KeyException("The trust folder `" + p + "` holds no `*.pub` key.");
                }
                for (Path f : found) {
                    add(keys, Keys.readPublic(f));
                }
            } else {
                add(keys, Keys.readPublic(p));
            }
        }
        return new TrustStore(keys, "--trust");
    }

    /**
     * The default: every {@code *.pub} in {@code $SATC_HOME/trusted/}, and the development key
     * {@code $SATC_HOME/dev/signing.pub} when it exists, so that what {@code satc compile} signs
     * without a key runs on the same account with no options.
     */
    public static TrustStore defaults() throws IOException, Keys.KeyException {
        Map<String, PublicKey> keys = new TreeMap<>();
        if (Files.isDirectory(SatcHome.trusted())) {
            for (Path f : publicKeys(SatcHome.trusted())) {
                add(keys, Keys.readPublic(f));
            }
        }
        Path dev = SatcHome.devKeys().resolve(Keys.PUBLIC_FILE);
        if (Files.isRegularFile(dev)) {
            add(keys, Keys.readPublic(dev));
        }
        return new TrustStore(keys, "`" + SatcHome.trusted() + "` and the development key `" + dev + "`");
    }

    /** Only {@code key}. */
    public static TrustStore ofKey(PublicKey key) {
        Map<String, PublicKey> keys = new TreeMap<>();
        add(keys, key);
        return new TrustStore(keys, "one key");
    }

    private static void add(Map<String, PublicKey> keys, PublicKey key) {
        keys.put(Keys.id(key), key);
    }

    private static List<Path> publicKeys(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".pub") && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        }
    }

    public Optional<PublicKey> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** Where the keys came from, for messages. */
    public String origin() {
        return origin;
    }

    /** The trusted ids, shortened, for messages. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        keys.keySet().forEach(id -> ids.add(Keys.shortId(id)));
        return ids;
    }
}
