package io.satc.runtime.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The highest bundle version accepted per mission, kept in a state directory
 * ({@code --state DIR}: {@code accepted.json}) so that a runtime refuses a rolled-back bundle
 * even after a restart. Updates are locked and atomic, so the processes of one machine may share
 * the directory.
 */
public final class RollbackState {

    static final String FILE = "accepted.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;

    private RollbackState(Path dir) {
        this.dir = dir;
    }

    public static RollbackState at(Path dir) {
        return new RollbackState(dir);
    }

    public Path directory() {
        return dir;
    }

    /** The highest version accepted for {@code mission}, if any. */
    public OptionalLong accepted(String mission) throws IOException {
        Long v = read().get(mission);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** Records {@code version} for {@code mission} unless a higher one is recorded. */
    public void accept(String mission, long version) throws IOException {
        Files.createDirectories(dir);
        try (FileChannel lock = FileChannel.open(
                        dir.resolve("accepted.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lock.lock()) {
            Map<String, Long> versions = read();
            if (versions.getOrDefault(mission, 0L) >= version) {
                return;
            }
            versions.put(mission, version);
            ObjectNode root = MAPPER.createObjectNode();
            ObjectNode missions = root.putObject("accepted_versions");
            versions.forEach(missions::put);
            Path tmp = dir.resolve(FILE + ".tmp");
            Files.writeString(tmp, root.toPrettyString() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Map<String, Long> read() throws IOException {
        Map<String, Long> versions = new TreeMap<>();
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return versions;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("`" + file + "` is not valid JSON");
        }
        JsonNode missions = root == null ? null : root.get("accepted_versions");
        if (missions == null || !missions.isObject()) {
            throw new IOException("`" + file + "` is not a state file of accepted versions");
        }
        for (Map.Entry<String, JsonNode> e : missions.properties()) {
            if (!e.getValue().canConvertToLong()) {
                throw new IOException("`" + file + "` records a version that is not a number");
            }
            versions.put(e.getKey(), e.getValue().asLong());
        }
        return versions;
    }
}
