package io.satc.compiler.model.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Serialises ONNX models deterministically: the same model always gives the same bytes. */
public final class OnnxModelWriter {
    private OnnxModelWriter() {}

    public static byte[] toBytes(ModelProto model) {
        byte[] out = new byte[model.getSerializedSize()];
        CodedOutputStream stream = CodedOutputStream.newInstance(out);
        stream.useDeterministicSerialization();
        try {
            model.writeTo(stream);
        } catch (IOException e) {
            // Writing into an exactly sized array cannot fail; this would be a protobuf bug.
            throw new UncheckedIOException(e);
        }
        stream.checkNoSpaceLeft();
        return out;
    }
}
