package io.satc.compiler.orbit;

/** What joins the two ends of a contact. */
public enum ContactKind {
    /** Satellite to satellite; {@code a < b} by name. */
    ISL("isl"),
    /** Satellite ({@code a}) to ground station ({@code b}). */
    GROUND("ground");

    private final String label;

    ContactKind(String label) {
        this.label = label;
    }

    /** The contract's spelling, {@code isl} or {@code ground}. */
    public String label() {
        return label;
    }
}
