package io.satc.compiler.sema;

/**
 * The physical dimensions a mission quantity can have, each with the SI-based unit its values
 * are converted to exactly once, at analysis.
 */
public enum Dimension {
    DATA("data", "data", "bytes", "`8 GB`"),
    RATE("a rate", "rate", "bit/s", "`0.5 Gbps`"),
    COMPUTE("compute", "compute", "FLOP/s", "`5.3 TFLOPS`"),
    WORK("work", "work", "FLOP", "`12 GFLOP`"),
    TIME("a time", "time", "s", "`4 ms`"),
    LENGTH("a length", "length", "m", "`1200 km`"),
    ANGLE("an angle", "angle", "rad", "`53 deg`"),
    POWER("power", "power", "W", "`30 W`"),
    RATIO("a ratio", "ratio", "fraction or factor", "`1 %` or `25.8x`"),
    NUMBER("a plain number", "plain-number", "1", "`64`");

    private final String phrase;
    private final String noun;
    private final String baseUnit;
    private final String example;

    Dimension(String phrase, String noun, String baseUnit, String example) {
        this.phrase = phrase;
        this.noun = noun;
        this.baseUnit = baseUnit;
        this.example = example;
    }

    /** How a message names the dimension: "`memory` expects data, found a rate". */
    public String phrase() {
        return phrase;
    }

    /** As an adjective: "a data unit", "a rate unit". */
    public String noun() {
        return noun;
    }

    public String baseUnit() {
        return baseUnit;
    }

    public String example() {
        return example;
    }
}
