package io.satc.runtime.bundle;

import java.util.ArrayList;
import java.util.List;

/** A file a manifest names, with what it is for: what {@link BundleReader} verifies and keeps. */
public sealed interface BundleFile permits BundleFile.StageModel, BundleFile.Tokenizer, BundleFile.Samples {

    ModelFile file();

    /** How messages name it, e.g. {@code Model file `stages/leo-c/model.onnx` of stage 2 on leo-c}. */
    String describe();

    /** The ONNX part a stage runs. */
    record StageModel(BundleStage stage, ModelFile file) implements BundleFile {
        @Override
        public String describe() {
            return "Model file `" + file.path() + "` of " + stage.resourceName();
        }
    }

    /** The tokenizer or character table of the model ({@code io.tokenizer}). */
    record Tokenizer(ModelFile file) implements BundleFile {
        @Override
        public String describe() {
            return "Tokenizer file `" + file.path() + "` of the model";
        }
    }

    /** The inputs a run uses when it is given none ({@code io.samples}). */
    record Samples(ModelFile file) implements BundleFile {
        @Override
        public String describe() {
            return "Sample input file `" + file.path() + "` of the bundle";
        }
    }

    /** Every file {@code manifest} names: the stages' models in order, then the tokenizer and the samples. */
    static List<BundleFile> of(BundleManifest manifest) {
        List<BundleFile> files = new ArrayList<>();
        for (BundleStage s : manifest.stages()) {
            s.modelFile().ifPresent(f -> files.add(new StageModel(s, f)));
        }
        manifest.modelIo().ifPresent(io -> {
            if (io.tokenizer() != null) {
                files.add(new Tokenizer(io.tokenizer()));
            }
            if (io.samples() != null) {
                files.add(new Samples(io.samples()));
            }
        });
        return files;
    }

    /** Which of a bundle's files a command verifies and loads, decided on the checked manifest. */
    @FunctionalInterface
    interface Selection {
        boolean wants(BundleManifest manifest, BundleFile file);

        /** Every file: what {@code satc run} verifies. */
        static Selection all() {
            return (manifest, file) -> true;
        }
    }
}
