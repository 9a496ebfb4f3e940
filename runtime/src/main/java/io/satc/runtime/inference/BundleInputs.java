package io.satc.runtime.inference;

import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleManifest;
import io.satc.runtime.bundle.ModelIo;
import io.satc.runtime.bundle.TensorDescriptor;
import io.satc.runtime.codec.Activation;
import io.satc.runtime.codec.LongTensor;
import io.satc.runtime.codec.Tensor;
import io.satc.runtime.pipeline.StageInput;
import io.satc.runtime.text.BatchEncoding;
import io.satc.runtime.text.CharVocabulary;
import io.satc.runtime.text.WordPieceTokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns what a user gives {@code satc run} into what the source sends: text lines through the
 * bundle's tokenizer, or a {@code .npy} tensor of the whole batch, split into micro-batches.
 */
public final class BundleInputs {

    private BundleInputs() {}

    /** The non-blank lines of a text input (1 … B of them). */
    public static List<String> readLines(Path file, int batch) throws InputException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException("Cannot read the input `" + file + "`: " + e.getMessage() + ".");
        }
        return lines(content, file.toString(), batch);
    }

    /** The non-blank lines (1 … B of them) of a text input's bytes, named {@code file} in messages. */
    static List<String> lines(byte[] bytes, String file, int batch) throws InputException {
        String content;
        try {
            content = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputException("The input `" + file + "` is not UTF-8 text.");
        }
        List<String> lines = new ArrayList<>();
        for (String line : content.split("\n", -1)) {
            String normalised = CharVocabulary.normalise(line);
            if (!normalised.isEmpty()) {
                lines.add(normalised);
            }
        }
        if (lines.isEmpty()) {
            throw new InputException("The input `" + file + "` has no non-blank line; give one sample per line.");
        }
        if (lines.size() > batch) {
            throw new InputException(
                    "The input `" + file + "` has " + lines.size() + " samples, but the bundle's batch holds " + batch
                            + "; give at most " + batch + " lines or recompile with a larger batch.");
        }
        return lines;
    }

    /** The bundle's own samples ({@code io.samples}), for a run without {@code --input}. */
    public static List<String> bundledSamples(Bundle bundle) throws InputException {
        ModelIo io = bundle.manifest().modelIo().orElseThrow();
        if (io.samples() == null) {
            throw new InputException(
                    "This bundle ships no sample inputs (its mission had no calibration text); pass --input FILE "
                            + "with one sample per line.");
        }
        return lines(
                bundle.bytes(io.samples()),
                bundle.resolve(io.samples()).toString(),
                bundle.manifest().batch());
    }

    /**
     * An encoder's inputs: every line tokenised to the bundle's sequence length; the batch is
     * filled up with empty texts, whose outputs are not reported.
     */
    public static List<StageInput> encoder(BundleManifest manifest, WordPieceTokenizer tokenizer, List<String> texts) {
        ModelIo io = manifest.modelIo().orElseThrow();
        List<String> padded = new ArrayList<>(texts);
        while (padded.size() < manifest.batch()) {
            padded.add("");
        }
        BatchEncoding batch = tokenizer.encodeBatch(padded, io.sequence());
        Map<String, long[]> values = new LinkedHashMap<>();
        values.put("input_ids", batch.flatInputIds());
        values.put("attention_mask", batch.flatAttentionMask());
        values.put("token_type_ids", batch.flatTokenTypeIds());
        return split(manifest, io, values);
    }

    /**
     * A decoder's inputs for one generation step: each sample's last {@code sequence} characters
     * at positions 0…n−1, the rest padded with id 0 (the model is causal, so the logits at n−1
     * do not see the padding).
     *
     * @param lastPositions filled with n−1 for every sample of the batch
     */
    public static List<StageInput> decoder(
            BundleManifest manifest, CharVocabulary vocabulary, List<String> texts, int[] lastPositions) {
        List<StageInput> inputs = new ArrayList<>();
        for (int i = 0; i < manifest.microBatches(); i++) {
            inputs.add(decoderMicroBatch(manifest, vocabulary, texts, i, lastPositions));
        }
        return inputs;
    }

    /** {@link #decoder} for micro-batch {@code i} alone (samples {@code i·b … i·b+b−1}). */
    public static StageInput decoderMicroBatch(
            BundleManifest manifest, CharVocabulary vocabulary, List<String> texts, int i, int[] lastPositions) {
        int t = manifest.modelIo().orElseThrow().sequence();
        int b = manifest.microBatchSize();
        long[] ids = new long[b * t];
        for (int row = 0; row < b; row++) {
            int r = i * b + row;
            long[] all = vocabulary.encode(decoderText(texts, r));
            int n = Math.min(all.length, t);
            System.arraycopy(all, all.length - n, ids, row * t, n);
            lastPositions[r] = n - 1;
        }
        return StageInput.of(LongTensor.of(ids, b, t));
    }

    /**
     * The position whose logits predict the next character of sample {@code r}: the last of its
     * window, as {@link #decoderMicroBatch} lays it out.
     */
    public static int lastPosition(List<String> texts, int r, int sequence) {
        String text = decoderText(texts, r);
        return Math.min(text.codePointCount(0, text.length()), sequence) - 1;
    }

    /** Sample {@code r}'s text; a padding row of the batch holds a single newline. */
    private static String decoderText(List<String> texts, int r) {
        return r < texts.size() ? texts.get(r) : "\n";
    }

    /** A tensor input of the whole batch, {@code [B, …]}, split along its first axis. */
    public static List<StageInput> tensor(BundleManifest manifest, TensorDescriptor first, Activation whole, Path file)
            throws InputException {
        int[] perMicroBatch = first.dimensions();
        int[] expected = perMicroBatch.clone();
        expected[0] = perMicroBatch[0] * manifest.microBatches();
        if (!Arrays.equals(whole.shape(), expected) || !whole.dtypeName().equals(first.dtype())) {
            throw new InputException(String.format(
                    Locale.ROOT,
                    "The input `%s` is %s%s, but the bundle's input `%s` " + "takes %s%s for its batch of %d.",
                    file,
                    whole.dtypeName(),
                    Arrays.toString(whole.shape()),
                    first.name(),
                    first.dtype(),
                    Arrays.toString(expected),
                    manifest.batch()));
        }
        int m = manifest.microBatches();
        int size = whole.elementCount() / m;
        List<StageInput> inputs = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            Activation part = whole instanceof Tensor f
                    ? Tensor.of(Arrays.copyOfRange(f.data(), i * size, (i + 1) * size), perMicroBatch)
                    : LongTensor.of(
                            Arrays.copyOfRange(((LongTensor) whole).data(), i * size, (i + 1) * size), perMicroBatch);
            inputs.add(StageInput.of(part));
        }
        return inputs;
    }

    /** Cuts flat {@code [B, T]} int64 inputs into M micro-batches, in the order of {@code io.inputs}. */
    private static List<StageInput> split(BundleManifest manifest, ModelIo io, Map<String, long[]> values) {
        int m = manifest.microBatches();
        List<StageInput> inputs = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            Activation main = null;
            Map<String, Activation> side = new LinkedHashMap<>();
            for (int k = 0; k < io.inputs().size(); k++) {
                TensorDescriptor d = io.inputs().get(k);
                long[] all = values.get(d.name());
                if (all == null) {
                    throw new IllegalArgumentException(
                            "The tokenizer gives no `" + d.name() + "`, which the model reads.");
                }
                int size = (int) d.elementCount();
                LongTensor part = LongTensor.of(Arrays.copyOfRange(all, i * size, (i + 1) * size), d.dimensions());
                if (k == 0) {
                    main = part;
                } else {
                    side.put(d.name(), part);
                }
            }
            inputs.add(new StageInput(main, side));
        }
        return inputs;
    }
}
