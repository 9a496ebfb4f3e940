package io.satc.runtime.codec;

import java.math.BigDecimal;

/**
 * A lossy or raw activation codec (the stage before the optional lossless zstd stage), as data.
 *
 * <p>Each codec knows its wire id, its one integer parameter and the exact size of its payload
 * for a shape; the coding itself lives in package-private coders chosen by a {@link Visitor}.
 * Error bounds, with {@code x} the input and {@code x̂} the decoded value:
 * <ul>
 *   <li>{@link None}: bit-exact.
 *   <li>{@link Fp16}: relative ≤ 2^-11 for |x| in [2^-14, 65504]; absolute ≤ 2^-25 below;
 *       ±infinity and NaN kept; |x| ≥ 65520 becomes infinity.
 *   <li>{@link Int8}: |x − x̂| ≤ s/2 + 2^-15·s with the row scale s = max|x|/127 (one ulp
 *       lower where the quotient rounded up, and at least 2^-126); the second term is float
 *       rounding.
 *   <li>{@link Int4}: |x − x̂| ≤ s/2 + 2^-15·s with the group scale s, the fp16 value rounded
 *       up from max|x|/7 over a group of 32 (at least 2^-24).
 *   <li>{@link TopK}: kept entries within the {@link Int8} bound of their row; dropped entries
 *       decode to exactly 0 and no dropped |x| exceeds the smallest kept |x|.
 * </ul>
 * The quantizing codecs ({@code int8}, {@code int4}, {@code topk}) reject non-finite inputs and
 * decode zeros as {@code +0.0}.
 */
public sealed interface Codec permits Codec.None, Codec.Fp16, Codec.Int8, Codec.Int4, Codec.TopK {

    /** Values per int4 scale group along a row. */
    int INT4_GROUP = 32;

    /** Wire id of this codec in the frame header. */
    byte id();

    /** The codec's one parameter on the wire (the top-k fraction in parts per million), else 0. */
    default int parameter() {
        return 0;
    }

    /** Canonical spelling, as {@link CodecSpec#parse} accepts it: {@code int8}, {@code topk(10%)}. */
    String label();

    /** Exact payload size before any zstd stage, for {@code rows} rows of {@code rowLength}. */
    long payloadBytes(long rows, int rowLength);

    <R> R accept(Visitor<R> visitor);

    /** Operations over the closed set of codecs, since Java 17 has no pattern switch. */
    interface Visitor<R> {
        R none(None codec);

        R fp16(Fp16 codec);

        R int8(Int8 codec);

        R int4(Int4 codec);

        R topK(TopK codec);
    }

    /** Raw little-endian fp32: lossless, ratio 1 up to the frame header. */
    record None() implements Codec {
        public static final byte ID = 0;

        @Override
        public byte id() {
            return ID;
        }

        @Override
        public String label() {
            return "none";
        }

        @Override
        public long payloadBytes(long rows, int rowLength) {
            return 4 * rows * rowLength;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.none(this);
        }
    }

    /** IEEE half precision, rounded to nearest even: two bytes per value. */
    record Fp16() implements Codec {
        public static final byte ID = 1;

        @Override
        public byte id() {
            return ID;
        }

        @Override
        public String label() {
            return "fp16";
        }

        @Override
        public long payloadBytes(long rows, int rowLength) {
            return 2 * rows * rowLength;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.fp16(this);
        }
    }

    /** Symmetric int8 with one fp32 scale per row: {@code q = rint(x / s)}, {@code s = max|x| / 127}. */
    record Int8() implements Codec {
        public static final byte ID = 2;

        @Override
        public byte id() {
            return ID;
        }

        @Override
        public String label() {
            return "int8";
        }

        @Override
        public long payloadBytes(long rows, int rowLength) {
            return 4 * rows + rows * rowLength;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.int8(this);
        }
    }

    /** Symmetric int4 in groups of 32 along a row, an fp16 scale per group, two values a byte. */
    record Int4() implements Codec {
        public static final byte ID = 3;

        @Override
        public byte id() {
            return ID;
        }

        @Override
        public String label() {
            return "int4";
        }

        @Override
        public long payloadBytes(long rows, int rowLength) {
            return 2 * rows * groupsPerRow(rowLength) + (rows * rowLength + 1) / 2;
        }

        /** Scale groups in one row; the last may be shorter than {@link #INT4_GROUP}. */
        public static int groupsPerRow(int rowLength) {
            return (rowLength + INT4_GROUP - 1) / INT4_GROUP;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.int4(this);
        }
    }

    /**
     * Per row, the {@link #keptPerRow k} = ⌈p · rowLength⌉ largest-magnitude entries (ties to the
     * lower index) as int8 with one fp32 row scale, plus a bitmap of kept positions.
     *
     * <p>The fraction is held in parts per million so that k is exact integer arithmetic and the
     * same on every machine ({@code 0.3 * 10} is {@code 3.0000000000000004} in double).
     *
     * @param partsPerMillion the kept fraction p times 10^6, in 1..1,000,000
     */
    record TopK(int partsPerMillion) implements Codec {
        public static final byte ID = 4;
        public static final int MILLION = 1_000_000;

        public TopK {
            if (partsPerMillion < 1 || partsPerMillion > MILLION) {
                throw new IllegalArgumentException(
                        "top-k parts per million " + partsPerMillion + " is outside 1..1000000");
            }
        }

        /** The kept fraction p in (0, 1]. */
        public double fraction() {
            return partsPerMillion / (double) MILLION;
        }

        /** Entries kept in a row of {@code rowLength}: ⌈p · rowLength⌉, at least 1. */
        public int keptPerRow(int rowLength) {
            return (int) (((long) partsPerMillion * rowLength + MILLION - 1) / MILLION);
        }

        @Override
        public byte id() {
            return ID;
        }

        @Override
        public int parameter() {
            return partsPerMillion;
        }

        @Override
        public String label() {
            return "topk("
                    + BigDecimal.valueOf(partsPerMillion, 4)
                            .stripTrailingZeros()
                            .toPlainString() + "%)";
        }

        @Override
        public long payloadBytes(long rows, int rowLength) {
            return 4 * rows + (rows * rowLength + 7) / 8 + rows * keptPerRow(rowLength);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.topK(this);
        }
    }
}
