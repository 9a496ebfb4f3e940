package io.satc.runtime.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a bundle's signer vouches for ({@code statement.json}, docs/security.md): the mission,
 * a bundle version that only grows, the signer's key id, and the SHA-256 and size of every other
 * file of the bundle. The signature in {@code statement.sig} is over this file's exact bytes, so
 * no canonical JSON is needed: {@link #toBytes()} is only how the compiler writes it.
 *
 * @param mission       the manifest's mission name
 * @param bundleVersion ≥ 1; a runtime with a state directory refuses a lower one than it accepted
 * @param signer        the signing key's id ({@link Keys#id})
 * @param files         every file but the statement and its signature, sorted by path
 * @param tls           the mission CA and each node's pinned TLS key, or null when links are plaintext
 */
public record BundleStatement(String mission, long bundleVersion, String signer, List<FileEntry> files, TlsPins tls) {

    /** The statement's file in a bundle. */
    public static final String FILE = "statement.json";

    /** The signature's file in a bundle. */
    public static final String SIGNATURE_FILE = "statement.sig";

    /** Where a bundle keeps the mission CA's certificate, whose hash {@link TlsPins#caSha256} is. */
    public static final String CA_FILE = "tls/ca.crt";

    /** The two files a statement does not list. */
    public static final Set<String> OWN_FILES = Set.of(FILE, SIGNATURE_FILE);

    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().configure(SerializationFeature.INDENT_OUTPUT, true);

    /** One file: its path inside the bundle with {@code /} separators, lowercase hex SHA-256, and size. */
    public record FileEntry(String path, String sha256, long bytes) {}

    /**
     * The mission CA's certificate hash and, per node, the SHA-256 of the public key its TLS
     * certificate must carry (SubjectPublicKeyInfo); a link is accepted only from and to these keys.
     */
    public record TlsPins(String caSha256, Map<String, String> nodeKeys) {
        public TlsPins {
            nodeKeys = java.util.Collections.unmodifiableMap(new TreeMap<>(nodeKeys));
        }
    }

    public BundleStatement {
        files = List.copyOf(files);
    }

    /** The entry for {@code path}, or null. */
    public FileEntry file(String path) {
        for (FileEntry f : files) {
            if (f.path().equals(path)) {
                return f;
            }
        }
        return null;
    }

    /** Indented JSON, fields in a fixed order, files sorted, final newline. */
    public byte[] toBytes() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("statement_version", FORMAT_VERSION);
        root.put("type", "satc-bundle");
        root.put("mission", mission);
        root.put("bundle_version", bundleVersion);
        root.put("signer", signer);
        ArrayNode list = root.putArray("files");
        files.stream()
                .sorted(java.util.Comparator.comparing(FileEntry::path))
                .forEach(f -> list.addObject()
                        .put("path", f.path())
                        .put("sha256", f.sha256())
                        .put("bytes", f.bytes()));
        if (tls == null) {
            root.putNull("tls");
        } else {
            ObjectNode t = root.putObject("tls");
            t.put("ca_sha256", tls.caSha256());
            ObjectNode nodes = t.putObject("node_keys");
            tls.nodeKeys().forEach(nodes::put);
        }
        try {
            return (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a statement could not be serialised", e);
        }
    }

    /**
     * Reads a statement; every field must be present with its type.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static BundleStatement parse(byte[] bytes) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("`" + FILE + "` is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("`" + FILE + "` must hold a JSON object.");
        }
        if (!root.path("statement_version").isInt()
                || root.path("statement_version").asInt() != FORMAT_VERSION) {
            throw new IllegalArgumentException("`" + FILE + "` has statement version " + root.path("statement_version")
                    + "; this runtime reads " + FORMAT_VERSION + ".");
        }
        if (!"satc-bundle".equals(root.path("type").textValue())) {
            throw new IllegalArgumentException("`" + FILE + "` is not a satc bundle statement.");
        }
        String mission = text(root, "mission");
        JsonNode version = root.path("bundle_version");
        if (!version.isIntegralNumber() || !version.canConvertToLong() || version.asLong() < 1) {
            throw new IllegalArgumentException("`" + FILE + "` needs an integer `bundle_version` of at least 1.");
        }
        String signer = text(root, "signer");
        JsonNode list = root.path("files");
        if (!list.isArray()) {
            throw new IllegalArgumentException("`" + FILE + "` needs a `files` list.");
        }
        List<FileEntry> files = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (JsonNode f : list) {
            String path = text(f, "path");
            String sha = text(f, "sha256");
            if (!sha.matches("[0-9a-f]{64}")
                    || !f.path("bytes").isIntegralNumber()
                    || f.path("bytes").asLong() < 0) {
                throw new IllegalArgumentException(
                        "`" + FILE + "` lists `" + path + "` without a valid hash and size.");
            }
            if (!safe(path) || OWN_FILES.contains(path) || !seen.add(path)) {
                throw new IllegalArgumentException("`" + FILE + "` lists the path `" + path
                        + "`, which is not a file of the bundle or is listed twice.");
            }
            files.add(new FileEntry(path, sha, f.path("bytes").asLong()));
        }
        TlsPins tls = null;
        JsonNode t = root.path("tls");
        if (t.isObject()) {
            Map<String, String> keys = new TreeMap<>();
            JsonNode nodes = t.path("node_keys");
            if (!nodes.isObject()) {
                throw new IllegalArgumentException("`" + FILE + "` has `tls` without `node_keys`.");
            }
            for (Map.Entry<String, JsonNode> e : nodes.properties()) {
                if (!e.getValue().isTextual() || !e.getValue().asText().matches("[0-9a-f]{64}")) {
                    throw new IllegalArgumentException(
                            "`" + FILE + "` pins no valid key for node `" + e.getKey() + "`.");
                }
                keys.put(e.getKey(), e.getValue().asText());
            }
            String ca = text(t, "ca_sha256");
            if (!ca.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("`" + FILE + "` has a `tls.ca_sha256` that is not a SHA-256.");
            }
            tls = new TlsPins(ca, keys);
        } else if (!t.isNull()) {
            throw new IllegalArgumentException("`" + FILE + "` needs `tls`, an object or null.");
        }
        return new BundleStatement(mission, version.asLong(), signer, files, tls);
    }

    /** A relative path that stays inside the bundle: no empty, dot or dot-dot parts, no backslash. */
    static boolean safe(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.indexOf('\0') >= 0) {
            return false;
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("`" + FILE + "` needs a text `" + field + "`.");
        }
        return v.asText();
    }
}
