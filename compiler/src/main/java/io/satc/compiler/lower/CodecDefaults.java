package io.satc.compiler.lower;

import io.satc.runtime.codec.Codec;

/**
 * Ratios and losses of the built-in codecs for models without calibration (docs/cost-model.md
 * §"Built-in codecs"). Ratios follow from each codec's wire format relative to the activation
 * precision; losses are conservative, uncalibrated defaults that a {@code codec} block with the
 * same name overrides. A {@code +zstd} stage is lossless and its gain depends on the data, so
 * without calibration only the codec before it counts: these take the runtime's {@link Codec}.
 */
public final class CodecDefaults {

    private CodecDefaults() {}

    /** Bytes per element on the wire, scales included (int4: groups of 32 with an fp16 scale; topk: int8 values plus a bitmap). */
    public static double wireBytesPerElement(Codec codec) {
        return codec.accept(new Codec.Visitor<Double>() {
            @Override
            public Double none(Codec.None c) {
                return 4.0;
            }

            @Override
            public Double fp16(Codec.Fp16 c) {
                return 2.0;
            }

            @Override
            public Double int8(Codec.Int8 c) {
                return 1.0;
            }

            @Override
            public Double int4(Codec.Int4 c) {
                return 0.5 + 2.0 / 32;
            }

            @Override
            public Double topK(Codec.TopK c) {
                return c.fraction() + 1.0 / 8;
            }
        });
    }

    /** The compression ratio on activations of {@code activationBytes} per element; never below 1 (a codec never expands). */
    public static double ratio(Codec codec, int activationBytes) {
        return Math.max(1.0, activationBytes / wireBytesPerElement(codec));
    }

    /** The default accuracy loss (a fraction) of a built-in codec on an uncalibrated model. */
    public static double loss(Codec codec, int activationBytes) {
        return codec.accept(new Codec.Visitor<Double>() {
            @Override
            public Double none(Codec.None c) {
                return 0.0;
            }

            @Override
            public Double fp16(Codec.Fp16 c) {
                // fp16 of fp16/bf16 activations is the identity; of fp32 ones it rounds at 2^-11.
                return activationBytes > 2 ? 0.0001 : 0.0;
            }

            @Override
            public Double int8(Codec.Int8 c) {
                return 0.001;
            }

            @Override
            public Double int4(Codec.Int4 c) {
                return 0.01;
            }

            @Override
            public Double topK(Codec.TopK c) {
                // Dropping entries hurts more the fewer are kept: 5 % · (1 − p)², e.g. 2.8 % at p = 25 %.
                double kept = c.fraction();
                return 0.05 * (1 - kept) * (1 - kept);
            }
        });
    }
}
