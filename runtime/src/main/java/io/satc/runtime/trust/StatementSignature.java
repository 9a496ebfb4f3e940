package io.satc.runtime.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * {@code statement.sig}: an Ed25519 signature over the exact bytes of {@code statement.json},
 * with the id of the key that made it. Ed25519 is deterministic, so the same key and statement
 * give the same bytes.
 */
public record StatementSignature(String keyId, byte[] signature) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Signs {@code statement} with {@code key}, whose public half has id {@code keyId}. */
    public static StatementSignature sign(byte[] statement, PrivateKey key, String keyId) {
        try {
            Signature s = Signature.getInstance(Keys.ALGORITHM);
            s.initSign(key);
            s.update(statement);
            return new StatementSignature(keyId, s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The key cannot sign with Ed25519: " + e.getMessage(), e);
        }
    }

    /** Whether this is a valid signature of {@code statement} by {@code key}. */
    public boolean verifies(byte[] statement, PublicKey key) {
        try {
            Signature s = Signature.getInstance(Keys.ALGORITHM);
            s.initVerify(key);
            s.update(statement);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public byte[] toBytes() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("algorithm", Keys.ALGORITHM);
        root.put("key", keyId);
        root.put("signature", Base64.getEncoder().encodeToString(signature));
        return (root.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException with a sentence saying what is wrong */
    public static StatementSignature parse(byte[] bytes) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("`" + BundleStatement.SIGNATURE_FILE + "` is not valid JSON.");
        }
        if (root == null
                || !Keys.ALGORITHM.equals(root.path("algorithm").textValue())
                || !root.path("key").isTextual()
                || !root.path("signature").isTextual()) {
            throw new IllegalArgumentException("`" + BundleStatement.SIGNATURE_FILE
                    + "` needs `algorithm` Ed25519, a `key` id and a base64 `signature`.");
        }
        StatementSignature parsed;
        try {
            parsed = new StatementSignature(
                    root.path("key").asText(),
                    Base64.getDecoder().decode(root.path("signature").asText()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "The signature in `" + BundleStatement.SIGNATURE_FILE + "` is not base64.");
        }
        // Exactly the bytes satc writes, so that no change to the file goes unnoticed.
        if (!java.util.Arrays.equals(parsed.toBytes(), bytes)) {
            throw new IllegalArgumentException(
                    "`" + BundleStatement.SIGNATURE_FILE + "` is not in the form satc writes it.");
        }
        return parsed;
    }
}
