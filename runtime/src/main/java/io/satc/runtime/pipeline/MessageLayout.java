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
import io.satc.runtime.codec.FrameMessage;
import io.satc.runtime.codec.UnencodableTensorException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the message of one transfer holds: the activation frame, encoded with the transfer's
 * codec, then the side inputs still needed downstream, each losslessly ({@code none+zstd}).
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

    /** A message read back and checked against the layout. */
    public record Decoded(long microBatchId, Activation main, Map<String, Activation> side) {}

    /**
     * Decodes a message and checks its frame count, micro-batch ids, shapes and dtypes against
     * the layout.
     *
     * @throws FrameFormatException if the bytes are malformed or do not match the layout
     */
    public Decoded decode(FrameDecoder decoder, byte[] message) throws FrameFormatException {
        List<DecodedFrame> frames = FrameMessage.decode(decoder, message);
        if (frames.size() != 1 + carried.size()) {
            throw new FrameFormatException("The message holds " + frames.size() + " frames, but transfer " + transfer
                    + " carries " + (1 + carried.size()) + " (`" + main.name() + "`" + names() + ").");
        }
        check(frames.get(0), main);
        Map<String, Activation> side = new LinkedHashMap<>();
        for (int i = 0; i < carried.size(); i++) {
            check(frames.get(i + 1), carried.get(i));
            side.put(carried.get(i).name(), frames.get(i + 1).activation());
        }
        return new Decoded(frames.get(0).microBatchId(), frames.get(0).activation(), side);
    }

    private String names() {
        StringBuilder sb = new StringBuilder();
        for (TensorDescriptor d : carried) {
            sb.append(", `").append(d.name()).append('`');
        }
        return sb.toString();
    }

    private static void check(DecodedFrame frame, TensorDescriptor expected) throws FrameFormatException {
        Activation a = frame.activation();
        if (!Arrays.equals(a.shape(), expected.dimensions()) || !a.dtypeName().equals(expected.dtype())) {
            throw new FrameFormatException("`" + expected.name() + "` arrived as " + a.dtypeName()
                    + Arrays.toString(a.shape()) + ", but the manifest says " + expected.dtype()
                    + expected.shape() + ".");
        }
    }
}
