package io.satc.compiler.cli;

import io.satc.compiler.plan.PlannerBench;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code satc bench plan}: the planner benchmark of docs/planner.md, printing its figures. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Run a benchmark and print its figures (they are measurements, not tests).",
        subcommands = {BenchCommand.Plan.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The planner on the ViT-G paper problem, LLaMA-2-70B over 24 satellites, and a 66-satellite Walker shell. */
    @Command(
            name = "plan",
            mixinStandardHelpOptions = true,
            description =
                    "Time the A* planner on the benchmark problems and compare expanded labels with a zero heuristic.")
    static final class Plan implements Callable<Integer> {

        @Option(names = "--no-zero", description = "Skip the (slow) zero-heuristic comparison runs.")
        boolean noZero;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            // The bench prints as it goes; route it through picocli's writer so tests can capture it.
            java.io.PrintWriter w = spec.commandLine().getOut();
            PrintStream out = new PrintStream(
                    new java.io.OutputStream() {
                        @Override
                        public void write(int b) {
                            w.write(b);
                        }

                        @Override
                        public void write(byte[] b, int off, int len) {
                            w.write(new String(b, off, len, StandardCharsets.UTF_8));
                        }

                        @Override
                        public void flush() {
                            w.flush();
                        }
                    },
                    true,
                    StandardCharsets.UTF_8);
            PlannerBench.run(out, noZero);
            out.flush();
            return ExitCodes.OK;
        }
    }
}
