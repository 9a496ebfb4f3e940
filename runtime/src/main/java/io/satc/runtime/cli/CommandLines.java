package io.satc.runtime.cli;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;

/**
 * How both command lines ({@code satc} and {@code satc-runtime}) are set up: output streams,
 * case-insensitive enums, and an internal error as one sentence with exit 70 (the stack trace
 * only with {@code --debug}).
 */
public final class CommandLines {

    private CommandLines() {}

    /** Runs {@code args} on {@code cli}, whose root command is named as the program. */
    public static int execute(
            CommandLine cli, String[] args, PrintWriter out, PrintWriter err, BooleanSupplier debugFlag) {
        String program = cli.getCommandSpec().name();
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = debugFlag.getAsBoolean()
                    || parseResult.hasMatchedOption("--debug")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
            err.println(program + ": internal error: " + ex + " (this is a bug in " + program
                    + "; please report it with the input that caused it)");
            if (debug) {
                ex.printStackTrace(err);
            } else {
                err.println("Run again with --debug for the stack trace.");
            }
            err.flush();
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }

    /** The name messages start with: the root command's ({@code satc} or {@code satc-runtime}). */
    static String program(CommandLine.Model.CommandSpec spec) {
        return spec.root().name();
    }
}
