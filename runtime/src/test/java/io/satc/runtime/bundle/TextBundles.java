package io.satc.runtime.bundle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Three-stage bundles with text inputs for tests of the real-model paths (tokenizers, side
 * inputs, generation, labelled outputs) without ONNX models: the stages are simulated, so the
 * outputs are deterministic functions of the inputs, and a run on one process and one on three
 * must agree exactly.
 */
public final class TextBundles {

    /** b, samples per micro-batch. */
    public static final int MICRO_BATCH_SIZE = 2;

    public static final int MICRO_BATCHES = 2;

    /** Tokens or characters per sample. */
    public static final int SEQUENCE = 16;

    /** The characters of the decoder's table after id 0 (unknown). */
    private static final String CHARACTERS = "\n abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ,.";

    private TextBundles() {}

    private static TensorDescriptor ids(String name) {
        return new TensorDescriptor(name, List.of(MICRO_BATCH_SIZE, SEQUENCE), "int64");
    }

    private static TensorDescriptor hidden(String name, int width) {
        return new TensorDescriptor(name, List.of(MICRO_BATCH_SIZE, SEQUENCE, width), "float32");
    }

    /**
     * A character-level decoder on {@code leo-1 → leo-2 → leo-3} with a table of
     * {@code CHARACTERS.length() + 1} ids; {@code samples} lines as its bundled samples, or none.
     */
    public static Bundle decoder(Path dir, List<String> samples) throws IOException {
        Files.createDirectories(dir.resolve("model"));
        StringBuilder stoi = new StringBuilder();
        StringBuilder itos = new StringBuilder("\"<unk>\"");
        for (int i = 0; i < CHARACTERS.length(); i++) {
            String c = CHARACTERS.substring(i, i + 1).replace("\n", "\\n");
            stoi.append(i == 0 ? "" : ", ").append('"').append(c).append("\": ").append(i + 1);
            itos.append(", \"").append(c).append('"');
        }
        Files.writeString(
                dir.resolve("model/vocab.json"),
                "{\"type\": \"char\", \"stoi\": {" + stoi + "}, \"itos\": [" + itos + "]}\n",
                StandardCharsets.UTF_8);
        ModelFile sampleFile = samples.isEmpty() ? null : samplesFile(dir, samples);
        int vocabulary = CHARACTERS.length() + 1;
        ModelIo io = new ModelIo(
                ModelIo.DECODER,
                List.of(ids("input_ids")),
                List.of(),
                SEQUENCE,
                new BundleWriter().modelFile(dir, "model/vocab.json"),
                sampleFile);
        List<TensorDescriptor> chain =
                List.of(ids("input_ids"), hidden("h1", 8), hidden("h2", 8), hidden("logits", vocabulary));
        return write(dir, "test-text-decoder", io, chain, List.of(List.of(), List.of(), List.of()));
    }

    /**
     * A WordPiece encoder (the all-MiniLM-L6-v2 tokenizer from the test classpath) whose stage 3
     * reads {@code attention_mask} and whose sink pools with it, so the mask travels through
     * stages 1 and 2 as a side input they do not read; with bundled samples.
     */
    public static Bundle encoder(Path dir, List<String> samples) throws IOException {
        Files.createDirectories(dir.resolve("model"));
        try (InputStream in = TextBundles.class.getResourceAsStream("/all-minilm-l6-v2-tokenizer.json")) {
            if (in == null) {
                throw new IllegalStateException("the MiniLM tokenizer is not on the test classpath");
            }
            Files.copy(in, dir.resolve("model/tokenizer.json"));
        }
        ModelIo io = new ModelIo(
                ModelIo.ENCODER,
                List.of(ids("input_ids"), ids("attention_mask"), ids("token_type_ids")),
                List.of("attention_mask"),
                SEQUENCE,
                new BundleWriter().modelFile(dir, "model/tokenizer.json"),
                samplesFile(dir, samples));
        List<TensorDescriptor> chain =
                List.of(ids("input_ids"), hidden("h1", 8), hidden("h2", 8), hidden("last_hidden_state", 8));
        return write(
                dir,
                "test-text-encoder",
                io,
                chain,
                List.of(List.of(ids("token_type_ids")), List.of(), List.of(ids("attention_mask"))));
    }

    private static ModelFile samplesFile(Path dir, List<String> samples) throws IOException {
        Files.createDirectories(dir.resolve("inputs"));
        Files.writeString(dir.resolve("inputs/samples.txt"), String.join("\n", samples) + "\n", StandardCharsets.UTF_8);
        return new BundleWriter().modelFile(dir, "inputs/samples.txt");
    }

    private static Bundle write(
            Path dir, String mission, ModelIo io, List<TensorDescriptor> chain, List<List<TensorDescriptor>> side)
            throws IOException {
        List<BundleStage> stages = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            stages.add(new BundleStage(
                    k,
                    "leo-" + k,
                    k - 1,
                    k - 1,
                    1e12,
                    1e9,
                    0.002,
                    chain.get(k - 1),
                    chain.get(k),
                    side.get(k - 1),
                    "none",
                    "none",
                    null));
        }
        ObjectNode plan = JsonNodeFactory.instance.objectNode();
        plan.put("format_version", 1);
        plan.put("mission", mission);
        BundleManifest manifest = new BundleManifest(
                BundleManifest.FORMAT_VERSION,
                mission,
                "0".repeat(64),
                1,
                MICRO_BATCHES * MICRO_BATCH_SIZE,
                MICRO_BATCHES,
                MICRO_BATCH_SIZE,
                plan,
                io,
                stages,
                List.of(),
                new Prediction(0.002 * (MICRO_BATCHES + 2), "stage 1 on leo-1", 0));
        new BundleWriter().write(dir, manifest);
        BundleRead read = new BundleReader().read(dir);
        if (read instanceof BundleRead.Loaded loaded) {
            return loaded.bundle();
        }
        throw new AssertionError("test bundle rejected: " + ((BundleRead.Rejected) read).errors());
    }
}
