package io.satc.runtime.codec;

import com.github.luben.zstd.Zstd;
import java.util.Arrays;

/**
 * The lossless {@code +zstd} stage over a codec payload: one zstd frame at a fixed level, with
 * its content size recorded and no zstd checksum (the frame's CRC32C covers it).
 *
 * <p>Single-threaded zstd at a fixed level is deterministic for a given library version, so the
 * same payload gives the same bytes.
 */
final class ZstdStage {

    /** zstd's own default; level 1 is barely faster on activations and compresses less. */
    static final int LEVEL = 3;

    private ZstdStage() {}

    static byte[] compress(byte[] payload) {
        byte[] out = new byte[(int) Zstd.compressBound(payload.length)];
        long size = Zstd.compressByteArray(out, 0, out.length, payload, 0, payload.length, LEVEL);
        if (Zstd.isError(size)) {
            throw new IllegalStateException("zstd failed on a bound-sized buffer: " + Zstd.getErrorName(size));
        }
        return Arrays.copyOf(out, (int) size);
    }

    /**
     * Decompresses {@code in[offset, offset+length)}, which must hold one zstd frame of exactly
     * {@code expected} bytes; the size is checked against the zstd header before allocating.
     */
    static byte[] decompress(byte[] in, int offset, int length, int expected) throws FrameFormatException {
        long declared;
        try {
            declared = Zstd.getFrameContentSize(in, offset, length);
        } catch (RuntimeException e) {
            throw new FrameFormatException("The zstd payload header is corrupt: " + e.getMessage() + ".");
        }
        if (declared != expected) {
            throw new FrameFormatException("The zstd payload declares " + describe(declared)
                    + " but the frame's codec and shape need " + expected + " bytes.");
        }
        byte[] out = new byte[expected];
        long size;
        try {
            size = Zstd.decompressByteArray(out, 0, expected, in, offset, length);
        } catch (RuntimeException e) {
            throw new FrameFormatException("The zstd payload is corrupt: " + e.getMessage() + ".");
        }
        if (Zstd.isError(size)) {
            throw new FrameFormatException("The zstd payload is corrupt: " + Zstd.getErrorName(size) + ".");
        }
        if (size != expected) {
            throw new FrameFormatException("The zstd payload decompressed to " + size
                    + " bytes but the frame's codec and shape need " + expected + ".");
        }
        return out;
    }

    private static String describe(long declared) {
        return declared < 0 ? "no content size (" + declared + ")" : declared + " bytes";
    }
}
