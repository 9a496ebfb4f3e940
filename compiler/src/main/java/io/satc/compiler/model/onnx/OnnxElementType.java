package io.satc.compiler.model.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.TensorInfo;
import java.util.Optional;

/**
 * ONNX element types ({@code TensorProto.DataType} numbers) and their sizes and ONNX Runtime
 * counterparts. ONNX Runtime's Java enums number types differently, so mapping goes by name.
 */
public final class OnnxElementType {
    private static final String ORT_PREFIX = "ONNX_TENSOR_ELEMENT_DATA_TYPE_";

    private OnnxElementType() {}

    /** Bytes per element; 0 for types without a fixed size (strings, undefined). */
    public static long sizeOf(int dataType) {
        TensorProto.DataType t = TensorProto.DataType.forNumber(dataType);
        if (t == null) {
            return 0;
        }
        switch (t) {
            case FLOAT:
            case INT32:
            case UINT32:
                return 4;
            case DOUBLE:
            case INT64:
            case UINT64:
            case COMPLEX64:
                return 8;
            case COMPLEX128:
                return 16;
            case FLOAT16:
            case BFLOAT16:
            case INT16:
            case UINT16:
                return 2;
            case UINT8:
            case INT8:
            case BOOL:
            case FLOAT8E4M3FN:
            case FLOAT8E4M3FNUZ:
            case FLOAT8E5M2:
            case FLOAT8E5M2FNUZ:
                return 1;
            default:
                return 0;
        }
    }

    /** The ONNX name of a data type, e.g. `FLOAT`. */
    public static String name(int dataType) {
        TensorProto.DataType t = TensorProto.DataType.forNumber(dataType);
        return t == null ? "UNDEFINED" : t.name();
    }

    /** The ONNX data type number of an ONNX Runtime tensor type, matched by name. */
    public static int fromOrt(TensorInfo.OnnxTensorType ortType) {
        String name = ortType.name();
        if (name.startsWith(ORT_PREFIX)) {
            name = name.substring(ORT_PREFIX.length());
        }
        try {
            return TensorProto.DataType.valueOf(name).getNumber();
        } catch (IllegalArgumentException e) {
            return TensorProto.DataType.UNDEFINED_VALUE;
        }
    }

    /** The ONNX Runtime Java type used to build a zero-filled tensor of this ONNX type. */
    public static Optional<OnnxJavaType> toOrtJava(int dataType) {
        TensorProto.DataType t = TensorProto.DataType.forNumber(dataType);
        if (t == null) {
            return Optional.empty();
        }
        try {
            OnnxJavaType j = OnnxJavaType.valueOf(t.name());
            return j == OnnxJavaType.STRING || j == OnnxJavaType.UNKNOWN ? Optional.empty() : Optional.of(j);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Bytes held by an initializer or constant tensor. */
    public static long bytesOf(TensorProto t) {
        if (t.getDataType() == TensorProto.DataType.STRING_VALUE) {
            long sum = 0;
            for (var s : t.getStringDataList()) {
                sum += s.size();
            }
            return sum;
        }
        if (!t.getRawData().isEmpty()) {
            return t.getRawData().size();
        }
        long elements = 1;
        for (long d : t.getDimsList()) {
            elements *= d;
        }
        return elements * sizeOf(t.getDataType());
    }
}
