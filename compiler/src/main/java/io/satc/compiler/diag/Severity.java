package io.satc.compiler.diag;

/** How bad a diagnostic is: errors make {@code satc check} exit 1, warnings do not. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
