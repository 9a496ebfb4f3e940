package io.satc.compiler.cli;

/** The exit codes of every satc command, documented in README.md. */
public final class ExitCodes {
    /** Success; warnings allowed. */
    public static final int OK = 0;
    /** The input has errors (diagnostics were printed). */
    public static final int INPUT_ERRORS = 1;
    /** The command line is wrong (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** The mission is valid but has no feasible plan. */
    public static final int INFEASIBLE = 3;
    /** A bundle run failed (a stage or hop broke; nothing is presented as complete). */
    public static final int RUN_FAILED = 4;
    /** A bug in satc (EX_SOFTWARE). */
    public static final int INTERNAL = 70;

    private ExitCodes() {}
}
