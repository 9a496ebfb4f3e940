package io.satc.compiler.cli;

import io.satc.runtime.cli.CommandLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** The {@code satc} command line: wires subcommands and exit codes, nothing else. */
@Command(
        name = "satc",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Compile large-model inference onto satellite constellations.",
        subcommands = {
            CheckCommand.class,
            FmtCommand.class,
            PlanCommand.class,
            ContactsCommand.class,
            CalibrateCommand.class,
            CompileCommand.class,
            KeysCommand.class,
            io.satc.runtime.cli.RunCommand.class,
            io.satc.runtime.cli.NodeCommand.class,
            BenchCommand.class,
            InitEditorCommand.class,
            LspCommand.class,
            DiffCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 ok, 1 errors in the input, 2 bad command line, 3 no feasible plan, 70 internal bug."
        })
public final class Main implements Runnable {

    @Option(
            names = "--debug",
            scope = CommandLine.ScopeType.INHERIT,
            description = "On an internal error, print the stack trace.")
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs satc in-process; tests call this instead of {@link #main}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        return CommandLines.execute(new CommandLine(main), args, out, err, () -> main.debug);
    }

    /** Reads the version Maven filtered into the jar. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {
                "satc " + p.getProperty("version", "unknown"),
                "mission language 1, cost model 1; Java " + System.getProperty("java.version")
            };
        }
    }
}
