package io.satc.runtime.pipeline;

import io.satc.runtime.bundle.BundleManifest;
import io.satc.runtime.bundle.BundleStage;
import io.satc.runtime.bundle.TensorDescriptor;
import io.satc.runtime.codec.Activation;
import io.satc.runtime.codec.CodecSpec;
import io.satc.runtime.codec.DecodedFrame;
import io.satc.runtime.codec.EncodedFrame;
import io.satc.runtime.codec.FrameDecoder;
import io.satc.runtime.codec.FrameEncoder;
import io.satc.runtime.codec.FrameFormatException;
import io.satc.runtime.codec.FrameHeader;
import io.satc.runtime.codec.FrameMessage;
import io.satc.runtime.codec.UnencodableTensorException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the message of one transfer holds: the activation frame, encoded with the transfer's
 * codec, then the side inputs still needed downstream, each losslessly ({@code none+zstd}) as
 * the source encoded it; stages after the source forward those frames' bytes as they arrived.
 *
 * @param transfer 0 = source to stage 1, k = cut after stage k, K = last stage to sink
 * @param main     the activation's descriptor
 * @param codec    the activation's codec
 * @param carried  side inputs after it, in order
 */
public record MessageLayout(int transfer, TensorDescriptor main, CodecSpec codec, List<TensorDescriptor> carried) {

    /** The lossless spec side inputs travel with: their values are ids and masks, which zstd shrinks well. */
    public static final CodecSpec SIDE_CODEC =
            CodecSpec.parse("none+zstd").spec().orElseThrow();

    public MessageLayout {
        carried = List.copyOf(carried);
    }

    /** The layout of every transfer 0…K of {@code manifest}. */
    public static List<MessageLayout> of(BundleManifest manifest) {
        List<BundleStage> stages = manifest.stages();
        List<MessageLayout> layouts = new ArrayList<>();
        for (int t = 0; t <= stages.size(); t++) {
            BundleStage receiver = t < stages.size() ? stages.get(t) : null;
            BundleStage sender = t > 0 ? stages.get(t - 1) : null;
            TensorDescriptor main = receiver != null ? receiver.input() : sender.output();
            String codec = receiver != null ? receiver.codecIn() : sender.codecOut();
            int transfer = t;
            List<TensorDescriptor> carried =
                    manifest.modelIo().map(io -> io.carried(stages, transfer)).orElse(List.of());
            layouts.add(new MessageLayout(t, main, parse(codec), carried));
        }
        return layouts;
    }

    private static CodecSpec parse(String spec) {
        return CodecSpec.parse(spec)
                .spec()
                .orElseThrow(() ->
                        new IllegalArgumentException("codec `" + spec + "` passed BundleReader but does not parse"));
    }

    /** Encodes the activation and the carried side inputs, taken by name from {@code side}. */
    public byte[] encode(FrameEncoder encoder, Activation activation, Map<String, Activation> side, long microBatchId)
            throws UnencodableTensorException {
        List<EncodedFrame> frames = new ArrayList<>();
        frames.add(encoder.encode(activation, codec, microBatchId));
        for (TensorDescriptor d : carried) {
            Activation value = side.get(d.name());
            if (value == null) {
                throw new IllegalStateException(
                        "Side input `" + d.name() + "` is needed downstream but did not arrive.");
            }
            frames.add(encoder.encode(value, SIDE_CODEC, microBatchId));
        }
        return FrameMessage.join(frames);
    }

    /**
     * A message at a stage's successor: the activation it computed, then the carried side inputs
     * as the frame bytes that arrived in {@code arrived}, unchanged (neither decoded nor
     * re-compressed on the way).
     */
    public byte[] forward(FrameEncoder encoder, Activation activation, Decoded arrived, long microBatchId)
            throws UnencodableTensorException {
        List<EncodedFrame> frames = new ArrayList<>();
        frames.add(encoder.encode(activation, codec, microBatchId));
        for (TensorDescriptor d : carried) {
            byte[] frame = arrived.frames().get(d.name());
            if (frame == null) {
                throw new IllegalStateException(
                        "Side input `" + d.name() + "` is needed downstream but did not arrive.");
            }
            frames.add(new EncodedFrame(frame, Math.toIntExact(d.elementCount())));
        }
        return FrameMessage.join(frames);
    }

    /**
     * A message read back and checked against the layout.
     *
     * @param side   the carried side inputs that were decoded, by name
     * @param frames every carried side input's frame bytes as they arrived, by name
     */
    public record Decoded(
            long microBatchId, Activation main, Map<String, Activation> side, Map<String, byte[]> frames) {}

    /** {@link #decode(FrameDecoder, byte[], Set)} decoding every carried side input (the sink's case). */
    public Decoded decode(FrameDecoder decoder, byte[] message) throws FrameFormatException {
        Set<String> all = new HashSet<>();
        carried.forEach(d -> all.add(d.name()));
        return decode(decoder, message, all);
    }

    /**
     * Splits a message, decodes its activation and the side inputs named in {@code read}, and
     * checks every frame's header, CRC, micro-batch id, shape and dtype against the layout; the
     * other side inputs are kept as bytes, for {@link #forward}.
     *
     * @throws FrameFormatException if the bytes are malformed or do not match the layout
     */
    public Decoded decode(FrameDecoder decoder, byte[] message, Set<String> read) throws FrameFormatException {
        List<int[]> parts = FrameMessage.bounds(message);
        if (parts.size() != 1 + carried.size()) {
            throw new FrameFormatException("The message holds " + parts.size() + " frames, but transfer " + transfer
                    + " carries " + (1 + carried.size()) + " (`" + main.name() + "`" + names() + ").");
        }
        DecodedFrame first = decoder.decode(message, parts.get(0)[0], parts.get(0)[1]);
        check(first.activation().shape(), first.activation().dtypeName(), main);
        Map<String, Activation> side = new LinkedHashMap<>();
        Map<String, byte[]> frames = new LinkedHashMap<>();
        for (int i = 0; i < carried.size(); i++) {
            TensorDescriptor d = carried.get(i);
            int[] at = parts.get(i + 1);
            byte[] bytes = Arrays.copyOfRange(message, at[0], at[0] + at[1]);
            long id;
            if (read.contains(d.name())) {
                DecodedFrame frame = decoder.decode(bytes);
                check(frame.activation().shape(), frame.activation().dtypeName(), d);
                side.put(d.name(), frame.activation());
                id = frame.microBatchId();
            } else {
                FrameHeader header = decoder.header(bytes, 0, bytes.length);
                check(header.shape(), header.dtypeName(), d);
                id = header.microBatchId();
            }
            if (id != first.microBatchId()) {
                throw new FrameFormatException("Frame " + (i + 2) + " of a message belongs to micro-batch " + id
                        + ", but the message's first frame to " + first.microBatchId() + ".");
            }
            frames.put(d.name(), bytes);
        }
        return new Decoded(first.microBatchId(), first.activation(), side, frames);
    }

    private String names() {
        StringBuilder sb = new StringBuilder();
        for (TensorDescriptor d : carried) {
            sb.append(", `").append(d.name()).append('`');
        }
        return sb.toString();
    }

    private static void check(int[] shape, String dtype, TensorDescriptor expected) throws FrameFormatException {
        if (!Arrays.equals(shape, expected.dimensions()) || !dtype.equals(expected.dtype())) {
            throw new FrameFormatException("`" + expected.name() + "` arrived as " + dtype + Arrays.toString(shape)
                    + ", but the manifest says " + expected.dtype() + expected.shape() + ".");
        }
    }
}
