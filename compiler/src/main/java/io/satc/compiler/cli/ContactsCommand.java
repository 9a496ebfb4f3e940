package io.satc.compiler.cli;

import io.satc.compiler.codegen.ContactPlanJson;
import io.satc.compiler.codegen.ContactPlanText;
import io.satc.compiler.codegen.IonContactPlan;
import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.lower.OrbitLowering;
import io.satc.compiler.orbit.ContactPlan;
import io.satc.compiler.orbit.OrbitGeometry;
import io.satc.compiler.orbit.Scenario;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code satc contacts FILE [--json | --ion]}: the contact plan of a mission that moves. */
@Command(
        name = "contacts",
        mixinStandardHelpOptions = true,
        description = {
            "Compute the contact plan of a mission with a `horizon`: when each inter-satellite link and ground"
                    + " contact is up, with its ranges (docs/orbits.md).",
            "Text: a summary per link kind and the ground passes; --json: the contract's document; --ion: ION's"
                    + " `a contact` / `a range` lines (ION ranges are whole light-seconds).",
            "Exit 0 with a plan (satellites SGP4 cannot follow are left out, with a warning), 1 when the mission has"
                    + " errors or no horizon."
        })
public final class ContactsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The mission file (.sat).")
    String file;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    /** The two renderings besides the text summary. */
    static final class Format {
        @Option(
                names = "--json",
                description = "Print the contract's JSON document (shared/spec/orbits.md, section 3).")
        boolean json;

        @Option(names = "--ion", description = "Print ION contact-plan commands (ionrc: `a contact`, `a range`).")
        boolean ion;
    }

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // The geometry below propagates every satellite: check need not propagate the TLEs first.
        var loaded = MissionLoader.load(file, false, output, out, err);
        if (loaded.isEmpty()) {
            return ExitCodes.INPUT_ERRORS;
        }
        Optional<Scenario> scenario = OrbitLowering.scenario(loaded.get().mission());
        if (scenario.isEmpty()) {
            err.println("satc: " + file + ": mission `" + loaded.get().mission().name()
                    + "` has no `horizon`, so nothing moves and it has no contact plan; its links are the declared"
                    + " ones.");
            return ExitCodes.INPUT_ERRORS;
        }
        ContactPlan plan = OrbitGeometry.of(scenario.get()).contacts();
        Diagnostics warnings = new Diagnostics(loaded.get().source());
        OrbitLowering.reportFailures(loaded.get().mission(), plan, warnings);
        output.emit(warnings.sorted(), err);
        err.flush();
        out.print(
                format.json
                        ? ContactPlanJson.render(plan)
                        : format.ion ? IonContactPlan.render(plan) : ContactPlanText.render(plan));
        out.flush();
        return ExitCodes.OK;
    }
}
