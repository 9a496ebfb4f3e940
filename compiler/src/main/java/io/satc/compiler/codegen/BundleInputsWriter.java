package io.satc.compiler.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.satc.compiler.model.calibration.TokenizerFormat;
import io.satc.compiler.sema.AnalyzedMission;
import io.satc.runtime.bundle.ModelFile;
import io.satc.runtime.bundle.ModelIo;
import io.satc.runtime.text.CharVocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Copies what a real-model bundle needs to turn text into inputs: the tokenizer, and sample
 * inputs taken from the mission's calibration text so that {@code satc run} works without
 * {@code --input}. An encoder's samples are the first B sentences; a decoder's are prompts, the
 * first {@value #PROMPT_WORDS} words of the first B lines.
 */
final class BundleInputsWriter {

    static final int PROMPT_WORDS = 6;
    static final String SAMPLES = "inputs/samples.txt";

    /** What was written, or why nothing could be. */
    record Written(String kind, ModelFile tokenizer, ModelFile samples, String samplesNote, Optional<String> failure) {}

    private BundleInputsWriter() {}

    static Written write(AnalyzedMission mission, Path dir, long batch) throws IOException {
        Optional<Path> tokenizerFile = mission.model().tokenizer();
        if (tokenizerFile.isEmpty()) {
            return new Written(ModelIo.TENSOR, null, null, null, Optional.empty());
        }
        Path source = tokenizerFile.get();
        byte[] tokenizerBytes;
        JsonNode root;
        try {
            tokenizerBytes = Files.readAllBytes(source);
            root = new ObjectMapper().readTree(tokenizerBytes);
        } catch (IOException e) {
            return failed("Cannot read the tokenizer `" + source.getFileName() + "`: " + e.getMessage());
        }
        Optional<TokenizerFormat> format = TokenizerFormat.of(root);
        if (format.isEmpty()) {
            return failed("The tokenizer `" + source.getFileName() + "` is neither a HuggingFace WordPiece "
                    + "`tokenizer.json` nor a character table with a `stoi` object.");
        }
        String kind = format.get() == TokenizerFormat.CHAR ? ModelIo.DECODER : ModelIo.ENCODER;
        ModelFile tokenizer = BundleFiles.write(dir, "model/" + source.getFileName(), tokenizerBytes);

        Optional<Path> calibration = mission.accuracy().calibration();
        if (calibration.isEmpty()) {
            return new Written(kind, tokenizer, null, null, Optional.empty());
        }
        List<String> lines = new ArrayList<>();
        for (String line :
                Files.readString(calibration.get(), StandardCharsets.UTF_8).split("\n", -1)) {
            String normalised = CharVocabulary.normalise(line);
            if (!normalised.isEmpty() && lines.size() < batch) {
                lines.add(kind.equals(ModelIo.DECODER) ? prompt(normalised) : normalised);
            }
        }
        if (lines.isEmpty()) {
            return new Written(kind, tokenizer, null, null, Optional.empty());
        }
        ModelFile samples =
                BundleFiles.write(dir, SAMPLES, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        String note = kind.equals(ModelIo.DECODER)
                ? lines.size() + " prompts (the first " + PROMPT_WORDS + " words of lines of `"
                        + calibration.get().getFileName() + "`), used when `satc run` gets no --input"
                : lines.size() + " sentences from `" + calibration.get().getFileName()
                        + "`, used when `satc run` gets no --input";
        return new Written(kind, tokenizer, samples, note, Optional.empty());
    }

    private static String prompt(String line) {
        String[] words = line.split(" ");
        return String.join(" ", Arrays.asList(words).subList(0, Math.min(PROMPT_WORDS, words.length)));
    }

    private static Written failed(String reason) {
        return new Written(null, null, null, null, Optional.of(reason));
    }
}
