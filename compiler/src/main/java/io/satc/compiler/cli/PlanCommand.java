package io.satc.compiler.cli;

import io.satc.compiler.codegen.MissionPlanning;
import io.satc.compiler.codegen.PlanJson;
import io.satc.compiler.codegen.PlanOutcome;
import io.satc.compiler.codegen.PlanText;
import io.satc.compiler.lower.LoweringOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code satc plan FILE [--json] [--explain]}: the optimal placement beside the baselines. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Find the latency-optimal placement of the mission's model (cost model 1, exact A* search) and show it beside the baselines.",
            "Exit 0 with a plan, 1 when the mission has errors, 3 when no plan satisfies memory and accuracy."
        })
public final class PlanCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The mission file (.sat).")
    String file;

    @Option(names = "--json", description = "Print one JSON document (docs/plan-format.md) instead of the summary.")
    boolean json;

    @Option(names = "--explain", description = "Also name the bottleneck resource and the binding constraints.")
    boolean explain;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var mission = MissionLoader.load(file, output, out, err);
        if (mission.isEmpty()) {
            return ExitCodes.INPUT_ERRORS;
        }
        MissionPlanning.Result result = MissionPlanning.plan(
                mission.get().mission(), LoweringOptions.defaults().withProgress(CalibrateCommand.progressBar(err)));
        if (result instanceof MissionPlanning.NotPlannable np) {
            np.reasons().forEach(r -> err.println("satc: " + file + ": " + r));
            return ExitCodes.INPUT_ERRORS;
        }
        PlanOutcome outcome = ((MissionPlanning.Planned) result).outcome();
        out.print(json ? PlanJson.render(outcome) : PlanText.render(outcome, explain));
        out.flush();
        return outcome.feasible() ? ExitCodes.OK : ExitCodes.INFEASIBLE;
    }
}
