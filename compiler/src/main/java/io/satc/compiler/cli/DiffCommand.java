package io.satc.compiler.cli;

import io.satc.compiler.codegen.DeploymentDiff;
import io.satc.compiler.codegen.DiffJson;
import io.satc.compiler.codegen.DiffText;
import io.satc.compiler.codegen.MissionPlanning;
import io.satc.compiler.lower.LoweringOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code satc diff OLD.sat NEW.sat [--json]}: what a mission change does to the deployment. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Plan two revisions of a mission and show what changes in the deployment, as Terraform shows a plan:"
                    + " stages whose node or units change, the parts to uplink to each node and their bytes (a node"
                    + " whose part is the same by hash needs none), the codec at each cut, and the predicted latency,"
                    + " communication and accuracy loss before and after (docs/diff-format.md).",
            "Exit 0 when the deployment is the same, 2 when it changes, 1 when either mission has errors."
        })
public final class DiffCommand implements Callable<Integer> {

    /** The deployment changes (as {@code diff} and {@code terraform plan -detailed-exitcode} say it). */
    static final int CHANGED = 2;

    @Parameters(index = "0", paramLabel = "OLD", description = "The mission as it is deployed (.sat).")
    String oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "The mission as changed (.sat).")
    String newFile;

    @Option(names = "--json", description = "Print one JSON document (docs/diff-format.md) instead of the text.")
    boolean json;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<DeploymentDiff.Result> result =
                compare(Path.of(oldFile), oldFile, Path.of(newFile), newFile, output, out, err);
        if (result.isEmpty()) {
            return ExitCodes.INPUT_ERRORS;
        }
        out.print(json ? DiffJson.render(result.get()) : DiffText.render(result.get()));
        out.flush();
        return result.get().changed() ? CHANGED : ExitCodes.OK;
    }

    /** Checks and plans both revisions and compares them; empty (with the problems printed) when either fails. */
    static Optional<DeploymentDiff.Result> compare(
            Path oldPath,
            String oldShown,
            Path newPath,
            String newShown,
            OutputOptions output,
            PrintWriter out,
            PrintWriter err) {
        Optional<DeploymentDiff.Side> before = side(oldPath, oldShown, output, out, err);
        Optional<DeploymentDiff.Side> after = side(newPath, newShown, output, out, err);
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(DeploymentDiff.compare(before.get(), after.get()));
    }

    private static Optional<DeploymentDiff.Side> side(
            Path path, String file, OutputOptions output, PrintWriter out, PrintWriter err) {
        var loaded = MissionLoader.load(path, file, true, output, out, err);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        MissionPlanning.Result result = MissionPlanning.plan(
                loaded.get().mission(), LoweringOptions.defaults().withProgress(CalibrateCommand.progressBar(err)));
        if (result instanceof MissionPlanning.NotPlannable np) {
            np.reasons().forEach(r -> err.println("satc: " + file + ": " + r));
            return Optional.empty();
        }
        MissionPlanning.Planned planned = (MissionPlanning.Planned) result;
        return Optional.of(DeploymentDiff.side(file, planned.outcome(), planned.model()));
    }
}
