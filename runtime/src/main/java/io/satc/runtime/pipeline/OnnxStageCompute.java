package io.satc.runtime.pipeline;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.satc.runtime.bundle.Bundle;
import io.satc.runtime.bundle.BundleStage;
import io.satc.runtime.bundle.ModelFile;
import io.satc.runtime.bundle.TensorDescriptor;
import io.satc.runtime.codec.Activation;
import io.satc.runtime.codec.LongTensor;
import io.satc.runtime.codec.Tensor;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A stage that runs its ONNX sub-model with ONNX Runtime: one session per stage, one intra-op and
 * one inter-op thread, sequential execution and spinning off, because on a two-core machine
 * spinning sessions of neighbouring stages starve each other; basic graph optimisations only,
 * so that parts compose to exactly the unsplit model's numbers.
 */
public final class OnnxStageCompute implements StageCompute {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final BundleStage stage;

    private OnnxStageCompute(OrtEnvironment env, OrtSession session, BundleStage stage) {
        this.env = env;
        this.session = session;
        this.stage = stage;
    }

    /** The session options every satc stage uses. */
    public static OrtSession.SessionOptions sessionOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        options.addConfigEntry("session.inter_op.allow_spinning", "0");
        // Basic optimisations only (constant folding, redundant-node removal): the extended fusions
        // (attention, layer norm, GELU, embedding + layer norm) match different node groups in a
        // part than in the whole model, so they would make the parts differ from the unsplit model
        // in the last bits. With basic optimisations a split with codec `none` is bit-exact.
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.BASIC_OPT);
        return options;
    }

    /**
     * Opens the stage's model from the bytes the bundle verified (not from the file again) and checks that its inputs are exactly the stage's input and side
     * inputs and that it produces the stage's output.
     *
     * @throws IllegalArgumentException naming the model file when ONNX Runtime cannot load it or it
     *     does not match the manifest
     */
    public static OnnxStageCompute open(Bundle bundle, BundleStage stage) throws OrtException {
        ModelFile model = stage.modelFile()
                .orElseThrow(() -> new IllegalArgumentException(
                        stage.resourceName() + " is a simulation stage; it has no model to open."));
        String path = model.path();
        byte[] verified = bundle.bytes(model);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = sessionOptions()) {
            session = env.createSession(verified, options);
        } catch (OrtException e) {
            throw new IllegalArgumentException("ONNX Runtime cannot load `" + path + "`: " + e.getMessage(), e);
        }
        try {
            TreeSet<String> expected = new TreeSet<>();
            expected.add(stage.input().name());
            stage.sideInputs().forEach(d -> expected.add(d.name()));
            TreeSet<String> actual = new TreeSet<>(session.getInputNames());
            if (!expected.equals(actual)) {
                throw new IllegalArgumentException("Model `" + path + "` takes inputs " + actual
                        + ", but the manifest gives the stage " + expected + ".");
            }
            if (!session.getOutputNames().contains(stage.output().name())) {
                throw new IllegalArgumentException("Model `" + path + "` has no output `"
                        + stage.output().name() + "`; its outputs are " + session.getOutputNames() + ".");
            }
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return new OnnxStageCompute(env, session, stage);
    }

    @Override
    public Activation apply(StageInput input, long microBatchId) throws OrtException {
        Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
        try {
            feeds.put(stage.input().name(), tensor(input.main()));
            for (TensorDescriptor d : stage.sideInputs()) {
                Activation side = input.side().get(d.name());
                if (side == null) {
                    throw new IllegalStateException(
                            "Side input `" + d.name() + "` did not arrive with the micro-batch.");
                }
                feeds.put(d.name(), tensor(side));
            }
            try (OrtSession.Result result =
                    session.run(feeds, java.util.Set.of(stage.output().name()))) {
                Optional<OnnxValue> value = result.get(stage.output().name());
                if (value.isEmpty() || !(value.get() instanceof OnnxTensor out)) {
                    throw new IllegalStateException(
                            "The model did not return tensor `" + stage.output().name() + "`.");
                }
                return activation(out);
            }
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    private OnnxTensor tensor(Activation a) throws OrtException {
        long[] shape = toLong(a.shape());
        if (a instanceof LongTensor ints) {
            return OnnxTensor.createTensor(env, LongBuffer.wrap(ints.data()), shape);
        }
        return OnnxTensor.createTensor(env, FloatBuffer.wrap(((Tensor) a).data()), shape);
    }

    /** An ONNX Runtime output as a frame-ready activation (float32 or int64). */
    static Activation activation(OnnxTensor out) {
        long[] dims = out.getInfo().getShape();
        int[] shape = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            shape[i] = Math.toIntExact(dims[i]);
        }
        switch (out.getInfo().type) {
            case FLOAT: {
                FloatBuffer buffer = out.getFloatBuffer();
                float[] data = new float[buffer.remaining()];
                buffer.get(data);
                return Tensor.of(data, shape);
            }
            case INT64: {
                LongBuffer buffer = out.getLongBuffer();
                long[] data = new long[buffer.remaining()];
                buffer.get(data);
                return LongTensor.of(data, shape);
            }
            default:
                throw new IllegalStateException(
                        "The model returned a " + out.getInfo().type + " tensor; frames carry float32 and int64 only.");
        }
    }

    private static long[] toLong(int[] shape) {
        long[] result = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            result[i] = shape[i];
        }
        return result;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
