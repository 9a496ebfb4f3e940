package io.satc.runtime.pipeline;

import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleHop;
import io.satc.runtime.bundle.BundleManifest;
import io.satc.runtime.bundle.BundleStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs a bundle as a pipeline: a thread per stage and per link hop, bounded queues of encoded
 * frames between consecutive resources, M micro-batches from a synthetic source to the sink.
 *
 * <p>Stateless between calls. A run either completes with every micro-batch at the sink or
 * returns the first failure; it never hangs, because every queue operation and the run as a
 * whole have timeouts and a failure interrupts every thread.
 */
public final class PipelineRunner {

    /** Frames a queue between two consecutive resources holds, as on the satellites' links. */
    public static final int QUEUE_CAPACITY = 2;

    /** Runs {@code bundle} once with {@code options}. */
    public RunResult run(Bundle bundle, RunOptions options) {
        BundleManifest manifest = bundle.manifest();
        int microBatches = manifest.microBatches();
        List<MessageLayout> layouts = MessageLayout.of(manifest);
        List<StageInput> inputs =
                options.inputs() != null ? options.inputs() : syntheticInputs(layouts.get(0), microBatches);
        if (inputs.size() != microBatches) {
            return setupFailure(
                    "source",
                    "source",
                    "The source has " + inputs.size() + " inputs, but the bundle runs " + microBatches
                            + " micro-batches.");
        }
        PredictedPipeline predicted = PredictedPipeline.of(manifest);
        boolean emulate = options.mode() == TimingMode.EMULATE;
        double scale = options.effectiveScale();

        List<StageCompute> computes = new ArrayList<>();
        for (BundleStage s : manifest.stages()) {
            try {
                computes.add(options.computes().create(bundle, s));
            } catch (Exception e) {
                WorkerThreads.closeAll(computes, new ArrayList<>());
                return setupFailure(
                        s.resourceName(),
                        "stage",
                        Worker.capitalised(s.resourceName()) + " could not start: "
                                + (e.getMessage() == null ? e.getClass().getName() : e.getMessage()));
            }
        }

        int workerCount = 2;
        for (PredictedPipeline.Resource r : predicted.resources()) {
            workerCount += r.isStage() || !(emulate && r.delayS() > 0) ? 1 : 2;
        }
        RunControl control = new RunControl(workerCount, options.stallTimeout().toNanos());
        List<Worker> workers = new ArrayList<>();
        List<ResourceMeter> meters = new ArrayList<>();
        List<PredictedPipeline.Resource> resources = predicted.resources();
        BlockingQueue<Frame> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        workers.add(new SourceWorker(
                control, layouts.get(0), inputs, queue, resources.get(0).name()));
        String previous = "source";
        for (int i = 0; i < resources.size(); i++) {
            PredictedPipeline.Resource r = resources.get(i);
            String next = i + 1 < resources.size() ? resources.get(i + 1).name() : "sink";
            BlockingQueue<Frame> out = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
            ResourceMeter meter = new ResourceMeter(microBatches);
            meters.add(meter);
            if (r.isStage()) {
                BundleStage s = manifest.stages().get(r.stage() - 1);
                long budget = emulate ? Math.round(s.predictedServiceS() * scale * 1e9) : -1;
                workers.add(new StageWorker(
                        r.name(),
                        control,
                        computes.get(r.stage() - 1),
                        s,
                        layouts.get(r.stage() - 1),
                        layouts.get(r.stage()),
                        budget,
                        options.warmUp(),
                        microBatches,
                        queue,
                        out,
                        previous,
                        next,
                        meter));
            } else {
                BundleHop hop = manifest.hops().get(r.hop());
                boolean delayed = emulate && hop.delayS() > 0;
                BlockingQueue<Frame> delayLine = delayed ? new LinkedBlockingQueue<>() : null;
                workers.add(new LinkWorker(
                        r.name(),
                        control,
                        hop.rateBps(),
                        emulate ? scale : 0,
                        Math.round(hop.delayS() * scale * 1e9),
                        microBatches,
                        queue,
                        out,
                        delayLine,
                        previous,
                        next,
                        meter));
                if (delayed) {
                    workers.add(new PropagationWorker(r.name(), control, microBatches, delayLine, out, next));
                }
            }
            queue = out;
            previous = r.name();
        }
        SinkWorker sink = new SinkWorker(control, microBatches, layouts.get(layouts.size() - 1), queue, previous);
        workers.add(sink);
        long deadline = System.nanoTime() + options.timeout().toNanos();
        WorkerThreads threads = WorkerThreads.start(control, workers, "satc ");
        threads.await(
                deadline,
                () -> timeoutFailure(options, "while stages were warming up"),
                () -> timeoutFailure(
                        options, "with " + sink.arrived() + " of " + microBatches + " micro-batches at the sink"),
                () -> {});
        List<String> warnings = new ArrayList<>();
        threads.closeAfterStop(
                () -> RunControl.failureOf("pipeline", "pipeline", -1, "The run was stopped."),
                () -> {},
                computes,
                warnings);
        if (threads.interrupted()) {
            Thread.currentThread().interrupt();
        }
        if (control.failed()) {
            return new RunResult.Failed(control.failure(), sink.arrived());
        }
        List<SinkOutput> received = new ArrayList<>();
        for (int i = 0; i < microBatches; i++) {
            received.add(sink.received(i));
        }
        return new RunResult.Completed(
                report(manifest, layouts, predicted, options, meters, sink, control.startNanos(), warnings), received);
    }

    private static RunReport report(
            BundleManifest manifest,
            List<MessageLayout> layouts,
            PredictedPipeline predicted,
            RunOptions options,
            List<ResourceMeter> meters,
            SinkWorker sink,
            long startNanos,
            List<String> warnings) {
        double scale = options.effectiveScale();
        int m = manifest.microBatches();
        List<ResourceReport> resources = new ArrayList<>();
        long bytesTotal = 0;
        String measuredBottleneck = null;
        double measuredMax = -1;
        for (int i = 0; i < meters.size(); i++) {
            PredictedPipeline.Resource r = predicted.resources().get(i);
            ResourceMeter meter = meters.get(i);
            ResourceReport rr = new ResourceReport(
                    r.name(),
                    r.kind(),
                    r.serviceS() * scale,
                    meter.meanBusySeconds(),
                    meter.meanWorkSeconds(),
                    meter.totalBytes());
            resources.add(rr);
            if (rr.measuredSeconds() > measuredMax) {
                measuredMax = rr.measuredSeconds();
                measuredBottleneck = r.name();
            }
            if (r.isStage() && meter.overruns() > 0) {
                warnings.add(String.format(
                        Locale.ROOT,
                        "This machine is slower than the emulated hardware for %s "
                                + "at time scale %s: its real work (up to %.3f ms) exceeded the %.3f ms budget on %d of %d "
                                + "micro-batches, so the measured times overstate the emulated ones.",
                        r.name(),
                        plain(scale),
                        meter.worstOverrunSeconds() * 1e3,
                        r.serviceS() * scale * 1e3,
                        meter.overruns(),
                        m));
            }
            if (!r.isStage()) {
                bytesTotal += meter.totalBytes();
                BundleHop hop = manifest.hops().get(r.hop());
                double predictedBytes = hop.bytesPerMicrobatch();
                double actual = (double) meter.activationBytes() / m;
                // A zstd frame's size depends on the values, and side inputs travel zstd-compressed, so only
                // messages of one fixed-size frame are held to the prediction.
                MessageLayout layout = layouts.get(hop.transfer());
                boolean fixedSize = !layout.codec().zstd() && layout.carried().isEmpty();
                if (fixedSize && Math.abs(actual - predictedBytes) > 0.01 * Math.max(predictedBytes, 1)) {
                    warnings.add(String.format(
                            Locale.ROOT,
                            "%s carried %.0f bytes per micro-batch, but the " + "manifest predicted %.0f (%+.1f %%).",
                            Worker.capitalised(r.name()),
                            actual,
                            predictedBytes,
                            100 * (actual - predictedBytes) / Math.max(predictedBytes, 1)));
                }
            }
        }
        double formula = predicted.makespanS();
        if (manifest.predicted() != null) {
            double stated = manifest.predicted().makespanS();
            if (Math.abs(stated - formula) > 1e-6 * Math.max(Math.abs(formula), 1e-12)) {
                warnings.add(String.format(
                        Locale.ROOT,
                        "The manifest predicts a makespan of %s s, but cost model "
                                + "§4 over its stages and hops gives %s s.",
                        fmt(stated),
                        fmt(formula)));
            }
        }
        List<MicroBatchOutput> outputs = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            outputs.add(new MicroBatchOutput(
                    i, SyntheticActivation.hex(sink.checksum(i)), (sink.arrivalNanos(i) - startNanos) / 1e9));
        }
        double measured = (sink.arrivalNanos(m - 1) - startNanos) / 1e9;
        return new RunReport(
                manifest.mission(),
                options.mode(),
                scale,
                m,
                formula * scale,
                formula,
                measured,
                predicted.bottleneck(),
                measuredBottleneck,
                resources,
                bytesTotal,
                outputs,
                warnings);
    }

    /** The inputs a run of {@code bundle} uses when it is given none. */
    public static List<StageInput> syntheticInputs(Bundle bundle) {
        return syntheticInputs(
                MessageLayout.of(bundle.manifest()).get(0), bundle.manifest().microBatches());
    }

    /** Seeded stand-ins of the first stage's input and of every side input, one per micro-batch. */
    static List<StageInput> syntheticInputs(MessageLayout layout, int microBatches) {
        List<StageInput> inputs = new ArrayList<>();
        for (int i = 0; i < microBatches; i++) {
            java.util.Map<String, io.satc.runtime.codec.Activation> side = new java.util.LinkedHashMap<>();
            for (var d : layout.carried()) {
                side.put(d.name(), SyntheticActivation.of(d, SyntheticActivation.seed(0, i, 0)));
            }
            inputs.add(new StageInput(SyntheticActivation.of(layout.main(), SyntheticActivation.seed(0, i, 0)), side));
        }
        return inputs;
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }

    /** A number without trailing zeros: {@code 1}, {@code 0.25}. */
    private static String plain(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    private static PipelineFailure timeoutFailure(RunOptions options, String state) {
        return RunControl.failureOf(
                "pipeline",
                "pipeline",
                -1,
                "The run exceeded its timeout of " + options.timeout().toMillis() / 1e3 + " s " + state + ".");
    }

    private static RunResult setupFailure(String resource, String kind, String message) {
        return new RunResult.Failed(new PipelineFailure(resource, kind, OptionalLong.empty(), message), 0);
    }
}
