package io.satc.runtime.bundle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.satc.runtime.codec.CodecSpec;
import io.satc.runtime.pipeline.PredictedPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Three-stage simulation bundles for tests and the pipeline benchmark, with hop rates chosen so
 * that the real frame bytes take exactly the requested serialization time.
 */
public final class TestBundles {

    /** Micro-batch size b of every test bundle. */
    public static final int MICRO_BATCH_SIZE = 4;

    /**
     * One hop of a test bundle.
     *
     * @param transfer 0 = input, k = cut after stage k, 3 = output
     * @param serviceS the serialization time the real frame should take
     * @param delayS   propagation delay
     */
    public record HopTiming(int transfer, String from, String to, double serviceS, double delayS) {}

    private TestBundles() {}

    /**
     * The emulation bundle: stages of 5, 6 and 5 ms, links slower than compute, the cut between
     * stages 2 and 3 (60 ms) the bottleneck.
     */
    public static BundleManifest emulation(int microBatches) {
        return manifest(
                microBatches,
                new double[] {0.005, 0.006, 0.005},
                List.of(
                        new HopTiming(0, "camera", "leo-1", 0.008, 0.001),
                        new HopTiming(1, "leo-1", "leo-2", 0.015, 0.002),
                        new HopTiming(2, "leo-2", "leo-3", 0.060, 0.002),
                        new HopTiming(3, "leo-3", "ground", 0.010, 0.002)));
    }

    /** A bundle with a two-hop route through a relay, for native-mode and failure tests. */
    public static BundleManifest relayed(int microBatches) {
        return manifest(
                microBatches,
                new double[] {0.002, 0.003, 0.002},
                List.of(
                        new HopTiming(1, "leo-1", "leo-2", 0.004, 0.001),
                        new HopTiming(2, "leo-2", "relay", 0.004, 0.001),
                        new HopTiming(2, "relay", "leo-3", 0.004, 0.001),
                        new HopTiming(3, "leo-3", "ground", 0.002, 0.001)));
    }

    /**
     * A one-stage bundle on {@code leo-1}: the stage is both the first and the last, so a node
     * runs it without any link.
     */
    public static BundleManifest singleStage(int microBatches) {
        BundleStage stage = new BundleStage(
                1, "leo-1", 0, 11, 1e12, 1e9, 0.004, tensorAfter(0), tensorAfter(3), List.of(), "none", "none", null);
        ObjectNode plan = JsonNodeFactory.instance.objectNode();
        plan.put("format_version", 1);
        plan.put("mission", "test-single-stage");
        return new BundleManifest(
                1,
                "test-single-stage",
                "0".repeat(64),
                1,
                microBatches * MICRO_BATCH_SIZE,
                microBatches,
                MICRO_BATCH_SIZE,
                plan,
                null,
                List.of(stage),
                List.of(),
                new Prediction(0.004 * microBatches, "stage 1 on leo-1", 0));
    }

    /** Stage k's output descriptor (k = 0 means stage 1's input). */
    public static TensorDescriptor tensorAfter(int stage) {
        return switch (stage) {
            case 0 -> new TensorDescriptor("pixels", List.of(MICRO_BATCH_SIZE, 16, 64), "float32");
            case 1 -> new TensorDescriptor("hidden.1", List.of(MICRO_BATCH_SIZE, 16, 64), "float32");
            case 2 -> new TensorDescriptor("hidden.2", List.of(MICRO_BATCH_SIZE, 16, 64), "float32");
            case 3 -> new TensorDescriptor("logits", List.of(MICRO_BATCH_SIZE, 10), "float32");
            default -> throw new IllegalArgumentException("stage " + stage);
        };
    }

    /** The codec of transfer k. */
    public static String codecOf(int transfer) {
        return switch (transfer) {
            case 0 -> "none";
            case 1 -> "int8";
            case 2 -> "fp16";
            case 3 -> "none";
            default -> throw new IllegalArgumentException("transfer " + transfer);
        };
    }

    /** Exact frame bytes of transfer k per micro-batch (no zstd in test bundles). */
    public static long frameBytes(int transfer) {
        return CodecSpec.parse(codecOf(transfer))
                .spec()
                .orElseThrow()
                .uncompressedFrameBytes(tensorAfter(transfer).dimensions());
    }

    public static BundleManifest manifest(int microBatches, double[] stageS, List<HopTiming> timings) {
        List<BundleStage> stages = new ArrayList<>();
        String[] nodes = {"leo-1", "leo-2", "leo-3"};
        for (int k = 1; k <= 3; k++) {
            double flops = stageS[k - 1] * 1e12 / MICRO_BATCH_SIZE; // τ = b · F / C
            stages.add(new BundleStage(
                    k,
                    nodes[k - 1],
                    4 * (k - 1),
                    4 * k - 1,
                    1e12,
                    flops,
                    stageS[k - 1],
                    tensorAfter(k - 1),
                    tensorAfter(k),
                    List.of(),
                    codecOf(k - 1),
                    codecOf(k),
                    null));
        }
        List<BundleHop> hops = new ArrayList<>();
        double comm = 0;
        for (HopTiming t : timings) {
            long bytes = frameBytes(t.transfer());
            double rate = 8.0 * bytes / t.serviceS();
            hops.add(new BundleHop(t.transfer(), t.from(), t.to(), rate, t.delayS(), bytes, 8.0 * bytes / rate));
            comm += (double) bytes * microBatches;
        }
        ObjectNode plan = JsonNodeFactory.instance.objectNode();
        plan.put("format_version", 1);
        plan.put("mission", "test-three-stage");
        BundleManifest draft = manifest(microBatches, plan, stages, hops, new Prediction(0, "", comm));
        PredictedPipeline predicted = PredictedPipeline.of(draft);
        return manifest(
                microBatches, plan, stages, hops, new Prediction(predicted.makespanS(), predicted.bottleneck(), comm));
    }

    private static BundleManifest manifest(
            int m, ObjectNode plan, List<BundleStage> stages, List<BundleHop> hops, Prediction prediction) {
        return new BundleManifest(
                1,
                "test-three-stage",
                "0".repeat(64),
                1,
                m * MICRO_BATCH_SIZE,
                m,
                MICRO_BATCH_SIZE,
                plan,
                null,
                stages,
                hops,
                prediction);
    }

    /** Writes {@code manifest} into {@code dir} and reads it back as a verified bundle. */
    public static Bundle write(Path dir, BundleManifest manifest) throws IOException {
        new BundleWriter().write(dir, manifest);
        BundleRead read = new BundleReader().read(dir);
        if (read instanceof BundleRead.Loaded loaded) {
            return loaded.bundle();
        }
        throw new AssertionError("test bundle rejected: " + ((BundleRead.Rejected) read).errors());
    }
}
