package io.satc.compiler.cli;

import io.satc.compiler.lsp.SatcLanguageServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code satc lsp}: the language server, speaking LSP over standard input and output. */
@Command(
        name = "lsp",
        mixinStandardHelpOptions = true,
        description = {
            "Run the satc language server over standard input and output (for editors' built-in LSP clients; see"
                    + " docs/editors.md): diagnostics as you type, formatting, hover with values in base units, go to"
                    + " definition, find references, completion and the outline.",
            "Exit 0 after the client's shutdown and exit, 1 when it disconnects without shutdown."
        })
public final class LspCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        String version = new Main.Version().getVersion()[0].replace("satc ", "");
        return SatcLanguageServer.serve(System.in, System.out, version);
    }
}
