package io.satc.compiler.lower;

import io.satc.compiler.model.calibration.Progress;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where lowering caches measured calibration tables and whom it tells about progress (the CLI
 * draws a bar). The default cache is {@code $SATC_CACHE}, else {@code $XDG_CACHE_HOME/satc}, else
 * {@code ~/.cache/satc}.
 */
public record LoweringOptions(Path cacheDirectory, Consumer<Progress> progress) {

    public static LoweringOptions defaults() {
        return new LoweringOptions(defaultCache(), p -> {});
    }

    public LoweringOptions withProgress(Consumer<Progress> listener) {
        return new LoweringOptions(cacheDirectory, listener);
    }

    public LoweringOptions withCache(Path directory) {
        return new LoweringOptions(directory, progress);
    }

    static Path defaultCache() {
        String explicit = System.getProperty("satc.cache", System.getenv("SATC_CACHE"));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit, "calibration");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("satc").resolve("calibration");
    }
}
