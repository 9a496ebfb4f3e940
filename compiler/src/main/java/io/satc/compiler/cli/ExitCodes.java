package io.satc.compiler.cli;

/** The exit codes of every satc command, documented in README.md; the runtime's commands use the same. */
public final class ExitCodes {
    /** Success; warnings allowed. */
    public static final int OK = io.satc.runtime.cli.ExitCodes.OK;
    /** The input has errors (diagnostics were printed). */
    public static final int INPUT_ERRORS = io.satc.runtime.cli.ExitCodes.INPUT_ERRORS;
    /** The command line is wrong (unknown option, missing argument). */
    public static final int USAGE = io.satc.runtime.cli.ExitCodes.USAGE;
    /** The mission is valid but has no feasible plan. */
    public static final int INFEASIBLE = 3;
    /** A bundle run failed (a stage or hop broke; nothing is presented as complete). */
    public static final int RUN_FAILED = io.satc.runtime.cli.ExitCodes.RUN_FAILED;
    /** A bug in satc (EX_SOFTWARE). */
    public static final int INTERNAL = io.satc.runtime.cli.ExitCodes.INTERNAL;

    private ExitCodes() {}
}
