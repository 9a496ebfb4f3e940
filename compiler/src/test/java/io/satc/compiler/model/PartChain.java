package io.satc.compiler.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.satc.compiler.model.onnx.OrtSessions;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the parts of a split one after another, as a pipeline of satellites would. */
final class PartChain {
    private PartChain() {}

    /** The float contents of each named output of the last part. */
    static Map<String, float[]> run(ModelSplit split, Map<String, OnnxTensor> modelInputs) throws OrtException {
        List<AutoCloseable> open = new ArrayList<>();
        try {
            Map<String, OnnxTensor> available = new HashMap<>(modelInputs);
            Map<String, float[]> last = new LinkedHashMap<>();
            for (ModelPart part : split.parts()) {
                OrtSession session = OrtSessions.open(part.onnx());
                open.add(session);
                Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
                for (String name : part.inputNames()) {
                    OnnxTensor t = available.get(name);
                    if (t == null) {
                        throw new IllegalStateException("part " + part.index() + " needs `" + name + "`");
                    }
                    feeds.put(name, t);
                }
                OrtSession.Result result = session.run(feeds);
                open.add(result);
                last.clear();
                for (Map.Entry<String, OnnxValue> e : result) {
                    OnnxTensor t = (OnnxTensor) e.getValue();
                    available.put(e.getKey(), t);
                    if (t.getInfo().type == ai.onnxruntime.OnnxJavaType.FLOAT) {
                        FloatBuffer b = t.getFloatBuffer();
                        float[] values = new float[b.remaining()];
                        b.get(values);
                        last.put(e.getKey(), values);
                    }
                }
            }
            return last;
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                try {
                    open.get(i).close();
                } catch (Exception e) {
                    // Closing native handles after a finished run does not affect the result.
                }
            }
        }
    }

    /** The float outputs of the whole model. */
    static Map<String, float[]> runWhole(byte[] model, Map<String, OnnxTensor> inputs) throws OrtException {
        try (OrtSession session = OrtSessions.open(model);
                OrtSession.Result result = session.run(inputs)) {
            Map<String, float[]> out = new LinkedHashMap<>();
            for (Map.Entry<String, OnnxValue> e : result) {
                FloatBuffer b = ((OnnxTensor) e.getValue()).getFloatBuffer();
                float[] values = new float[b.remaining()];
                b.get(values);
                out.put(e.getKey(), values);
            }
            return out;
        }
    }
}
