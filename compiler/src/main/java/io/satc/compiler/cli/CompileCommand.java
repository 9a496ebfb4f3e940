package io.satc.compiler.cli;

import io.satc.compiler.codegen.BundleCompiler;
import io.satc.compiler.codegen.MissionPlanning;
import io.satc.compiler.lower.LoweringOptions;
import io.satc.compiler.sema.AnalyzedMission;
import io.satc.runtime.trust.Keys;
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

/** {@code satc compile FILE -o DIR}: plan, then write the deployment bundle. */
@Command(
        name = "compile",
        mixinStandardHelpOptions = true,
        description = {
            "Plan the mission and write a deployment bundle: manifest.json, the split sub-models of a real model,",
            "README.md, PLAN.md, report.html and bin/run-local.sh (docs/bundle-format.md), signed with --sign KEY or the",
            "development key (statement.json, statement.sig; docs/security.md). Same input, key and version, same bytes.",
            "Exit 0 when written, 1 for errors in the mission, 3 when no plan is feasible."
        })
public final class CompileCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The mission file (.sat).")
    String file;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "DIR",
            description = "The bundle folder; replaced if it holds an earlier bundle, refused otherwise.")
    Path output;

    @Mixin
    OutputOptions diagnostics;

    @Mixin
    SigningOptions signing;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var loaded = MissionLoader.load(file, diagnostics, out, err);
        if (loaded.isEmpty()) {
            return ExitCodes.INPUT_ERRORS;
        }
        AnalyzedMission mission = loaded.get().mission();
        Optional<BundleCompiler.Signing> sign = signing.resolve(mission.name(), err);
        if (sign.isEmpty()) {
            return ExitCodes.INPUT_ERRORS;
        }
        err.println("satc: planning " + file + " ...");
        err.flush();
        MissionPlanning.Result result = MissionPlanning.plan(
                mission, LoweringOptions.defaults().withProgress(CalibrateCommand.progressBar(err)));
        if (result instanceof MissionPlanning.NotPlannable np) {
            np.reasons().forEach(r -> err.println("satc: " + file + ": " + r));
            return ExitCodes.INPUT_ERRORS;
        }
        MissionPlanning.Planned planned = (MissionPlanning.Planned) result;
        if (!planned.outcome().feasible()) {
            err.println("satc: " + file + ": no feasible plan; run `satc plan " + file + "` to see why.");
            return ExitCodes.INFEASIBLE;
        }
        err.println("satc: writing the bundle ...");
        err.flush();
        String version = new Main.Version().getVersion()[0].replace("satc ", "");
        BundleCompiler.Result written =
                BundleCompiler.compile(loaded.get().source(), mission, planned, output, version, sign.get());
        if (written instanceof BundleCompiler.Failed f) {
            f.reasons().forEach(r -> err.println("satc: " + r));
            return ExitCodes.INPUT_ERRORS;
        }
        BundleCompiler.Written w = (BundleCompiler.Written) written;
        signing.record(mission.name(), sign.get().bundleVersion(), err);
        out.println("Wrote " + w.files().size() + " files to " + output + ", version "
                + sign.get().bundleVersion() + " signed by "
                + Keys.shortId(sign.get().key().id()) + ":");
        w.files().forEach(f -> out.println("  " + f));
        out.println("Run it with: satc run " + output + "   (or " + output + "/bin/run-local.sh)");
        out.flush();
        return ExitCodes.OK;
    }
}
