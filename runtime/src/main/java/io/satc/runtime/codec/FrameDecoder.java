package io.satc.runtime.codec;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Reads version-1 activation frames back into tensors, rejecting anything malformed with a
 * {@link FrameFormatException} and never another exception.
 *
 * <p>Every length is checked against the bytes actually present before anything is allocated;
 * the one size that bytes cannot bound, a zstd payload's decompressed size, is capped by
 * {@link #maxElements()}. Stateless apart from that limit and thread-safe.
 */
public final class FrameDecoder {

    /** Default cap on decoded elements: 2^26, a 256 MiB fp32 tensor. */
    public static final int DEFAULT_MAX_ELEMENTS = 1 << 26;

    private static final int MIN_FRAME_BYTES = (int) FrameFormat.frameBytes(1, 0);

    private final int maxElements;

    public FrameDecoder() {
        this(DEFAULT_MAX_ELEMENTS);
    }

    /** A decoder that rejects frames whose tensor has more than {@code maxElements} elements. */
    public FrameDecoder(int maxElements) {
        if (maxElements < 1) {
            throw new IllegalArgumentException("maxElements must be positive, was " + maxElements);
        }
        this.maxElements = maxElements;
    }

    public int maxElements() {
        return maxElements;
    }

    public DecodedFrame decode(byte[] frame) throws FrameFormatException {
        return decode(frame, 0, frame.length);
    }

    /**
     * Checks the frame that occupies exactly {@code buffer[offset, offset+length)} as far as it can
     * without decoding the payload (checks 1–4 of {@code docs/frame-format.md}: magic, version,
     * length, CRC32C, header fields) and returns its header: for a frame a stage forwards without
     * reading it.
     *
     * @throws FrameFormatException      if those bytes are not one frame with a valid header
     * @throws IndexOutOfBoundsException if the range lies outside {@code buffer} (a caller bug)
     */
    public FrameHeader header(byte[] buffer, int offset, int length) throws FrameFormatException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length >= 4 && LittleEndian.getInt(buffer, offset) != FrameFormat.MAGIC) {
            throw new FrameFormatException("Not an activation frame: it starts with " + hex(buffer, offset, 4)
                    + ", not the magic `SATF` (53 41 54 46).");
        }
        if (length > FrameFormat.OFFSET_VERSION) {
            int version = buffer[offset + FrameFormat.OFFSET_VERSION] & 0xFF;
            if (version > FrameFormat.VERSION) {
                throw new FrameFormatException("Frame format version " + version
                        + " is newer than this reader, which supports version " + FrameFormat.VERSION + ".");
            }
            if (version < 1) {
                throw new FrameFormatException("Frame format version 0 is invalid; versions start at 1.");
            }
        }
        if (length < MIN_FRAME_BYTES) {
            throw new FrameFormatException(
                    "Frame is truncated: " + length + " bytes, but the smallest frame has " + MIN_FRAME_BYTES + ".");
        }
        int rank = buffer[offset + FrameFormat.OFFSET_RANK] & 0xFF;
        if (rank < 1 || rank > FrameFormat.MAX_RANK) {
            throw new FrameFormatException("Frame rank " + rank + " is outside 1.." + FrameFormat.MAX_RANK + ".");
        }
        int headerBytes = FrameFormat.headerBytes(rank);
        if (length < headerBytes + 4) {
            throw new FrameFormatException("Frame is truncated: a rank-" + rank + " header needs " + (headerBytes + 4)
                    + " bytes with its CRC, but only " + length + " are present.");
        }
        long payloadBytes = Integer.toUnsignedLong(LittleEndian.getInt(buffer, offset + headerBytes - 4));
        long frameBytes = FrameFormat.frameBytes(rank, payloadBytes);
        if (length < frameBytes) {
            throw new FrameFormatException("Frame is truncated: its header claims a payload of "
                    + payloadBytes + " bytes, so the frame needs " + frameBytes + " bytes, but only "
                    + length + " are present.");
        }
        if (length > frameBytes) {
            throw new FrameFormatException("Frame has " + (length - frameBytes)
                    + " unexpected bytes after its CRC (frame size " + frameBytes + ", given " + length + ").");
        }
        checkCrc(buffer, offset, length);

        CodecSpec spec = readSpec(buffer, offset);
        int version = buffer[offset + FrameFormat.OFFSET_VERSION] & 0xFF;
        byte dtype = buffer[offset + FrameFormat.OFFSET_DTYPE];
        if (dtype == FrameFormat.DTYPE_INT64 && version >= FrameFormat.VERSION_INT64) {
            if (!(spec.codec() instanceof Codec.None)) {
                throw new FrameFormatException(
                        "An int64 frame must use codec `none`, but this one says `" + spec.label() + "`.");
            }
        } else if (dtype != FrameFormat.DTYPE_FLOAT32) {
            throw new FrameFormatException("Frame dtype " + (dtype & 0xFF) + " is not supported in version " + version
                    + "; frames carry float32 (dtype 1) or, from version 2, int64 (dtype 2).");
        }
        for (int i = FrameFormat.OFFSET_RANK + 1; i < FrameFormat.FIXED_HEADER_BYTES; i++) {
            if (buffer[offset + i] != 0) {
                throw new FrameFormatException("Reserved header byte " + i + " is " + (buffer[offset + i] & 0xFF)
                        + "; it must be 0 in version 1.");
            }
        }
        int[] shape = readShape(buffer, offset, rank);
        elementCount(shape);
        long microBatchId = LittleEndian.getLong(buffer, offset + FrameFormat.OFFSET_MICRO_BATCH);
        return new FrameHeader(microBatchId, spec, dtype, shape, headerBytes, payloadBytes);
    }

    /**
     * Decodes the frame that occupies exactly {@code buffer[offset, offset+length)}.
     *
     * @throws FrameFormatException      if those bytes are not one valid frame
     * @throws IndexOutOfBoundsException if the range lies outside {@code buffer} (a caller bug)
     */
    public DecodedFrame decode(byte[] buffer, int offset, int length) throws FrameFormatException {
        FrameHeader h = header(buffer, offset, length);
        int[] shape = h.shape();
        int rank = shape.length;
        CodecSpec spec = h.spec();
        long payloadBytes = h.payloadBytes();
        int headerBytes = h.headerBytes();
        int rowLength = shape[rank - 1];
        int elements = elementCount(shape);
        boolean int64 = h.dtype() == FrameFormat.DTYPE_INT64;
        long expectedPayload = int64 ? 8L * elements : spec.codec().payloadBytes(elements / rowLength, rowLength);
        int payloadAt = offset + headerBytes;
        byte[] payload = buffer;
        if (spec.zstd()) {
            if (expectedPayload > FrameEncoder.MAX_FRAME_BYTES) {
                throw new FrameFormatException("Frame shape " + Arrays.toString(shape) + " with `" + spec.label()
                        + "` needs a " + expectedPayload + "-byte payload, more than one frame holds.");
            }
            payload = ZstdStage.decompress(buffer, payloadAt, (int) payloadBytes, (int) expectedPayload);
            payloadAt = 0;
        } else if (payloadBytes != expectedPayload) {
            throw new FrameFormatException("Payload is " + payloadBytes + " bytes, but `" + spec.label() + "` on shape "
                    + Arrays.toString(shape) + " needs exactly " + expectedPayload + ".");
        }
        long microBatchId = h.microBatchId();
        if (int64) {
            long[] values = new long[elements];
            java.nio.ByteBuffer.wrap(payload, payloadAt, 8 * elements)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .asLongBuffer()
                    .get(values);
            return new DecodedFrame(microBatchId, spec, new LongTensor(shape, values));
        }
        float[] data = new float[elements];
        CoderSelector.coderFor(spec.codec()).decode(payload, payloadAt, rowLength, data);
        return new DecodedFrame(microBatchId, spec, new Tensor(shape, data));
    }

    private static void checkCrc(byte[] buffer, int offset, int length) throws FrameFormatException {
        CRC32C crc = new CRC32C();
        crc.update(buffer, offset, length - 4);
        int computed = (int) crc.getValue();
        int stored = LittleEndian.getInt(buffer, offset + length - 4);
        if (computed != stored) {
            throw new FrameFormatException(String.format(
                    Locale.ROOT,
                    "Frame CRC32C mismatch: stored 0x%08x, computed 0x%08x; the frame is corrupt.",
                    stored,
                    computed));
        }
    }

    private static CodecSpec readSpec(byte[] buffer, int offset) throws FrameFormatException {
        int id = buffer[offset + FrameFormat.OFFSET_CODEC] & 0xFF;
        int flags = buffer[offset + FrameFormat.OFFSET_FLAGS] & 0xFF;
        int parameter = LittleEndian.getInt(buffer, offset + FrameFormat.OFFSET_PARAMETER);
        if ((flags & ~FrameFormat.FLAG_ZSTD) != 0) {
            throw new FrameFormatException(String.format(
                    Locale.ROOT, "Frame flags 0x%02x set unknown bits; version 1 defines only 0x01 (zstd).", flags));
        }
        Codec codec;
        switch (id) {
            case Codec.None.ID:
                codec = new Codec.None();
                break;
            case Codec.Fp16.ID:
                codec = new Codec.Fp16();
                break;
            case Codec.Int8.ID:
                codec = new Codec.Int8();
                break;
            case Codec.Int4.ID:
                codec = new Codec.Int4();
                break;
            case Codec.TopK.ID:
                if (parameter < 1 || parameter > Codec.TopK.MILLION) {
                    throw new FrameFormatException("Top-k parameter " + Integer.toUnsignedString(parameter)
                            + " parts per million is outside 1..1000000.");
                }
                return new CodecSpec(new Codec.TopK(parameter), (flags & FrameFormat.FLAG_ZSTD) != 0);
            default:
                throw new FrameFormatException("Unknown codec id " + id + "; version 1 defines 0 (none), "
                        + "1 (fp16), 2 (int8), 3 (int4) and 4 (topk).");
        }
        if (parameter != 0) {
            throw new FrameFormatException("Codec `" + codec.label() + "` takes no parameter, but the frame has "
                    + Integer.toUnsignedString(parameter) + ".");
        }
        return new CodecSpec(codec, (flags & FrameFormat.FLAG_ZSTD) != 0);
    }

    private static int[] readShape(byte[] buffer, int offset, int rank) throws FrameFormatException {
        int[] shape = new int[rank];
        for (int axis = 0; axis < rank; axis++) {
            int dim = LittleEndian.getInt(buffer, offset + FrameFormat.FIXED_HEADER_BYTES + 4 * axis);
            if (dim < 1) {
                throw new FrameFormatException("Dimension " + axis + " is " + Integer.toUnsignedString(dim)
                        + "; dimensions must be in 1.." + Integer.MAX_VALUE + ".");
            }
            shape[axis] = dim;
        }
        return shape;
    }

    private int elementCount(int[] shape) throws FrameFormatException {
        long elements = 1;
        for (int dim : shape) {
            elements *= dim;
            if (elements > maxElements) {
                throw new FrameFormatException("Frame shape " + Arrays.toString(shape)
                        + " has more elements than this decoder's limit of " + maxElements + ".");
            }
        }
        return (int) elements;
    }

    private static String hex(byte[] buffer, int offset, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02x", buffer[offset + i] & 0xFF));
        }
        return sb.toString();
    }
}
