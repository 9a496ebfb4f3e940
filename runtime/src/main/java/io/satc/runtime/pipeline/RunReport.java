package io.satc.runtime.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * Predicted against measured for one complete run: makespan, per-resource service times and
 * bytes, and the checksum of every micro-batch that reached the sink.
 *
 * @param mission                   the manifest's mission name
 * @param mode                      native or emulate
 * @param timeScale                 the factor applied to predicted times (1 in native mode)
 * @param microBatches              M
 * @param makespanPredicted         T of cost model §4 from the manifest's τ and P, times {@code timeScale}
 * @param makespanPredictedUnscaled the same T in the planned hardware's seconds
 * @param makespanMeasured          from the first micro-batch leaving the source to the last one
 *                                  arriving at the sink, seconds
 * @param bottleneckPredicted       the resource with the largest predicted τ
 * @param bottleneckMeasured        the resource with the largest measured mean service time
 * @param resources                 in pipeline order
 * @param bytesTotal                frame bytes over all hops and micro-batches (cost model's V, measured)
 * @param outputs                   one per micro-batch, in order; all M are present
 * @param warnings                  sentences about the run's fidelity (slow machine, byte mismatches)
 */
public record RunReport(
        String mission,
        TimingMode mode,
        double timeScale,
        int microBatches,
        double makespanPredicted,
        double makespanPredictedUnscaled,
        double makespanMeasured,
        String bottleneckPredicted,
        String bottleneckMeasured,
        List<ResourceReport> resources,
        long bytesTotal,
        List<MicroBatchOutput> outputs,
        List<String> warnings) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RunReport {
        resources = List.copyOf(resources);
        outputs = List.copyOf(outputs);
        warnings = List.copyOf(warnings);
    }

    /** Micro-batches per second over the measured makespan. */
    public double throughput() {
        return microBatches / makespanMeasured;
    }

    /** The throughput the slowest resource allows: 1 / its measured mean service time. */
    public double bottleneckBoundThroughput() {
        double max = 0;
        for (ResourceReport r : resources) {
            max = Math.max(max, r.measuredSeconds());
        }
        return 1 / max;
    }

    /**
     * Pipelining efficiency: {@link #throughput()} over {@link #bottleneckBoundThroughput()}. It
     * includes filling and draining the pipeline, so even a perfect run stays below 1 for small M;
     * cost model §4 predicts {@code M · max τ / T}.
     */
    public double efficiency() {
        return throughput() / bottleneckBoundThroughput();
    }

    /** The resource with this name. */
    public ResourceReport resource(String name) {
        for (ResourceReport r : resources) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no resource named `" + name + "`");
    }

    /** The report as indented JSON: mode, makespans, bottlenecks, resources, bytes, outputs, warnings. */
    public String toJson() {
        return toJson(toJsonTree());
    }

    /** Indented JSON of a tree, with a final newline. */
    public static String toJson(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values could not be serialised", e);
        }
    }

    /**
     * The report as a JSON tree; {@code outputs} is an object whose {@code micro_batches} lists each
     * micro-batch's checksum and arrival time.
     */
    public ObjectNode toJsonTree() {
        ObjectNode root = JSON.createObjectNode();
        root.put("mission", mission);
        root.put("mode", mode.name().toLowerCase(Locale.ROOT));
        root.put("time_scale", timeScale);
        root.put("micro_batches", microBatches);
        ObjectNode makespan = root.putObject("makespan_s");
        makespan.put("predicted", makespanPredicted);
        makespan.put("predicted_unscaled", makespanPredictedUnscaled);
        makespan.put("measured", makespanMeasured);
        ObjectNode bottleneck = root.putObject("bottleneck");
        bottleneck.put("predicted", bottleneckPredicted);
        bottleneck.put("measured", bottleneckMeasured);
        root.put("efficiency", efficiency());
        ArrayNode list = root.putArray("resources");
        for (ResourceReport r : resources) {
            ObjectNode node = list.addObject();
            node.put("name", r.name());
            node.put("kind", r.kind());
            node.put("predicted_s", r.predictedSeconds());
            node.put("measured_s", r.measuredSeconds());
            node.put("work_s", r.workSeconds());
            node.put("bytes", r.bytes());
        }
        root.put("bytes_total", bytesTotal);
        ArrayNode out = root.putObject("outputs").putArray("micro_batches");
        for (MicroBatchOutput o : outputs) {
            ObjectNode node = out.addObject();
            node.put("micro_batch", o.microBatch());
            node.put("checksum", o.checksum());
            node.put("arrival_s", o.arrivalSeconds());
        }
        ArrayNode w = root.putArray("warnings");
        warnings.forEach(w::add);
        return root;
    }
}
