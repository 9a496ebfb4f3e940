package io.satc.runtime.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * A BERT WordPiece tokenizer that reproduces HuggingFace {@code tokenizers} for the
 * configuration of all-MiniLM-L6-v2 and other BERT uncased models: added tokens, normaliser,
 * pre-tokenizer, WordPiece model, {@code [CLS] … [SEP]} template, truncation and padding.
 *
 * <p>Instances are immutable and keep no state between calls, so one can serve many threads.
 */
public final class WordPieceTokenizer {

    private final AddedTokens addedTokens;
    private final BertNormalizer normalizer;
    private final BertPreTokenizer preTokenizer;
    private final WordPieceModel model;
    private final PostProcessor postProcessor;
    private final Padding padding;
    private final OptionalInt configuredMaxLength;

    /**
     * A tokenizer from its parts; {@link #fromTokenizerJson(Path)} builds one from a file.
     *
     * @param configuredMaxLength the length the tokenizer.json truncates and pads to, if it says
     */
    public WordPieceTokenizer(
            AddedTokens addedTokens,
            BertNormalizer normalizer,
            BertPreTokenizer preTokenizer,
            WordPieceModel model,
            PostProcessor postProcessor,
            Padding padding,
            OptionalInt configuredMaxLength) {
        this.addedTokens = addedTokens;
        this.normalizer = normalizer;
        this.preTokenizer = preTokenizer;
        this.model = model;
        this.postProcessor = postProcessor;
        this.padding = padding;
        this.configuredMaxLength = configuredMaxLength;
    }

    /**
     * Reads a HuggingFace tokenizer.json.
     *
     * @throws TokenizerFormatException if the file is not a BERT WordPiece tokenizer.json
     * @throws IOException              if the file cannot be read
     */
    public static WordPieceTokenizer fromTokenizerJson(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return fromTokenizerJson(in);
        }
    }

    /**
     * Reads a HuggingFace tokenizer.json from a stream, which is left open.
     *
     * @throws TokenizerFormatException if the content is not a BERT WordPiece tokenizer.json
     * @throws IOException              if the stream cannot be read
     */
    public static WordPieceTokenizer fromTokenizerJson(InputStream in) throws IOException {
        return new TokenizerJsonReader().read(in);
    }

    /**
     * The tokens of {@code text} without special tokens, truncation or padding: added tokens
     * found verbatim, and the WordPiece pieces of every other word.
     */
    public List<String> tokenize(String text) {
        List<String> pieces = new ArrayList<>();
        for (Token t : tokens(text)) {
            pieces.add(t.piece());
        }
        return pieces;
    }

    /**
     * Encodes {@code text} to exactly {@code maxLength} positions: the template's special tokens
     * around the text's tokens, which are cut at the end if there are too many, then padding.
     *
     * @throws IllegalArgumentException if {@code maxLength} cannot even hold the special tokens
     */
    public Encoding encode(String text, int maxLength) {
        int specials = postProcessor.specialTokenCount();
        if (maxLength < specials) {
            throw new IllegalArgumentException(
                    "maxLength " + maxLength + " is less than the " + specials + " special tokens the template adds");
        }
        List<Token> body = tokens(text);
        if (body.size() > maxLength - specials) {
            body = body.subList(0, maxLength - specials);
        }
        List<String> tokens = new ArrayList<>(maxLength);
        long[] ids = new long[maxLength];
        long[] mask = new long[maxLength];
        long[] types = new long[maxLength];
        int at = 0;
        for (TemplateItem item : postProcessor.single()) {
            if (item instanceof TemplateItem.Special special) {
                tokens.add(special.token());
                ids[at] = special.id();
                mask[at] = 1;
                types[at] = special.typeId();
                at++;
            } else {
                for (Token t : body) {
                    tokens.add(t.piece());
                    ids[at] = t.id();
                    mask[at] = 1;
                    types[at] = item.typeId();
                    at++;
                }
            }
        }
        Arrays.fill(ids, at, maxLength, padding.id());
        Arrays.fill(types, at, maxLength, padding.typeId());
        while (tokens.size() < maxLength) {
            tokens.add(padding.token());
        }
        return new Encoding(tokens, ids, mask, types);
    }

    /** Encodes each text with {@link #encode(String, int)}; the rows keep the order of {@code texts}. */
    public BatchEncoding encodeBatch(List<String> texts, int maxLength) {
        List<Encoding> encodings = new ArrayList<>(texts.size());
        for (String text : texts) {
            encodings.add(encode(text, maxLength));
        }
        return new BatchEncoding(encodings);
    }

    /** The length the tokenizer.json truncates and pads to (128 for all-MiniLM-L6-v2), if any. */
    public OptionalInt configuredMaxLength() {
        return configuredMaxLength;
    }

    /** The WordPiece vocabulary. */
    public Vocabulary vocabulary() {
        return model.vocabulary();
    }

    /** The tokens matched verbatim before normalisation. */
    public AddedTokens addedTokens() {
        return addedTokens;
    }

    /** The text normaliser. */
    public BertNormalizer normalizer() {
        return normalizer;
    }

    /** The pre-tokenizer that splits normalised text into words. */
    public BertPreTokenizer preTokenizer() {
        return preTokenizer;
    }

    /** The model that splits each word into pieces. */
    public WordPieceModel model() {
        return model;
    }

    /** The special-token template. */
    public PostProcessor postProcessor() {
        return postProcessor;
    }

    /** What fills positions after the last token. */
    public Padding padding() {
        return padding;
    }

    private record Token(String piece, int id) {}

    private List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Vocabulary vocabulary = model.vocabulary();
        for (AddedTokens.Segment segment : addedTokens.split(text)) {
            if (segment.addedToken()) {
                tokens.add(new Token(segment.text(), addedTokens.ids().get(segment.text())));
                continue;
            }
            for (String word : preTokenizer.split(normalizer.normalize(segment.text()))) {
                for (String piece : model.tokenize(word)) {
                    tokens.add(new Token(piece, vocabulary.id(piece).getAsInt()));
                }
            }
        }
        return tokens;
    }
}
