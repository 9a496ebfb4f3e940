package io.satc.compiler.model.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.CodedInputStream;
import io.satc.compiler.model.ModelErrorKind;
import io.satc.compiler.model.ModelResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Loads an ONNX {@code ModelProto} from a file and rejects files that are not ONNX models. */
public final class OnnxModelReader {
    private OnnxModelReader() {}

    /** Reads and checks the model at {@code path}. */
    public static ModelResult<ModelProto> read(Path path) {
        return readBytes(path).flatMap(bytes -> parse(bytes, shownName(path)));
    }

    /** The bytes of the model file at {@code path}, refusing files too large to parse. */
    public static ModelResult<byte[]> readBytes(Path path) {
        String shown = shownName(path);
        try {
            if (Files.size(path) > Integer.MAX_VALUE - 64) {
                return ModelResult.failed(
                        ModelErrorKind.UNREADABLE,
                        "File `" + shown + "` is larger than 2 GiB; models with external data are not supported.");
            }
            return ModelResult.ok(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return ModelResult.failed(ModelErrorKind.UNREADABLE, "File `" + shown + "` does not exist.");
        } catch (IOException e) {
            return ModelResult.failed(
                    ModelErrorKind.UNREADABLE, "File `" + shown + "` cannot be read: " + e.getMessage() + ".");
        }
    }

    /** How messages name the file: its name without the folder. */
    public static String shownName(Path path) {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }

    /**
     * Parses {@code bytes} as an ONNX model. The returned model aliases {@code bytes} (no copy of
     * the weights is made), so the array must not be changed afterwards.
     */
    public static ModelResult<ModelProto> parse(byte[] bytes, String shownName) {
        if (bytes.length == 0) {
            return ModelResult.failed(
                    ModelErrorKind.NOT_ONNX, "File `" + shownName + "` is not an ONNX model: it is empty.");
        }
        ModelProto model;
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            in.enableAliasing(true);
            model = ModelProto.parseFrom(in);
        } catch (IOException | RuntimeException e) {
            return ModelResult.failed(
                    ModelErrorKind.NOT_ONNX,
                    "File `" + shownName + "` is not an ONNX model: it is not a valid protocol buffer.");
        }
        if (model.getIrVersion() <= 0) {
            return ModelResult.failed(
                    ModelErrorKind.NOT_ONNX, "File `" + shownName + "` is not an ONNX model: it holds no IR version.");
        }
        if (!model.hasGraph()) {
            return ModelResult.failed(
                    ModelErrorKind.NOT_ONNX, "File `" + shownName + "` is not an ONNX model: it has no graph.");
        }
        GraphProto graph = model.getGraph();
        if (graph.getNodeCount() == 0 || graph.getOutputCount() == 0) {
            return ModelResult.failed(
                    ModelErrorKind.NOT_ONNX,
                    "File `" + shownName + "` is not a usable ONNX model: its graph has " + graph.getNodeCount()
                            + " nodes and " + graph.getOutputCount() + " outputs.");
        }
        for (TensorProto t : graph.getInitializerList()) {
            if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0) {
                return ModelResult.failed(
                        ModelErrorKind.UNSUPPORTED_MODEL,
                        "Model `" + shownName + "` keeps initializer `" + t.getName()
                                + "` in external data, which the splitter does not support.");
            }
        }
        return ModelResult.ok(model);
    }
}
