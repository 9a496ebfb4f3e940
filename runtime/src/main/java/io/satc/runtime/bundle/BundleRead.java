package io.satc.runtime.bundle;

import io.satc.runtime.trust.Refusal;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of {@link BundleReader#read}: a verified bundle, every reason it was rejected, or
 * the one reason its signature check refused it.
 */
public sealed interface BundleRead permits BundleRead.Loaded, BundleRead.Rejected, BundleRead.Refused {

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

    /**
     * The bundle failed its signature check ({@code docs/security.md}): nothing in it was loaded.
     *
     * @param refusal the stable reason and one sentence
     */
    record Refused(Path directory, Refusal refusal) implements BundleRead {}
}
