package io.satc.compiler.lower;

import io.satc.runtime.codec.CodecSpec;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A candidate activation codec with its compression ratio and accuracy loss at every possible cut.
 *
 * <p>Index {@code j} of both lists is the cut after unit {@code j}, for {@code j = 0 .. n-2}.
 *
 * @param kind                      what the codec is: built in (with its runtime spec) or declared;
 *                                  its name is unique in a problem, {@code none} being the identity codec
 * @param ratioPerCut               compression ratio {@code ρ(c, j) >= 1}
 * @param lossPerCut                accuracy loss {@code ℓ(c, j) >= 0}, as a fraction
 * @param throughputBytesPerSecond  encode/decode throughput {@code E_c} in bytes of uncompressed
 *                                  activation per second; {@link Double#POSITIVE_INFINITY} means
 *                                  coding takes no time
 */
public record CodecOption(
        CodecKind kind, List<Double> ratioPerCut, List<Double> lossPerCut, double throughputBytesPerSecond) {

    /** Name of the identity codec that every problem offers. */
    public static final String NONE = "none";

    public CodecOption {
        Objects.requireNonNull(kind, "kind");
        String name = kind.name();
        ratioPerCut = List.copyOf(ratioPerCut);
        lossPerCut = List.copyOf(lossPerCut);
        if (ratioPerCut.size() != lossPerCut.size()) {
            throw new IllegalArgumentException(
                    "codec " + name + ": " + ratioPerCut.size() + " ratios but " + lossPerCut.size() + " losses");
        }
        for (double r : ratioPerCut) {
            if (!(r >= 1) || Double.isInfinite(r)) {
                throw new IllegalArgumentException("codec " + name + ": ratio must be finite and >= 1, got " + r);
            }
        }
        for (double l : lossPerCut) {
            Checks.finiteNonNegative(l, "codec " + name + " loss");
        }
        if (!(throughputBytesPerSecond > 0)) {
            throw new IllegalArgumentException("codec " + name + ": throughput must be positive");
        }
        if (name.equals(NONE)
                && (!ratioPerCut.stream().allMatch(r -> r == 1.0)
                        || !lossPerCut.stream().allMatch(l -> l == 0.0)
                        || throughputBytesPerSecond != Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("codec none must have ratio 1, loss 0 and no coding time");
        }
    }

    /** A codec known by name (see {@link CodecKind#named}), for problems built in code. */
    public CodecOption(
            String name, List<Double> ratioPerCut, List<Double> lossPerCut, double throughputBytesPerSecond) {
        this(CodecKind.named(name), ratioPerCut, lossPerCut, throughputBytesPerSecond);
    }

    /** The codec's name in plans: the runtime label of a built-in codec, or the declared name. */
    public String name() {
        return kind.name();
    }

    /** The identity codec for a model with {@code cuts} possible cut points. */
    public static CodecOption none(int cuts) {
        return new CodecOption(
                new CodecKind.BuiltIn(CodecSpec.NONE),
                Collections.nCopies(cuts, 1.0),
                Collections.nCopies(cuts, 0.0),
                Double.POSITIVE_INFINITY);
    }

    /** A codec with the same ratio and loss at every cut, as declared without calibration. */
    public static CodecOption uniform(String name, int cuts, double ratio, double loss, double throughput) {
        return new CodecOption(name, Collections.nCopies(cuts, ratio), Collections.nCopies(cuts, loss), throughput);
    }

    /** Seconds to encode (or decode) {@code bytes} of uncompressed activation. */
    public double codingSeconds(double bytes) {
        return throughputBytesPerSecond == Double.POSITIVE_INFINITY ? 0.0 : bytes / throughputBytesPerSecond;
    }
}
