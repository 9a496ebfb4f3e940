package io.satc.compiler.codegen;

import io.satc.compiler.lower.CodecOption;
import io.satc.runtime.codec.Codec;
import io.satc.runtime.codec.CodecSpec;
import java.util.Optional;

/**
 * How a simulation bundle (a catalogue or profile model: no weights) represents each
 * transfer so that the bytes on the wire are the cost model's: a float32 tensor
 * {@code [b, elements]} and a runtime codec whose frames come to the predicted size.
 */
final class SimulationShapes {

    /** A transfer's tensor width per sample and the codec its frames use. */
    record Wire(int elementsPerSample, String codec) {}

    private SimulationShapes() {}

    /**
     * For an activation of {@code bytesPerSample} at {@code activationBytes} per element sent with
     * {@code codec}: built-in codecs run as themselves on the activation's elements (their wire
     * bytes per element do not depend on the source precision), uncompressed 16-bit activations
     * travel as fp16 frames (lossless for them), and declared codecs, which the runtime cannot
     * execute, are stood in for by an uncompressed tensor of the compressed size.
     */
    static Wire of(double bytesPerSample, int activationBytes, CodecOption codec, int afterUnit) {
        long elements = Math.max(1, Math.round(bytesPerSample / activationBytes));
        Optional<CodecSpec> spec = codec.kind().spec();
        if (spec.isPresent() && spec.get().codec() instanceof Codec.None) {
            // Uncompressed (a `none+zstd` cut is counted without its data-dependent gain, as planned).
            return activationBytes == 2
                    ? new Wire(toInt(elements), "fp16")
                    : new Wire(toInt(Math.round(bytesPerSample / 4)), "none");
        }
        if (spec.isPresent()) {
            return new Wire(toInt(elements), spec.get().label());
        }
        double compressed = bytesPerSample / codec.ratioPerCut().get(afterUnit);
        return new Wire(toInt(Math.max(1, Math.round(compressed / 4))), "none");
    }

    /** The raw input: bytes as they are, in float32 frames. */
    static Wire raw(double bytesPerSample) {
        return new Wire(toInt(Math.max(1, Math.round(bytesPerSample / 4))), "none");
    }

    private static int toInt(long v) {
        return (int) Math.min(Integer.MAX_VALUE / 1024, v);
    }
}
