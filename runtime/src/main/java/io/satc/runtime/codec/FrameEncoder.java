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
    public EncodedFrame encode(Tensor tensor, CodecSpec spec, long microBatchId)
            throws UnencodableTensorException {
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

    private static void writeHeader(byte[] frame, Tensor tensor, CodecSpec spec, long microBatchId, int payloadBytes) {
        LittleEndian.putInt(frame, 0, FrameFormat.MAGIC);
        frame[FrameFormat.OFFSET_VERSION] = FrameFormat.VERSION;
        frame[FrameFormat.OFFSET_CODEC] = spec.codec().id();
        frame[FrameFormat.OFFSET_FLAGS] = (byte) (spec.zstd() ? FrameFormat.FLAG_ZSTD : 0);
        frame[FrameFormat.OFFSET_DTYPE] = FrameFormat.DTYPE_FLOAT32;
        LittleEndian.putInt(frame, FrameFormat.OFFSET_PARAMETER, spec.codec().parameter());
        LittleEndian.putLong(frame, FrameFormat.OFFSET_MICRO_BATCH, microBatchId);
        frame[FrameFormat.OFFSET_RANK] = (byte) tensor.rank();
        int at = FrameFormat.FIXED_HEADER_BYTES;
        for (int axis = 0; axis < tensor.rank(); axis++, at += 4) {
            LittleEndian.putInt(frame, at, tensor.dimension(axis));
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
