package io.satc.runtime.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads a HuggingFace tokenizer.json into a {@link WordPieceTokenizer}, accepting only the BERT
 * WordPiece components that tokenizer reproduces and naming the first one it does not.
 */
final class TokenizerJsonReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    WordPieceTokenizer read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new TokenizerFormatException("tokenizer.json is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new TokenizerFormatException("tokenizer.json does not hold a JSON object");
        }
        WordPieceModel model = model(required(root, "model"));
        AddedTokens addedTokens = addedTokens(root.path("added_tokens"));
        BertNormalizer normalizer = normalizer(required(root, "normalizer"));
        preTokenizer(required(root, "pre_tokenizer"));
        PostProcessor postProcessor = postProcessor(required(root, "post_processor"), model.vocabulary());
        Padding padding = padding(root.path("padding"), model.vocabulary());
        return new WordPieceTokenizer(
                addedTokens, normalizer, new BertPreTokenizer(), model, postProcessor, padding, maxLength(root));
    }

    private static JsonNode required(JsonNode parent, String field) throws TokenizerFormatException {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            throw new TokenizerFormatException("tokenizer.json has no `" + field + "`");
        }
        return node;
    }

    private static String type(JsonNode component) {
        return component.path("type").asText("");
    }

    private static WordPieceModel model(JsonNode node) throws TokenizerFormatException {
        String type = type(node);
        if (!type.isEmpty() && !type.equals("WordPiece")) {
            throw new TokenizerFormatException("model type `" + type + "` is not supported, only `WordPiece`");
        }
        JsonNode vocab = required(node, "vocab");
        if (!vocab.isObject()) {
            throw new TokenizerFormatException("model `vocab` is not an object of token ids");
        }
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : vocab.properties()) {
            if (!e.getValue().canConvertToInt()) {
                throw new TokenizerFormatException("vocab id of `" + e.getKey() + "` is not an integer");
            }
            ids.put(e.getKey(), e.getValue().intValue());
        }
        try {
            return new WordPieceModel(
                    Vocabulary.of(ids),
                    node.path("unk_token").asText("[UNK]"),
                    node.path("continuing_subword_prefix").asText("##"),
                    node.path("max_input_chars_per_word").asInt(100));
        } catch (IllegalArgumentException e) {
            throw new TokenizerFormatException("model: " + e.getMessage(), e);
        }
    }

    private static AddedTokens addedTokens(JsonNode node) throws TokenizerFormatException {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (JsonNode token : node) {
            String content = token.path("content").asText("");
            if (content.isEmpty() || !token.path("id").canConvertToInt()) {
                throw new TokenizerFormatException("an added token lacks `content` or `id`");
            }
            if (token.path("normalized").asBoolean(false)) {
                throw new TokenizerFormatException(
                        "added token `" + content + "` is normalized, which is not supported");
            }
            ids.put(content, token.path("id").intValue());
        }
        return new AddedTokens(ids);
    }

    private static BertNormalizer normalizer(JsonNode node) throws TokenizerFormatException {
        if (!type(node).equals("BertNormalizer")) {
            throw new TokenizerFormatException(
                    "normalizer type `" + type(node) + "` is not supported, only `BertNormalizer`");
        }
        boolean lowercase = node.path("lowercase").asBoolean(true);
        JsonNode stripAccents = node.path("strip_accents");
        // Like HuggingFace, an unset strip_accents follows lowercase.
        boolean strip = stripAccents.isBoolean() ? stripAccents.booleanValue() : lowercase;
        return new BertNormalizer(
                node.path("clean_text").asBoolean(true),
                node.path("handle_chinese_chars").asBoolean(true),
                strip,
                lowercase);
    }

    private static void preTokenizer(JsonNode node) throws TokenizerFormatException {
        if (!type(node).equals("BertPreTokenizer")) {
            throw new TokenizerFormatException(
                    "pre_tokenizer type `" + type(node) + "` is not supported, only `BertPreTokenizer`");
        }
    }

    private static PostProcessor postProcessor(JsonNode node, Vocabulary vocabulary) throws TokenizerFormatException {
        List<TemplateItem> items = new ArrayList<>();
        switch (type(node)) {
            case "TemplateProcessing":
                for (JsonNode item : required(node, "single")) {
                    items.add(templateItem(item, node.path("special_tokens")));
                }
                break;
            case "BertProcessing":
                items.add(special(required(node, "cls")));
                items.add(new TemplateItem.Sequence(0));
                items.add(special(required(node, "sep")));
                break;
            default:
                throw new TokenizerFormatException("post_processor type `" + type(node)
                        + "` is not supported, only `TemplateProcessing` or `BertProcessing`");
        }
        try {
            return new PostProcessor(items);
        } catch (IllegalArgumentException e) {
            throw new TokenizerFormatException("post_processor: " + e.getMessage(), e);
        }
    }

    private static TemplateItem templateItem(JsonNode item, JsonNode specialTokens) throws TokenizerFormatException {
        if (item.has("Sequence")) {
            JsonNode sequence = item.get("Sequence");
            if (!sequence.path("id").asText().equals("A")) {
                throw new TokenizerFormatException("the single template names sequence `"
                        + sequence.path("id").asText() + "`, not `A`");
            }
            return new TemplateItem.Sequence(sequence.path("type_id").asInt(0));
        }
        if (item.has("SpecialToken")) {
            JsonNode special = item.get("SpecialToken");
            String name = special.path("id").asText();
            JsonNode ids = specialTokens.path(name).path("ids");
            JsonNode tokens = specialTokens.path(name).path("tokens");
            if (ids.size() != 1 || tokens.size() != 1) {
                throw new TokenizerFormatException(
                        "special token `" + name + "` must map to exactly one id in `special_tokens`");
            }
            return new TemplateItem.Special(
                    tokens.get(0).asText(),
                    ids.get(0).asInt(),
                    special.path("type_id").asInt(0));
        }
        throw new TokenizerFormatException("template item " + item + " is neither `Sequence` nor `SpecialToken`");
    }

    /** A {@code [token, id]} pair as BertProcessing writes it. */
    private static TemplateItem special(JsonNode pair) throws TokenizerFormatException {
        if (pair.size() != 2 || !pair.get(1).canConvertToInt()) {
            throw new TokenizerFormatException("BertProcessing token " + pair + " is not [token, id]");
        }
        return new TemplateItem.Special(pair.get(0).asText(), pair.get(1).intValue(), 0);
    }

    private static Padding padding(JsonNode node, Vocabulary vocabulary) throws TokenizerFormatException {
        if (node.isObject()) {
            if (!node.path("direction").asText("Right").equals("Right")) {
                throw new TokenizerFormatException(
                        "padding direction `" + node.path("direction").asText() + "` is not supported, only `Right`");
            }
            return new Padding(
                    node.path("pad_token").asText("[PAD]"),
                    node.path("pad_id").asInt(0),
                    node.path("pad_type_id").asInt(0));
        }
        OptionalInt id = vocabulary.id("[PAD]");
        if (id.isEmpty()) {
            throw new TokenizerFormatException("tokenizer.json sets no padding and has no `[PAD]` token");
        }
        return new Padding("[PAD]", id.getAsInt(), 0);
    }

    private static OptionalInt maxLength(JsonNode root) throws TokenizerFormatException {
        JsonNode truncation = root.path("truncation");
        if (truncation.isObject()) {
            if (!truncation.path("direction").asText("Right").equals("Right")) {
                throw new TokenizerFormatException("truncation direction `"
                        + truncation.path("direction").asText() + "` is not supported, only `Right`");
            }
            if (truncation.path("max_length").canConvertToInt()) {
                return OptionalInt.of(truncation.path("max_length").intValue());
            }
        }
        JsonNode fixed = root.path("padding").path("strategy").path("Fixed");
        return fixed.canConvertToInt() ? OptionalInt.of(fixed.intValue()) : OptionalInt.empty();
    }
}
