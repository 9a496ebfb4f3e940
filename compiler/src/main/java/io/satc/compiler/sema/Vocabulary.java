package io.satc.compiler.sema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The words the checkers accept, read from the checkers themselves, for tools that suggest
 * them (the language server's completion): what the mission may declare, the attributes of
 * each block kind, and the options of attributes that take a fixed word. A new checker's keys
 * belong here as one more entry, so completion cannot drift from what analysis accepts.
 */
public final class Vocabulary {

    private static final Map<String, List<String>> ATTRIBUTES = new LinkedHashMap<>();
    private static final Map<String, List<String>> OPTIONS = new LinkedHashMap<>();

    static {
        ATTRIBUTES.put("mission", MissionDeclarations.KEYS);
        ATTRIBUTES.put("model", ModelChecker.KEYS);
        ATTRIBUTES.put("workload", WorkloadChecker.KEYS);
        ATTRIBUTES.put("accuracy", AccuracyChecker.KEYS);
        ATTRIBUTES.put("codec", CodecChecker.KEYS);
        ATTRIBUTES.put("satellite", SatelliteChecker.KEYS);
        ATTRIBUTES.put("ground", GroundChecker.KEYS);
        ATTRIBUTES.put("link", LinkChecker.KEYS);
        ATTRIBUTES.put("constellation", ConstellationChecker.KEYS);
        ATTRIBUTES.put("horizon", HorizonChecker.KEYS);
        OPTIONS.put("precision", ModelChecker.PRECISIONS);
        OPTIONS.put("metric", AccuracyChecker.METRICS);
        OPTIONS.put("objective", ObjectiveChecker.OBJECTIVES);
        OPTIONS.put(
                "propagation",
                java.util.Arrays.stream(AnalyzedMission.Propagation.values())
                        .map(AnalyzedMission.Propagation::keyword)
                        .toList());
    }

    private Vocabulary() {}

    /** What a mission may declare with a body ({@code model}, ..., {@code link}), as help texts list it. */
    public static List<String> declarations() {
        return MissionDeclarations.DECLARATIONS;
    }

    /** The attributes of a block kind ({@code "mission"} for the mission's own), or empty for an unknown kind. */
    public static Optional<List<String>> attributes(String kind) {
        return Optional.ofNullable(ATTRIBUTES.get(kind));
    }

    /** The words an attribute that takes a fixed word accepts ({@code precision}: fp32, fp16, bf16). */
    public static Optional<List<String>> options(String attribute) {
        return Optional.ofNullable(OPTIONS.get(attribute));
    }

    /** The built-in codec names ({@code topk} takes a percentage: {@code topk(10 %)}). */
    public static List<String> builtInCodecs() {
        return CodecChecker.BUILT_IN;
    }

    /** The built-in architectures {@code arch = NAME(...)} accepts. */
    public static List<String> architectures() {
        return ArchitectureSignatures.names();
    }
}
