package io.satc.runtime.trust;

import java.nio.file.Path;

/**
 * The per-user satc directory: {@code $SATC_HOME}, else {@code ~/.satc}. It holds the development
 * key that {@code satc compile} signs with when given no key ({@code dev/}), and the public keys a
 * runtime trusts when given no {@code --trust} ({@code trusted/*.pub}, plus the development key).
 */
public final class SatcHome {

    /** The environment variable that moves the directory (tests point it into target/). */
    public static final String VARIABLE = "SATC_HOME";

    private SatcHome() {}

    public static Path directory() {
        String set = System.getenv(VARIABLE);
        if (set != null && !set.isBlank()) {
            return Path.of(set);
        }
        return Path.of(System.getProperty("user.home"), ".satc");
    }

    /** The development key directory: signing.key, signing.pub (and the development mission CA). */
    public static Path devKeys() {
        return directory().resolve("dev");
    }

    /** Public keys trusted by default, one {@code *.pub} each. */
    public static Path trusted() {
        return directory().resolve("trusted");
    }
}
