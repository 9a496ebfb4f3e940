package io.satc.runtime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * The {@code satc-runtime} command line, the flight runtime on its own: runs and serves bundles
 * with the same {@code run} and {@code node} commands as {@code satc}, without the compiler.
 */
@Command(
        name = "satc-runtime",
        mixinStandardHelpOptions = true,
        versionProvider = RuntimeMain.Version.class,
        description = "Run satc bundles: the runtime of satellite stages, without the compiler.",
        subcommands = {RunCommand.class, NodeCommand.class, CommandLine.HelpCommand.class},
        footer = {
            "",
            "Exit codes: 0 ok, 1 a bad or refused bundle or input, 2 bad command line, 4 the run failed, 70 internal bug."
        })
public final class RuntimeMain implements Runnable {

    @Option(
            names = "--debug",
            scope = CommandLine.ScopeType.INHERIT,
            description = "On an internal error, print the stack trace.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs satc-runtime in-process; tests call this instead of {@link #main}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        RuntimeMain main = new RuntimeMain();
        return CommandLines.execute(new CommandLine(main), args, out, err, () -> main.debug);
    }

    /** The version Maven filtered into the jar. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = RuntimeMain.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "satc-runtime " + version(), "bundle format 2, cost model 1; Java " + System.getProperty("java.version")
            };
        }
    }
}
