package io.satc.runtime.codec;

/**
 * A complete codec choice for one cut: a {@link Codec} optionally followed by the lossless zstd
 * stage, spelled like {@code int8+zstd} or {@code topk(10%)}.
 *
 * @param codec the first (raw or lossy) stage
 * @param zstd  whether the codec's payload is then compressed with zstd
 */
public record CodecSpec(Codec codec, boolean zstd) {

    public static final CodecSpec NONE = new CodecSpec(new Codec.None(), false);
    public static final CodecSpec FP16 = new CodecSpec(new Codec.Fp16(), false);
    public static final CodecSpec INT8 = new CodecSpec(new Codec.Int8(), false);
    public static final CodecSpec INT4 = new CodecSpec(new Codec.Int4(), false);

    public CodecSpec {
        if (codec == null) {
            throw new NullPointerException("codec");
        }
    }

    /** Top-k with the fraction given in parts per million (100000 = 10 %), no zstd. */
    public static CodecSpec topK(int partsPerMillion) {
        return new CodecSpec(new Codec.TopK(partsPerMillion), false);
    }

    /**
     * Parses a spec. Bad input is a value, not an exception: the result is either
     * {@link ParsedCodecSpec.Valid} or {@link ParsedCodecSpec.Invalid} with a sentence that says
     * what is wrong and where.
     */
    public static ParsedCodecSpec parse(String text) {
        return new CodecSpecParser(text).parse();
    }

    /** The same codec with the zstd stage added. */
    public CodecSpec withZstd() {
        return new CodecSpec(codec, true);
    }

    /** Canonical spelling, which {@link #parse} maps back to an equal spec. */
    public String label() {
        return zstd ? codec.label() + "+zstd" : codec.label();
    }

    /**
     * Exact frame size for a tensor of {@code shape} when there is no zstd stage; with zstd it is
     * the size before compression, an upper bound only in the usual case that zstd helps.
     */
    public long uncompressedFrameBytes(int[] shape) {
        long rows = 1;
        for (int i = 0; i < shape.length - 1; i++) {
            rows *= shape[i];
        }
        return FrameFormat.frameBytes(shape.length, codec.payloadBytes(rows, shape[shape.length - 1]));
    }

    @Override
    public String toString() {
        return label();
    }
}
