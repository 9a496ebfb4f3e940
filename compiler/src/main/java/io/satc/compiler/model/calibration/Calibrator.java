package io.satc.compiler.model.calibration;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.satc.compiler.model.ModelErrorKind;
import io.satc.compiler.model.ModelPart;
import io.satc.compiler.model.ModelResult;
import io.satc.compiler.model.ModelSplit;
import io.satc.compiler.model.ModelSplitter;
import io.satc.compiler.model.ModelUnit;
import io.satc.compiler.model.OnnxModel;
import io.satc.compiler.model.onnx.OrtSessions;
import io.satc.runtime.codec.CodecSpec;
import io.satc.runtime.codec.EncodedFrame;
import io.satc.runtime.codec.FrameDecoder;
import io.satc.runtime.codec.FrameEncoder;
import io.satc.runtime.codec.FrameFormatException;
import io.satc.runtime.codec.Tensor;
import io.satc.runtime.codec.UnencodableTensorException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Measures what each codec costs in accuracy at each cut of a real model, on a calibration set.
 *
 * <p>The model is split once at every unit boundary, so part k is unit k. The set is run through
 * the parts once uncompressed, keeping every cut activation and the final output (the
 * reference). For a cut j and codec c, each batch's cut-j activation is encoded into a real frame
 * and decoded, the parts after j run on the result, and the metric compares the output with the
 * reference: that is ℓ(c, j); ρ(c, j) is the mean over the batches' frames of fp32 bytes over
 * frame bytes. A decoded activation bit-identical to one already measured at the same cut (`none`,
 * or `X+zstd` after `X`) reuses that loss, so `none` is exactly 0.
 *
 * <p>Holds native ONNX Runtime sessions: close it. Not thread-safe; results depend only on the
 * model, the set, the metric and the options (batches are fixed, sessions single-threaded).
 */
public final class Calibrator implements AutoCloseable {
    private final ModelSplit split;
    private final List<OrtSession> sessions;
    private final CalibrationSet set;
    private final CalibrationMetric metric;
    private final CalibrationOptions options;
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final FrameEncoder encoder = new FrameEncoder();
    private final FrameDecoder decoder = new FrameDecoder(Integer.MAX_VALUE - 8);
    /** Cut activations of the whole set, index = unit after which the cut is; filled lazily. */
    private float[][] activations;
    /** Shape of one sample's cut activation, per cut (e.g. [sequence, hidden]). */
    private int[][] activationShapes;

    private float[] reference;
    private int outputWidth;

    private Calibrator(
            ModelSplit split,
            List<OrtSession> sessions,
            CalibrationSet set,
            CalibrationMetric metric,
            CalibrationOptions options) {
        this.split = split;
        this.sessions = sessions;
        this.set = set;
        this.metric = metric;
        this.options = options;
    }

    /** Splits {@code model} at every unit boundary and opens a session per part. */
    public static ModelResult<Calibrator> open(
            OnnxModel model, CalibrationSet set, CalibrationMetric metric, CalibrationOptions options) {
        return model.units()
                .flatMap(us -> {
                    if (us.size() < 2) {
                        return ModelResult.failed(
                                ModelErrorKind.INVALID_CUT,
                                "The model has a single unit, so there is no cut to calibrate.");
                    }
                    List<Integer> all = new ArrayList<>();
                    for (int j = 0; j < us.size() - 1; j++) {
                        all.add(j);
                    }
                    return ModelSplitter.split(model, all);
                })
                .flatMap(split -> {
                    List<OrtSession> sessions = new ArrayList<>();
                    try {
                        for (ModelPart part : split.parts()) {
                            sessions.add(OrtSessions.open(part.onnx()));
                        }
                    } catch (OrtException e) {
                        closeAll(sessions);
                        return ModelResult.failed(
                                ModelErrorKind.RUNTIME_FAILURE,
                                "ONNX Runtime cannot load a part of the model: " + e.getMessage());
                    }
                    return ModelResult.ok(new Calibrator(split, sessions, set, metric, options));
                });
    }

    /** Loads the set, opens a calibrator for {@code request} and calibrates its cuts (all when empty). */
    public static ModelResult<CalibrationTable> calibrate(CalibrationRequest request, Consumer<Progress> progress) {
        return open(request).flatMap(calibrator -> {
            try (calibrator) {
                return calibrator.tableFor(request, progress);
            }
        });
    }

    /** Tokenises the request's set (once) and opens a calibrator on it. */
    static ModelResult<Calibrator> open(CalibrationRequest request) {
        return CalibrationSet.load(request.text(), request.tokenizer(), request.sequenceLength(), request.maxSamples())
                .flatMap(set -> open(request.model(), set, request.metric(), request.options()));
    }

    /** Calibrates the request's codecs at its cuts (every cut when it lists none). */
    ModelResult<CalibrationTable> tableFor(CalibrationRequest request, Consumer<Progress> progress) {
        return calibrate(request.codecs(), request.cuts().isEmpty() ? cuts() : request.cuts(), progress);
    }

    /** Units of the model, as split. */
    public List<ModelUnit> units() {
        return split.units();
    }

    /** Every possible cut: after units 0 … n−2. */
    public List<Integer> cuts() {
        return split.cutsAfterUnit();
    }

    /** Calibrates every codec at every cut. */
    public ModelResult<CalibrationTable> calibrate(List<CodecSpec> codecs, Consumer<Progress> progress) {
        return calibrate(codecs, cuts(), progress);
    }

    /**
     * Calibrates every codec at the given cuts (ascending, distinct). Progress counts the
     * uncompressed run as one step and each (cut, codec) as one more.
     */
    public ModelResult<CalibrationTable> calibrate(
            List<CodecSpec> codecs, List<Integer> cuts, Consumer<Progress> progress) {
        Optional<String> bad = checkCuts(cuts);
        if (bad.isPresent()) {
            return ModelResult.failed(ModelErrorKind.INVALID_CUT, bad.get());
        }
        if (codecs.isEmpty()) {
            return ModelResult.failed(ModelErrorKind.INVALID_CUT, "No codec to calibrate.");
        }
        int total = 1 + cuts.size() * codecs.size();
        int done = 0;
        try {
            ensureReference();
            progress.accept(new Progress(++done, total, "uncompressed run"));
            List<CalibrationEntry> entries = new ArrayList<>();
            for (int cut : cuts) {
                Map<String, Double> lossByDecoded = new HashMap<>();
                lossByDecoded.put(fingerprint(activations[cut]), 0.0);
                for (CodecSpec codec : codecs) {
                    Coded coded = code(activations[cut], activationShapes[cut], codec);
                    String key = fingerprint(coded.data());
                    Double loss = lossByDecoded.get(key);
                    if (loss == null) {
                        loss = lossOf(runFrom(cut, coded.data()));
                        lossByDecoded.put(key, loss);
                    }
                    entries.add(new CalibrationEntry(
                            cut, codec, MeasuredValue.rounded(loss), MeasuredValue.rounded(coded.ratio())));
                    progress.accept(new Progress(++done, total, "cut " + cut + " " + codec.label()));
                }
            }
            return ModelResult.ok(
                    new CalibrationTable(metric.label(), set.sequenceLength(), set.samples(), cuts, codecs, entries));
        } catch (OrtException e) {
            return ModelResult.failed(
                    ModelErrorKind.RUNTIME_FAILURE, "ONNX Runtime failed during calibration: " + e.getMessage());
        } catch (UnencodableTensorException | FrameFormatException e) {
            return ModelResult.failed(ModelErrorKind.RUNTIME_FAILURE, e.getMessage());
        }
    }

    /**
     * The measured loss of a plan: every listed cut compressed with its codec at once, errors
     * compounding through the parts between them. With one cut it equals that table entry.
     */
    public ModelResult<Double> measure(List<Integer> cutsAfterUnit, List<CodecSpec> codecs) {
        Optional<String> bad = checkCuts(cutsAfterUnit);
        if (bad.isPresent()) {
            return ModelResult.failed(ModelErrorKind.INVALID_CUT, bad.get());
        }
        if (codecs.size() != cutsAfterUnit.size()) {
            return ModelResult.failed(
                    ModelErrorKind.INVALID_CUT,
                    cutsAfterUnit.size() + " cuts but " + codecs.size() + " codecs; give one codec per cut.");
        }
        if (cutsAfterUnit.isEmpty()) {
            return ModelResult.ok(0.0);
        }
        try {
            ensureReference();
            int first = cutsAfterUnit.get(0);
            float[] current = code(activations[first], activationShapes[first], codecs.get(0))
                    .data();
            for (int i = 1; i < cutsAfterUnit.size(); i++) {
                int from = cutsAfterUnit.get(i - 1);
                int to = cutsAfterUnit.get(i);
                float[] next = new float[activations[to].length];
                for (int[] b : batches()) {
                    float[] out = runParts(from + 1, to, slice(current, activationShapes[from], b), b)
                            .data();
                    System.arraycopy(out, 0, next, b[0] * elements(activationShapes[to]), out.length);
                }
                current = code(next, activationShapes[to], codecs.get(i)).data();
            }
            return ModelResult.ok(
                    MeasuredValue.rounded(lossOf(runFrom(cutsAfterUnit.get(cutsAfterUnit.size() - 1), current))));
        } catch (OrtException e) {
            return ModelResult.failed(
                    ModelErrorKind.RUNTIME_FAILURE, "ONNX Runtime failed during calibration: " + e.getMessage());
        } catch (UnencodableTensorException | FrameFormatException e) {
            return ModelResult.failed(ModelErrorKind.RUNTIME_FAILURE, e.getMessage());
        }
    }

    @Override
    public void close() {
        closeAll(sessions);
    }

    private Optional<String> checkCuts(List<Integer> cuts) {
        int last = -1;
        for (int cut : cuts) {
            if (cut < 0 || cut >= split.units().size() - 1) {
                return Optional.of("The cut after unit " + cut + " is outside 0.."
                        + (split.units().size() - 2) + ".");
            }
            if (cut <= last) {
                return Optional.of("Cuts must be ascending and distinct; " + cut + " follows " + last + ".");
            }
            last = cut;
        }
        return Optional.empty();
    }

    /** One uncompressed pass over the set, keeping every cut activation and the output. */
    private void ensureReference() throws OrtException {
        if (reference != null) {
            return;
        }
        int parts = split.parts().size();
        float[][] acts = new float[parts - 1][];
        int[][] shapes = new int[parts - 1][];
        float[] out = null;
        for (int[] b : batches()) {
            Activation current = null;
            for (int k = 0; k < parts; k++) {
                current = runParts(k, k, current, b);
                int[] sampleShape = sampleShape(current.shape());
                int at = b[0] * elements(sampleShape);
                if (k < parts - 1) {
                    if (acts[k] == null) {
                        shapes[k] = sampleShape;
                        acts[k] = new float[set.samples() * elements(sampleShape)];
                    }
                    System.arraycopy(current.data(), 0, acts[k], at, current.data().length);
                } else {
                    if (out == null) {
                        outputWidth = sampleShape[sampleShape.length - 1];
                        out = new float[set.samples() * elements(sampleShape)];
                    }
                    System.arraycopy(current.data(), 0, out, at, current.data().length);
                }
            }
        }
        activations = acts;
        activationShapes = shapes;
        reference = out;
    }

    /** The model output for the whole set when the cut-{@code cut} activation is {@code data}. */
    private float[] runFrom(int cut, float[] data) throws OrtException {
        float[] out = new float[reference.length];
        int perSample = reference.length / set.samples();
        for (int[] b : batches()) {
            float[] o = runParts(cut + 1, split.parts().size() - 1, slice(data, activationShapes[cut], b), b)
                    .data();
            System.arraycopy(o, 0, out, b[0] * perSample, o.length);
        }
        return out;
    }

    private double lossOf(float[] output) {
        return metric.loss(reference, output, set.samples(), outputWidth, set.mask());
    }

    /** Batches as [from, to) sample ranges. */
    private List<int[]> batches() {
        List<int[]> out = new ArrayList<>();
        for (int from = 0; from < set.samples(); from += options.batchSize()) {
            out.add(new int[] {from, Math.min(set.samples(), from + options.batchSize())});
        }
        return out;
    }

    private static Activation slice(float[] all, int[] sampleShape, int[] batch) {
        int per = elements(sampleShape);
        float[] data = new float[(batch[1] - batch[0]) * per];
        System.arraycopy(all, batch[0] * per, data, 0, data.length);
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = batch[1] - batch[0];
        for (int i = 0; i < sampleShape.length; i++) {
            shape[i + 1] = sampleShape[i];
        }
        return new Activation(data, shape);
    }

    /** Encodes and decodes each batch's frame; the decoded values and the mean frame ratio. */
    private Coded code(float[] all, int[] sampleShape, CodecSpec codec)
            throws UnencodableTensorException, FrameFormatException {
        float[] decoded = new float[all.length];
        double ratios = 0;
        List<int[]> batches = batches();
        for (int[] b : batches) {
            Activation a = slice(all, sampleShape, b);
            int[] shape = new int[a.shape().length];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = (int) a.shape()[i];
            }
            EncodedFrame frame = encoder.encode(Tensor.of(a.data(), shape), codec, b[0]);
            ratios += frame.compressionRatio();
            float[] back = decoder.decode(frame.bytes()).tensor().data();
            System.arraycopy(back, 0, decoded, b[0] * elements(sampleShape), back.length);
        }
        return new Coded(decoded, ratios / batches.size());
    }

    /**
     * Runs parts {@code first..last} on one batch: part 0 takes the set's inputs, a later part the
     * given activation plus the set's inputs it forwards.
     */
    private Activation runParts(int first, int last, Activation input, int[] batch) throws OrtException {
        Activation current = input;
        for (int k = first; k <= last; k++) {
            ModelPart part = split.parts().get(k);
            List<OnnxTensor> created = new ArrayList<>();
            try {
                Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
                List<String> names = part.inputNames();
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get(i);
                    OnnxTensor t;
                    if (k > 0 && i == 0) {
                        t = OnnxTensor.createTensor(env, FloatBuffer.wrap(current.data()), current.shape());
                    } else {
                        long[] values = set.inputs().get(name);
                        if (values == null) {
                            throw new OrtException("The calibration set has no input `" + name + "` for part " + k
                                    + "; it has " + set.inputs().keySet() + ".");
                        }
                        t = OnnxTensor.createTensor(
                                env,
                                LongBuffer.wrap(set.rows(name, batch[0], batch[1])),
                                new long[] {batch[1] - batch[0], set.sequenceLength()});
                    }
                    created.add(t);
                    feeds.put(name, t);
                }
                try (OrtSession.Result result = sessions.get(k).run(feeds)) {
                    current = floatOutput(result, k == split.parts().size() - 1);
                }
            } finally {
                created.forEach(OnnxTensor::close);
            }
        }
        return current;
    }

    private Activation floatOutput(OrtSession.Result result, boolean modelOutput) throws OrtException {
        for (Map.Entry<String, OnnxValue> e : result) {
            if (modelOutput
                    && options.outputName().isPresent()
                    && !options.outputName().get().equals(e.getKey())) {
                continue;
            }
            if (e.getValue() instanceof OnnxTensor t && t.getInfo().type == OnnxJavaType.FLOAT) {
                FloatBuffer buffer = t.getFloatBuffer();
                float[] data = new float[buffer.remaining()];
                buffer.get(data);
                return new Activation(data, ((TensorInfo) t.getInfo()).getShape());
            }
        }
        throw new OrtException("The part produced no float output"
                + options.outputName().map(n -> " named `" + n + "`").orElse("") + ".");
    }

    private static int[] sampleShape(long[] batchShape) {
        int[] s = new int[Math.max(1, batchShape.length - 1)];
        if (batchShape.length == 1) {
            s[0] = 1;
            return s;
        }
        for (int i = 1; i < batchShape.length; i++) {
            s[i - 1] = (int) batchShape[i];
        }
        return s;
    }

    private static int elements(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** SHA-256 of the float bits, to recognise a decoded activation already measured. */
    private static String fingerprint(float[] values) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : values) {
                if (!buffer.hasRemaining()) {
                    buffer.flip();
                    digest.update(buffer);
                    buffer.clear();
                }
                buffer.putInt(Float.floatToRawIntBits(v));
            }
            buffer.flip();
            digest.update(buffer);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void closeAll(List<OrtSession> sessions) {
        for (OrtSession s : sessions) {
            try {
                s.close();
            } catch (OrtException e) {
                // Closing a session after use cannot change any result.
            }
        }
    }

    private record Activation(float[] data, long[] shape) {}

    private record Coded(float[] data, double ratio) {}
}
