package io.satc.runtime.bundle;

import java.nio.file.Path;
import java.util.List;

/** The outcome of {@link BundleReader#read}: a verified bundle, or every reason it was rejected. */
public sealed interface BundleRead permits BundleRead.Loaded, BundleRead.Rejected {

    /** The bundle is well formed and every model file matches its SHA-256. */
    record Loaded(Bundle bundle) implements BundleRead {}

    /**
     * The bundle cannot be run.
     *
     * @param directory the folder that was read
     * @param errors    one sentence per problem, in the order found; never empty
     */
    record Rejected(Path directory, List<String> errors) implements BundleRead {
        public Rejected {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a rejected bundle needs at least one error");
            }
        }
    }
}
