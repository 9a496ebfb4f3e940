package io.satc.compiler.lower;

/**
 * Ratios and losses of the built-in codecs for models without calibration (docs/cost-model.md
 * §"Built-in codecs"). Ratios follow from each codec's wire format relative to the activation
 * precision; losses are conservative, uncalibrated defaults that a {@code codec} block with the
 * same name overrides.
 */
public final class CodecDefaults {

    private CodecDefaults() {}

    /** Bytes per element on the wire, scales included (int4: groups of 32 with an fp16 scale; topk: int8 values plus a bitmap). */
    public static double wireBytesPerElement(String codec, double topkFraction) {
        return switch (codec) {
            case "none" -> 4.0;
            case "fp16" -> 2.0;
            case "int8" -> 1.0;
            case "int4" -> 0.5 + 2.0 / 32;
            case "topk" -> topkFraction + 1.0 / 8;
            default -> throw new IllegalArgumentException("not a built-in codec: " + codec);
        };
    }

    /** The compression ratio on activations of {@code activationBytes} per element; never below 1 (a codec never expands). */
    public static double ratio(String codec, double topkFraction, int activationBytes) {
        return Math.max(1.0, activationBytes / wireBytesPerElement(codec, topkFraction));
    }

    /** The default accuracy loss (a fraction) of a built-in codec on an uncalibrated model. */
    public static double loss(String codec, double topkFraction, int activationBytes) {
        return switch (codec) {
            case "none" -> 0.0;
            // fp16 of fp16/bf16 activations is the identity; of fp32 ones it rounds at 2^-11.
            case "fp16" -> activationBytes > 2 ? 0.0001 : 0.0;
            case "int8" -> 0.001;
            case "int4" -> 0.01;
            // Dropping entries hurts more the fewer are kept: 5 % · (1 − p)², e.g. 2.8 % at p = 25 %.
            case "topk" -> 0.05 * (1 - topkFraction) * (1 - topkFraction);
            default -> throw new IllegalArgumentException("not a built-in codec: " + codec);
        };
    }
}
