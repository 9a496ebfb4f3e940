package io.satc.runtime.codec;

import java.util.zip.CRC32C;

/**
 * Encodes a tensor into one version-1 activation frame (layout in {@link FrameFormat}).
 *
 * <p>Stateless and thread-safe; the same tensor, spec and micro-batch id always give the same
 * bytes.
 */
public final class FrameEncoder {

    /** Largest frame, so that it fits one Java array. */
    public static final int MAX_FRAME_BYTES = Integer.MAX_VALUE - 8;

    /**
     * Encodes {@code tensor} with {@code spec}.
     *
     * @throws UnencodableTensorException if a quantizing codec meets a NaN or infinity, an int4
     *     group exceeds the fp16 scale range, or the frame would exceed {@link #MAX_FRAME_BYTES}
     */
    public EncodedFrame encode(Tensor tensor, CodecSpec spec, long microBatchId) throws UnencodableTensorException {
        Codec codec = spec.codec();
        PayloadCoder coder = CoderSelector.coderFor(codec);
        int rank = tensor.rank();
        int headerBytes = FrameFormat.headerBytes(rank);
        long payloadBytes = codec.payloadBytes(tensor.rowCount(), tensor.rowLength());
        byte[] frame;
        if (spec.zstd()) {
            byte[] payload = new byte[checkedSize(payloadBytes, tensor, spec)];
            coder.encode(tensor.data(), tensor.rowLength(), payload, 0);
            byte[] compressed = ZstdStage.compress(payload);
            payloadBytes = compressed.length;
            frame = new byte[checkedSize(FrameFormat.frameBytes(rank, payloadBytes), tensor, spec)];
            System.arraycopy(compressed, 0, frame, headerBytes, compressed.length);
        } else {
            frame = new byte[checkedSize(FrameFormat.frameBytes(rank, payloadBytes), tensor, spec)];
            coder.encode(tensor.data(), tensor.rowLength(), frame, headerBytes);
        }
        writeHeader(frame, tensor, spec, microBatchId, (int) payloadBytes);
        CRC32C crc = new CRC32C();
        crc.update(frame, 0, frame.length - 4);
        LittleEndian.putInt(frame, frame.length - 4, (int) crc.getValue());
        return new EncodedFrame(frame, tensor.elementCount());
    }

    /**
     * Encodes an int64 tensor (token ids, masks) as a version-2 frame with codec {@code none}:
     * 8 bytes per element, little-endian, zstd-compressed when {@code spec} says so.
     *
     * @throws UnencodableTensorException if {@code spec} quantizes (integers are never quantized)
     *     or the frame would exceed {@link #MAX_FRAME_BYTES}
     */
    public EncodedFrame encode(LongTensor tensor, CodecSpec spec, long microBatchId) throws UnencodableTensorException {
        if (!(spec.codec() instanceof Codec.None)) {
            throw new UnencodableTensorException("Tensor " + tensor + " holds int64 values, which travel with codec "
                    + "`none` (optionally `none+zstd`), not `" + spec.label() + "`.");
        }
        int rank = tensor.shape().length;
        int headerBytes = FrameFormat.headerBytes(rank);
        long[] data = tensor.data();
        long rawBytes = 8L * data.length;
        if (FrameFormat.frameBytes(rank, rawBytes) > MAX_FRAME_BYTES) {
            throw new UnencodableTensorException("Tensor " + tensor + " needs " + FrameFormat.frameBytes(rank, rawBytes)
                    + " bytes, more than one frame can hold (" + MAX_FRAME_BYTES + ").");
        }
        byte[] payload = new byte[(int) rawBytes];
        java.nio.ByteBuffer.wrap(payload)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .asLongBuffer()
                .put(data);
        if (spec.zstd()) {
            payload = ZstdStage.compress(payload);
        }
        byte[] frame = new byte[(int) FrameFormat.frameBytes(rank, payload.length)];
        System.arraycopy(payload, 0, frame, headerBytes, payload.length);
        writeHeader(frame, tensor.shape(), FrameFormat.DTYPE_INT64, spec, microBatchId, payload.length);
        CRC32C crc = new CRC32C();
        crc.update(frame, 0, frame.length - 4);
        LittleEndian.putInt(frame, frame.length - 4, (int) crc.getValue());
        return new EncodedFrame(frame, data.length);
    }

    /** Encodes either kind of activation with {@code spec}. */
    public EncodedFrame encode(Activation activation, CodecSpec spec, long microBatchId)
            throws UnencodableTensorException {
        if (activation instanceof LongTensor ints) {
            return encode(ints, spec, microBatchId);
        }
        return encode((Tensor) activation, spec, microBatchId);
    }

    private static void writeHeader(byte[] frame, Tensor tensor, CodecSpec spec, long microBatchId, int payloadBytes) {
        writeHeader(frame, tensor.shape(), FrameFormat.DTYPE_FLOAT32, spec, microBatchId, payloadBytes);
    }

    private static void writeHeader(
            byte[] frame, int[] shape, byte dtype, CodecSpec spec, long microBatchId, int payloadBytes) {
        LittleEndian.putInt(frame, 0, FrameFormat.MAGIC);
        frame[FrameFormat.OFFSET_VERSION] =
                (byte) (dtype == FrameFormat.DTYPE_INT64 ? FrameFormat.VERSION_INT64 : FrameFormat.VERSION_FLOAT32);
        frame[FrameFormat.OFFSET_CODEC] = spec.codec().id();
        frame[FrameFormat.OFFSET_FLAGS] = (byte) (spec.zstd() ? FrameFormat.FLAG_ZSTD : 0);
        frame[FrameFormat.OFFSET_DTYPE] = dtype;
        LittleEndian.putInt(frame, FrameFormat.OFFSET_PARAMETER, spec.codec().parameter());
        LittleEndian.putLong(frame, FrameFormat.OFFSET_MICRO_BATCH, microBatchId);
        frame[FrameFormat.OFFSET_RANK] = (byte) shape.length;
        int at = FrameFormat.FIXED_HEADER_BYTES;
        for (int axis = 0; axis < shape.length; axis++, at += 4) {
            LittleEndian.putInt(frame, at, shape[axis]);
        }
        LittleEndian.putInt(frame, at, payloadBytes);
    }

    private static int checkedSize(long bytes, Tensor tensor, CodecSpec spec) throws UnencodableTensorException {
        if (bytes > MAX_FRAME_BYTES) {
            throw new UnencodableTensorException("Tensor " + tensor + " needs " + bytes + " bytes with `"
                    + spec.label() + "`, more than one frame can hold (" + MAX_FRAME_BYTES
                    + "); split it along its first dimension.");
        }
        return (int) bytes;
    }
}
