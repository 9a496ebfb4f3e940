package io.satc.compiler.cli;

import io.satc.runtime.trust.Keys;
import io.satc.runtime.trust.MissionKeys;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code satc keys new DIR}: make a mission's signing key (docs/security.md). */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "Make and show the keys that sign bundles (docs/security.md).",
        subcommands = {KeysCommand.New.class})
public final class KeysCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code satc keys new DIR}. */
    @Command(
            name = "new",
            mixinStandardHelpOptions = true,
            description = {
                "Make a mission key folder DIR: an Ed25519 signing key, signing.key (private, readable by you only; "
                        + "keep it off the satellites) and signing.pub (give it to the runtime: --trust DIR/signing.pub), "
                        + "and a mission CA (ca.key, ca.crt) that issues the nodes' TLS certificates into DIR/nodes.",
                "`satc compile --sign DIR` then signs bundles with it. Refuses to overwrite an existing key."
            })
    static final class New implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "The key folder; created if needed.")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            MissionKeys keys;
            try {
                keys = MissionKeys.create(dir);
            } catch (Keys.KeyException e) {
                err.println("satc: " + e.getMessage());
                return ExitCodes.INPUT_ERRORS;
            }
            out.println("Made the signing key " + keys.signing().id() + " and a mission CA in " + dir + ":");
            out.println("  " + dir.resolve(Keys.PRIVATE_FILE) + "   private: signs bundles (satc compile --sign " + dir
                    + ")");
            out.println("  " + dir.resolve(Keys.PUBLIC_FILE) + "   public: the runtime trusts it (--trust "
                    + dir.resolve(Keys.PUBLIC_FILE) + ")");
            out.println("  " + dir.resolve(MissionKeys.CA_KEY) + ", " + dir.resolve(MissionKeys.CA_CERTIFICATE)
                    + "   the mission CA: compile issues each node's TLS certificate into "
                    + dir.resolve(MissionKeys.NODES)
                    + "/ (give each satellite its own NODE.key and NODE.crt: --identity DIR)");
            return ExitCodes.OK;
        }
    }
}
