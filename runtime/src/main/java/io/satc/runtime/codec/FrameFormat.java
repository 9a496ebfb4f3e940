package io.satc.runtime.codec;

/**
 * Constants and size arithmetic of the version-1 activation frame (see {@code docs/frame-format.md}).
 *
 * <pre>
 * offset    size  field
 *  0         4    magic "SATF" (0x53 0x41 0x54 0x46)
 *  4         1    format version (1; 2 for int64 frames)
 *  5         1    codec id: 0 none, 1 fp16, 2 int8, 3 int4, 4 topk
 *  6         1    flags: bit 0 = zstd stage; other bits 0
 *  7         1    dtype of the encoded activation: 1 = float32, 2 = int64 (version 2, codec none)
 *  8         4    codec parameter, u32 (topk: kept fraction in parts per million; else 0)
 * 12         8    micro-batch id, i64
 * 20         1    rank r (1..8)
 * 21         3    reserved, 0
 * 24         4·r  dimensions, u32 each, outermost first, each in 1..2^31-1
 * 24+4r      4    payload length L, u32
 * 28+4r      L    payload
 * 28+4r+L    4    CRC32C of bytes [0, 28+4r+L)
 * </pre>
 * All integers are little-endian.
 */
public final class FrameFormat {

    /** "SATF": satc activation tensor frame. */
    public static final int MAGIC = 0x4654_4153;

    /** The newest version this code reads; it writes 1 for float32 frames and 2 for int64 frames. */
    public static final int VERSION = 2;

    /** The version of float32 frames, unchanged since the first format so version-1 readers read them. */
    public static final int VERSION_FLOAT32 = 1;

    /** The first version with int64 frames. */
    public static final int VERSION_INT64 = 2;

    public static final int MAX_RANK = 8;

    public static final byte DTYPE_FLOAT32 = 1;

    /** Integer model inputs (token ids, masks); only with codec {@code none}, optionally zstd. */
    public static final byte DTYPE_INT64 = 2;

    public static final int FLAG_ZSTD = 1;

    /** Bytes before the dimensions. */
    public static final int FIXED_HEADER_BYTES = 24;

    /** Frame bytes besides dimensions and payload: fixed header, payload length and CRC. */
    public static final int OVERHEAD_BYTES = FIXED_HEADER_BYTES + 4 + 4;

    static final int OFFSET_VERSION = 4;
    static final int OFFSET_CODEC = 5;
    static final int OFFSET_FLAGS = 6;
    static final int OFFSET_DTYPE = 7;
    static final int OFFSET_PARAMETER = 8;
    static final int OFFSET_MICRO_BATCH = 12;
    static final int OFFSET_RANK = 20;

    private FrameFormat() {}

    /**
     * The size of the frame that starts at {@code offset}, read from its rank and payload length,
     * or −1 when the bytes there are too short to say; lets a message of several frames be split
     * before each frame is decoded (and checked) on its own.
     */
    public static long frameLengthAt(byte[] buffer, int offset) {
        if (buffer.length - offset < FIXED_HEADER_BYTES) {
            return -1;
        }
        int rank = buffer[offset + OFFSET_RANK] & 0xFF;
        if (rank < 1 || rank > MAX_RANK || buffer.length - offset < headerBytes(rank)) {
            return -1;
        }
        long payload = Integer.toUnsignedLong(LittleEndian.getInt(buffer, offset + headerBytes(rank) - 4));
        return frameBytes(rank, payload);
    }

    /** Bytes from the frame start to the first payload byte. */
    public static int headerBytes(int rank) {
        return FIXED_HEADER_BYTES + 4 * rank + 4;
    }

    /** Total frame size for a payload of {@code payloadBytes}: {@code 32 + 4·rank + payloadBytes}. */
    public static long frameBytes(int rank, long payloadBytes) {
        return OVERHEAD_BYTES + 4L * rank + payloadBytes;
    }

    /** The ratio ρ of the cost model: fp32 bytes ({@code 4 · elements}) over frame bytes. */
    public static double compressionRatio(long elements, long frameBytes) {
        return 4.0 * elements / frameBytes;
    }
}
