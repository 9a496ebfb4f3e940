package io.satc.runtime.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * A message: what one hop carries for one micro-batch, one or more frames back to back. The
 * first frame is the activation of the cut; the frames after it are the model inputs that a
 * later stage (or the sink) still needs, such as an attention mask, in the manifest's order.
 * Each frame keeps its own header and CRC, so a message is split by reading each frame's length
 * and then decoding the frames one by one.
 */
public final class FrameMessage {

    private FrameMessage() {}

    /** The frames' bytes concatenated in order. */
    public static byte[] join(List<EncodedFrame> frames) {
        long total = 0;
        for (EncodedFrame f : frames) {
            total += f.frameBytes();
        }
        if (total > FrameEncoder.MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("a message of " + total + " bytes does not fit one array");
        }
        byte[] message = new byte[(int) total];
        int at = 0;
        for (EncodedFrame f : frames) {
            System.arraycopy(f.bytes(), 0, message, at, f.frameBytes());
            at += f.frameBytes();
        }
        return message;
    }

    /**
     * Decodes every frame of {@code message}.
     *
     * @throws FrameFormatException if the bytes are not a sequence of valid frames, or a frame's
     *     micro-batch id differs from the first one's
     */
    public static List<DecodedFrame> decode(FrameDecoder decoder, byte[] message) throws FrameFormatException {
        List<DecodedFrame> frames = new ArrayList<>();
        for (int[] at : bounds(message)) {
            DecodedFrame frame = decoder.decode(message, at[0], at[1]);
            if (!frames.isEmpty() && frame.microBatchId() != frames.get(0).microBatchId()) {
                throw new FrameFormatException("Frame " + (frames.size() + 1) + " of a message belongs to micro-batch "
                        + frame.microBatchId() + ", but the message's first frame to "
                        + frames.get(0).microBatchId() + ".");
            }
            frames.add(frame);
        }
        return frames;
    }

    /**
     * Where each frame of {@code message} lies, as {@code {offset, length}} pairs, found from each
     * frame's rank and payload length without decoding it (the decoder checks each).
     *
     * @throws FrameFormatException if the message is empty
     */
    public static List<int[]> bounds(byte[] message) throws FrameFormatException {
        List<int[]> frames = new ArrayList<>();
        int at = 0;
        while (at < message.length) {
            long length = FrameFormat.frameLengthAt(message, at);
            if (length < 0 || length > message.length - at) {
                // The rest as one frame: the decoder names exactly what is wrong with it.
                length = message.length - at;
            }
            frames.add(new int[] {at, (int) length});
            at += (int) length;
        }
        if (frames.isEmpty()) {
            throw new FrameFormatException("The message is empty; it must hold at least one frame.");
        }
        return frames;
    }

    /** Bytes of the first frame of {@code message}, or all of it when the header cannot be read. */
    public static int firstFrameBytes(byte[] message) {
        long length = FrameFormat.frameLengthAt(message, 0);
        return length < 0 || length > message.length ? message.length : (int) length;
    }
}
