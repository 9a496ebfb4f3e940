package io.satc.compiler.model.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Opens ONNX Runtime sessions the way satc wants them on shared machines: one intra-op and one
 * inter-op thread, no spinning.
 */
public final class OrtSessions {
    private OrtSessions() {}

    public static OrtSession open(byte[] model) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            return OrtEnvironment.getEnvironment().createSession(model, options);
        }
    }
}
