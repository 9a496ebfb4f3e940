package io.satc.compiler.model.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.satc.compiler.model.ModelErrorKind;
import io.satc.compiler.model.ModelResult;
import io.satc.runtime.text.BatchEncoding;
import io.satc.runtime.text.CharVocabulary;
import io.satc.runtime.text.WordPieceTokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The model inputs of a calibration text at one sequence length: {@code samples} rows of
 * {@code sequenceLength} int64 values per named graph input (row-major), and the mask of real
 * positions the metric reads.
 *
 * <p>A WordPiece tokenizer gives one sample per non-blank line (`input_ids`, `attention_mask`,
 * `token_type_ids`, truncated and padded to the length). A character table gives `input_ids`
 * only: the lines, whitespace runs collapsed to one space, joined with `\n` as the corpus was,
 * cut into consecutive windows of the length (the incomplete tail is dropped); unknown characters
 * become id 0 and every position is real. Both are deterministic: file order, no sampling.
 */
public record CalibrationSet(
        TokenizerFormat format, int sequenceLength, int samples, Map<String, long[]> inputs, long[] mask) {
    public CalibrationSet {
        if (sequenceLength < 1 || samples < 1) {
            throw new IllegalArgumentException(samples + " samples of length " + sequenceLength);
        }
        TreeMap<String, long[]> sorted = new TreeMap<>(inputs);
        for (Map.Entry<String, long[]> e : sorted.entrySet()) {
            if (e.getValue().length != samples * sequenceLength) {
                throw new IllegalArgumentException("input `" + e.getKey() + "` has " + e.getValue().length
                        + " values, not " + samples + " x " + sequenceLength);
            }
        }
        if (mask.length != samples * sequenceLength) {
            throw new IllegalArgumentException("mask has " + mask.length + " values");
        }
        inputs = Collections.unmodifiableMap(sorted);
    }

    /** Every sample of {@code text}. */
    public static ModelResult<CalibrationSet> load(Path text, Path tokenizer, int sequenceLength) {
        return load(text, tokenizer, sequenceLength, Integer.MAX_VALUE);
    }

    /** The first {@code maxSamples} samples of {@code text}, tokenised as {@code tokenizer} says. */
    public static ModelResult<CalibrationSet> load(Path text, Path tokenizer, int sequenceLength, int maxSamples) {
        if (sequenceLength < 1 || maxSamples < 1) {
            return ModelResult.failed(
                    ModelErrorKind.INVALID_CUT,
                    "The sequence length (" + sequenceLength + ") and sample count (" + maxSamples
                            + ") must be at least 1.");
        }
        List<String> lines;
        JsonNode vocabulary;
        try {
            lines = lines(Files.readString(text, StandardCharsets.UTF_8));
            vocabulary = new ObjectMapper().readTree(tokenizer.toFile());
        } catch (IOException e) {
            return ModelResult.failed(
                    ModelErrorKind.UNREADABLE,
                    "Cannot read the calibration text `"
                            + text.getFileName() + "` or tokenizer `" + tokenizer.getFileName() + "`: "
                            + e.getMessage());
        }
        if (lines.isEmpty()) {
            return ModelResult.failed(
                    ModelErrorKind.UNREADABLE,
                    "The calibration text `" + text.getFileName() + "` has no non-blank line.");
        }
        Optional<TokenizerFormat> format = TokenizerFormat.of(vocabulary);
        if (format.equals(Optional.of(TokenizerFormat.CHAR))) {
            return chars(lines, CharVocabulary.of(vocabulary), sequenceLength, maxSamples, text);
        }
        if (format.equals(Optional.of(TokenizerFormat.WORDPIECE))) {
            try {
                return wordPiece(lines, WordPieceTokenizer.fromTokenizerJson(tokenizer), sequenceLength, maxSamples);
            } catch (IOException | RuntimeException e) {
                return ModelResult.failed(
                        ModelErrorKind.UNREADABLE,
                        "Cannot use the tokenizer `" + tokenizer.getFileName() + "`: " + e.getMessage());
            }
        }
        return ModelResult.failed(
                ModelErrorKind.UNREADABLE,
                "The tokenizer `"
                        + tokenizer.getFileName() + "` is neither a HuggingFace WordPiece `tokenizer.json` nor"
                        + " a character table with a `stoi` object.");
    }

    /** The rows {@code [from, to)} of one input, as a new array. */
    public long[] rows(String input, int from, int to) {
        return Arrays.copyOfRange(inputs.get(input), from * sequenceLength, to * sequenceLength);
    }

    private static List<String> lines(String content) {
        List<String> lines = new ArrayList<>();
        for (String line : content.split("\n", -1)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                lines.add(trimmed);
            }
        }
        return lines;
    }

    private static ModelResult<CalibrationSet> wordPiece(
            List<String> lines, WordPieceTokenizer tokenizer, int length, int maxSamples) {
        List<String> used = lines.subList(0, Math.min(maxSamples, lines.size()));
        BatchEncoding batch = tokenizer.encodeBatch(used, length);
        Map<String, long[]> inputs = new HashMap<>();
        inputs.put("input_ids", batch.flatInputIds());
        inputs.put("attention_mask", batch.flatAttentionMask());
        inputs.put("token_type_ids", batch.flatTokenTypeIds());
        return ModelResult.ok(
                new CalibrationSet(TokenizerFormat.WORDPIECE, length, used.size(), inputs, batch.flatAttentionMask()));
    }

    private static ModelResult<CalibrationSet> chars(
            List<String> lines, CharVocabulary vocabulary, int length, int maxSamples, Path text) {
        List<String> normalised = new ArrayList<>();
        for (String line : lines) {
            normalised.add(CharVocabulary.normalise(line));
        }
        int[] codePoints = String.join("\n", normalised).codePoints().toArray();
        int windows = Math.min(maxSamples, codePoints.length / length);
        if (windows == 0) {
            return ModelResult.failed(
                    ModelErrorKind.UNREADABLE,
                    "The calibration text `"
                            + text.getFileName() + "` has " + codePoints.length
                            + " characters, fewer than the sequence length " + length + ".");
        }
        long[] inputIds = new long[windows * length];
        for (int i = 0; i < inputIds.length; i++) {
            inputIds[i] = vocabulary.id(codePoints[i]);
        }
        long[] mask = new long[inputIds.length];
        Arrays.fill(mask, 1L);
        return ModelResult.ok(
                new CalibrationSet(TokenizerFormat.CHAR, length, windows, Map.of("input_ids", inputIds), mask));
    }
}
