package io.satc.runtime.codec;

/** Picks the payload coder for a codec. */
final class CoderSelector implements Codec.Visitor<PayloadCoder> {

    static final CoderSelector INSTANCE = new CoderSelector();

    static PayloadCoder coderFor(Codec codec) {
        return codec.accept(INSTANCE);
    }

    @Override
    public PayloadCoder none(Codec.None codec) {
        return RawCoder.INSTANCE;
    }

    @Override
    public PayloadCoder fp16(Codec.Fp16 codec) {
        return HalfCoder.INSTANCE;
    }

    @Override
    public PayloadCoder int8(Codec.Int8 codec) {
        return Int8Coder.INSTANCE;
    }

    @Override
    public PayloadCoder int4(Codec.Int4 codec) {
        return Int4Coder.INSTANCE;
    }

    @Override
    public PayloadCoder topK(Codec.TopK codec) {
        return new TopKCoder(codec);
    }
}
