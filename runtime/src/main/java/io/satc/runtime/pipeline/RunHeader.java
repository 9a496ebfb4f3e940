package io.satc.runtime.pipeline;

import io.satc.runtime.codec.FrameFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * What the first stage's process tells every later one before the first micro-batch of a
 * distributed run, so that no process but the first reads the input: how many passes the run
 * makes and the batch's real samples. The last process labels and interprets the outputs with
 * it (a decoder's prompts and where each one's last character is, an encoder's sentences, how
 * many rows of the batch are real). Middle processes forward its bytes unchanged. Wire layout
 * in {@code docs/frame-format.md}, "Run header".
 *
 * @param steps   passes over the M micro-batches: a decoder's generated characters, else 1
 * @param samples the real samples of the batch in order (prompts or sentences), at most B;
 *                empty for tensor and simulation inputs
 * @param first   the first micro-batch the stream carries: 0, or where a replay after a switch to a
 *                contingency resumes (the micro-batches before it had reached the sink)
 */
public record RunHeader(int steps, List<String> samples, int first) {

    /** "SATH": satc run header. */
    static final int MAGIC = 0x4854_4153;

    /** Version 2 adds {@code first}; version 1 headers (first 0) are still read. */
    static final int VERSION = 2;

    /** The micro-batch id the header travels with: before micro-batch 0. */
    public static final long MICRO_BATCH_ID = -1;

    /** magic, version, reserved, steps, sample count. */
    private static final int FIXED_BYTES = 16;

    public RunHeader {
        if (steps < 1) {
            throw new IllegalArgumentException("a run makes at least one pass, not " + steps);
        }
        if (first < 0) {
            throw new IllegalArgumentException("a stream starts at micro-batch 0 or later, not " + first);
        }
        samples = List.copyOf(samples);
    }

    /** A run from its first micro-batch. */
    public RunHeader(int steps, List<String> samples) {
        this(steps, samples, 0);
    }

    /** This header for a replay that resumes at micro-batch {@code id}. */
    public RunHeader from(int id) {
        return new RunHeader(steps, samples, id);
    }

    /** A run of one pass over inputs without text. */
    public static RunHeader tensors() {
        return new RunHeader(1, List.of());
    }

    /** The header as it travels: little-endian, UTF-8 samples, CRC32C last. */
    public byte[] toBytes() {
        List<byte[]> texts = new ArrayList<>();
        int size = FIXED_BYTES + 4 + 4;
        for (String s : samples) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            texts.add(b);
            size = Math.addExact(size, 4 + b.length);
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(MAGIC).put((byte) VERSION).put(new byte[3]).putInt(steps).putInt(samples.size());
        for (byte[] b : texts) {
            out.putInt(b.length).put(b);
        }
        out.putInt(first);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, size - 4);
        out.putInt((int) crc.getValue());
        return out.array();
    }

    /**
     * Reads a header back, checking magic, version, lengths, CRC and UTF-8.
     *
     * @throws FrameFormatException naming what is wrong, in one sentence
     */
    public static RunHeader parse(byte[] bytes) throws FrameFormatException {
        if (bytes.length < FIXED_BYTES + 4) {
            throw new FrameFormatException("The run header is truncated: " + bytes.length
                    + " bytes, but the smallest has " + (FIXED_BYTES + 4) + ".");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (in.getInt() != MAGIC) {
            throw new FrameFormatException("Not a run header: it does not start with the magic `SATH`.");
        }
        int version = in.get() & 0xFF;
        if (version != VERSION && version != 1) {
            throw new FrameFormatException(
                    "Run header version " + version + " is not one of the versions 1 and 2 this node reads.");
        }
        if (in.get() != 0 || in.get() != 0 || in.get() != 0) {
            throw new FrameFormatException("The run header's reserved bytes must be 0.");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        if ((int) crc.getValue()
                != ByteBuffer.wrap(bytes, bytes.length - 4, 4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .getInt()) {
            throw new FrameFormatException("The run header's CRC32C does not match; it is corrupt.");
        }
        long steps = Integer.toUnsignedLong(in.getInt());
        long count = Integer.toUnsignedLong(in.getInt());
        if (steps < 1 || steps > Integer.MAX_VALUE) {
            throw new FrameFormatException("The run header says " + steps + " passes; it must be 1 to 2^31-1.");
        }
        List<String> samples = new ArrayList<>();
        int end = bytes.length - 4 - (version == 1 ? 0 : 4);
        if (end < in.position()) {
            throw new FrameFormatException("The run header is truncated: " + bytes.length + " bytes.");
        }
        for (long i = 0; i < count; i++) {
            if (end - in.position() < 4) {
                throw new FrameFormatException(
                        "The run header ends inside sample " + i + " of the " + count + " it announces.");
            }
            long length = Integer.toUnsignedLong(in.getInt());
            if (length > end - in.position()) {
                throw new FrameFormatException("Sample " + i + " of the run header claims " + length
                        + " bytes, but only " + (end - in.position()) + " remain.");
            }
            samples.add(utf8(bytes, in.position(), (int) length, i));
            in.position(in.position() + (int) length);
        }
        if (in.position() != end) {
            throw new FrameFormatException("The run header has " + (end - in.position()) + " bytes after its " + count
                    + " samples, before its CRC.");
        }
        int first = version == 1
                ? 0
                : ByteBuffer.wrap(bytes, end, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (first < 0) {
            throw new FrameFormatException(
                    "The run header resumes at micro-batch " + first + "; it must be at least 0.");
        }
        return new RunHeader((int) steps, samples, first);
    }

    private static String utf8(byte[] bytes, int offset, int length, long sample) throws FrameFormatException {
        try {
            CharBuffer text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
            return text.toString();
        } catch (CharacterCodingException e) {
            throw new FrameFormatException("Sample " + sample + " of the run header is not UTF-8.");
        }
    }
}
