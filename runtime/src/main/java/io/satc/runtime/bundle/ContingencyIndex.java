package io.satc.runtime.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Optional;

/**
 * {@code contingencies.json}: the alternative plans the compiler precomputed, one for each
 * satellite and each link the plan uses (docs/bundle-format.md, "Contingencies"). An executable
 * one has its own manifest in {@code contingencies/<id>/manifest.json}, over parts already in the
 * bundle or shipped beside it; the runtime switches to it when that element is lost.
 *
 * @param formatVersion {@link #FORMAT_VERSION}
 * @param contingencies in the compiler's order: satellites by name, then links
 */
public record ContingencyIndex(
        @JsonProperty("format_version") int formatVersion,
        @JsonProperty("contingencies") List<Contingency> contingencies) {

    public static final int FORMAT_VERSION = 1;

    /** The index's file in a bundle. */
    public static final String FILE = "contingencies.json";

    public ContingencyIndex {
        contingencies = List.copyOf(contingencies);
    }

    /**
     * One lost element and what to do about it.
     *
     * @param id          a folder-safe name, {@code satellite-leo-b} or {@code link-leo-a-leo-b}
     * @param lostKind    {@code satellite} or {@code link}
     * @param lost        the satellite's name, or {@code A -> B}
     * @param feasible    whether any plan exists without it
     * @param executable  whether this bundle can switch to it: feasible, with built-in codecs and every
     *                    part on board
     * @param predictedMakespanS the contingency plan's predicted makespan T (cost model §4), or 0
     * @param stages      the contingency plan's stages (node and units), empty when infeasible
     * @param manifest    the contingency's manifest, or null when it is not executable
     * @param extraParts  parts the contingency runs that the main plan does not, with where they are
     * @param note        why it is not executable, or what it changes, in one sentence
     */
    public record Contingency(
            @JsonProperty("id") String id,
            @JsonProperty("lost_kind") String lostKind,
            @JsonProperty("lost") String lost,
            @JsonProperty("feasible") boolean feasible,
            @JsonProperty("executable") boolean executable,
            @JsonProperty("predicted_makespan_s") double predictedMakespanS,
            @JsonProperty("stages") List<Stage> stages,

            @JsonProperty("manifest") @JsonInclude(JsonInclude.Include.ALWAYS)
            String manifest,

            @JsonProperty("extra_parts") List<ExtraPart> extraParts,
            @JsonProperty("note") String note) {
        public Contingency {
            stages = List.copyOf(stages);
            extraParts = List.copyOf(extraParts);
        }
    }

    /** A stage of a contingency plan. */
    public record Stage(
            @JsonProperty("index") int index,
            @JsonProperty("node") String node,
            @JsonProperty("first_unit") int firstUnit,
            @JsonProperty("last_unit") int lastUnit) {}

    /**
     * A part a node must hold for the contingency besides what the main plan gave it.
     *
     * @param onBoard whether it fits the node's memory next to its main part, and so is shipped in the
     *                bundle ({@code path}); otherwise it would need an uplink and the contingency is not
     *                executable
     */
    public record ExtraPart(
            @JsonProperty("node") String node,

            @JsonProperty("path") @JsonInclude(JsonInclude.Include.ALWAYS)
            String path,

            @JsonProperty("bytes") long bytes,
            @JsonProperty("on_board") boolean onBoard) {}

    /** The executable contingency for losing satellite {@code node}, if any. */
    public Optional<Contingency> forSatellite(String node) {
        return contingencies.stream()
                .filter(c -> c.lostKind().equals("satellite") && c.lost().equals(node) && c.executable())
                .findFirst();
    }

    /** The bytes {@link #parse} reads: indented JSON, fields in this order, final newline. */
    public String toJson() {
        try {
            return ManifestJson.MAPPER.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a contingency index could not be serialised", e);
        }
    }

    /** @throws IllegalArgumentException with a sentence when the bytes are not an index */
    public static ContingencyIndex parse(byte[] bytes) {
        try {
            ContingencyIndex index = ManifestJson.MAPPER.readValue(bytes, ContingencyIndex.class);
            if (index == null || index.formatVersion() != FORMAT_VERSION) {
                throw new IllegalArgumentException(
                        "`" + FILE + "` is not a contingency index of format " + FORMAT_VERSION + ".");
            }
            return index;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("`" + FILE + "` is not a valid contingency index.");
        }
    }
}
