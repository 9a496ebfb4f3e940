package io.satc.runtime.bundle;

import java.nio.file.Path;

/**
 * A deployment bundle that passed every check of {@link BundleReader}: its folder and manifest.
 *
 * @param directory the bundle folder; model paths in the manifest are relative to it
 * @param manifest  the parsed and validated {@code manifest.json}
 */
public record Bundle(Path directory, BundleManifest manifest) {

    /** The absolute location of a model file named in the manifest. */
    public Path resolve(ModelFile model) {
        return directory.resolve(model.path());
    }
}
