package io.satc.runtime.cli;

/** The exit codes of the runtime's commands ({@code run}, {@code node}); the compiler's commands share them. */
public final class ExitCodes {
    /** Success; warnings allowed. */
    public static final int OK = 0;
    /** The input has errors: a bad or refused bundle, input, peers file or key. */
    public static final int INPUT_ERRORS = 1;
    /** The command line is wrong (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** A bundle run failed (a stage or hop broke; nothing is presented as complete). */
    public static final int RUN_FAILED = 4;
    /** A bug (EX_SOFTWARE). */
    public static final int INTERNAL = 70;

    private ExitCodes() {}
}
