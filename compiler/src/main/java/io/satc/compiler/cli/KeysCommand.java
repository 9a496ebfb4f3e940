package io.satc.compiler.cli;

import io.satc.runtime.trust.Keys;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
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
                "Make an Ed25519 signing key in DIR: signing.key (private, readable by you only; keep it off the "
                        + "satellites) and signing.pub (give it to the runtime: --trust DIR/signing.pub).",
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
            if (Files.exists(dir.resolve(Keys.PRIVATE_FILE))) {
                err.println("satc: `" + dir.resolve(Keys.PRIVATE_FILE)
                        + "` exists; a key is never overwritten (bundles it signed would no longer verify).");
                return ExitCodes.INPUT_ERRORS;
            }
            KeyPair pair = Keys.generate();
            Keys.write(dir, pair);
            out.println("Made the signing key " + Keys.id(pair.getPublic()) + " in " + dir + ":");
            out.println("  " + dir.resolve(Keys.PRIVATE_FILE) + "   private: signs bundles (satc compile --sign " + dir
                    + ")");
            out.println("  " + dir.resolve(Keys.PUBLIC_FILE) + "   public: the runtime trusts it (--trust "
                    + dir.resolve(Keys.PUBLIC_FILE) + ")");
            return ExitCodes.OK;
        }
    }
}
