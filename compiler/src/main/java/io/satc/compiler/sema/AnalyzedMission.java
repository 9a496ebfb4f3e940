package io.satc.compiler.sema;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SortedMap;

/**
 * A mission that passed analysis, as typed facts in base units (bytes, bit/s, FLOP/s, s,
 * fractions). Lists keep declaration order. Lowering reads this; it never sees syntax.
 */
public record AnalyzedMission(
        String name,
        ModelFacts model,
        WorkloadFacts workload,
        AccuracyFacts accuracy,
        List<CodecFacts> codecs,
        List<SatelliteFacts> satellites,
        List<GroundFacts> grounds,
        List<LinkFacts> links,
        String source,
        String sink,
        String objective,
        OptionalInt maxStages) {

    public AnalyzedMission {
        codecs = List.copyOf(codecs);
        satellites = List.copyOf(satellites);
        grounds = List.copyOf(grounds);
        links = List.copyOf(links);
    }

    /** Bytes per weight and per activation element. */
    public enum Precision {
        FP32(4),
        FP16(2),
        BF16(2);

        private final int bytes;

        Precision(int bytes) {
            this.bytes = bytes;
        }

        public int bytes() {
            return bytes;
        }

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How accuracy loss is measured on real models. */
    public enum Metric {
        TOP1,
        COSINE;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Where the model's profile comes from. */
    public sealed interface ModelSource permits ArchSource, OnnxSource, ProfileSource {}

    /** A built-in architecture with its integer parameters, sorted by name. */
    public record ArchSource(String architecture, SortedMap<String, Long> parameters) implements ModelSource {}

    /** A real ONNX model file (absolute path). */
    public record OnnxSource(Path file) implements ModelSource {}

    /** A profile CSV, already read and checked. */
    public record ProfileSource(Path file, List<ProfileRow> rows) implements ModelSource {
        public ProfileSource {
            rows = List.copyOf(rows);
        }
    }

    /** One unit of a profile CSV, per sample. */
    public record ProfileRow(String unit, double weightsBytes, double flops, double outBytes) {}

    public record ModelFacts(
            String name,
            ModelSource source,
            Precision precision,
            Optional<String> blockPattern,
            Optional<Path> tokenizer) {}

    public record WorkloadFacts(long batch, long microBatches, OptionalDouble inputBytes, OptionalLong sequence) {}

    public record AccuracyFacts(double maxLoss, Metric metric, Optional<Path> calibration, OptionalInt samples) {}

    /**
     * A candidate codec: built-in ({@code fp16}, {@code int8}, {@code int4}, {@code topk(p)}) or
     * declared in a {@code codec} block; declared values override built-in defaults.
     */
    public record CodecFacts(
            String name,
            boolean builtIn,
            OptionalDouble topkFraction,
            OptionalDouble ratio,
            OptionalDouble loss,
            OptionalDouble throughputBytesPerSecond) {}

    public record SatelliteFacts(String name, OptionalDouble computeFlops, OptionalDouble memoryBytes) {
        public boolean computes() {
            return computeFlops.isPresent();
        }
    }

    public record GroundFacts(String name, OptionalDouble computeFlops, OptionalDouble memoryBytes) {}

    /** A directed link; {@code <->} declarations produce two. */
    public record LinkFacts(String from, String to, double rateBitsPerSecond, double propagationSeconds) {}
}
