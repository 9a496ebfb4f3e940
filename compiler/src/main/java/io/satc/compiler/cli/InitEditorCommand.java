package io.satc.compiler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code satc init-editor [DIR]}: write VS Code and Eclipse settings that show satc's diagnostics, no plugin needed. */
@Command(
        name = "init-editor",
        mixinStandardHelpOptions = true,
        description = {
            "Write editor settings into a project folder (default: the current one): .vscode/tasks.json (tasks `satc: check`,"
                    + " `satc: check all missions` and `satc: fmt` with a problem matcher), .vscode/settings.json (*.sat"
                    + " highlighted with a built-in grammar), and .eclipse/ (external-tool launch configurations and the"
                    + " pattern for CDT's regular-expression error parser). See docs/editors.md.",
            "Existing files are kept unless --force is given. Exit 0 when done, 1 when a file cannot be written."
        })
public final class InitEditorCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "The project folder (default: the current folder).")
    Path dir = Path.of(".");

    @Option(
            names = "--satc",
            paramLabel = "COMMAND",
            defaultValue = "satc",
            description = "How the editor starts satc: a name on the PATH or a path (default: ${DEFAULT-VALUE}).")
    String satc;

    @Option(names = "--force", description = "Overwrite files that exist.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            err.println("satc: " + dir + " is not a folder.");
            return ExitCodes.INPUT_ERRORS;
        }
        for (Map.Entry<String, String> file : EditorFiles.all(satc).entrySet()) {
            Path target = dir.resolve(file.getKey());
            if (Files.exists(target) && !force) {
                out.println("kept    " + target + " (exists; --force overwrites it)");
                continue;
            }
            try {
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("satc: cannot write " + target + ": " + e.getMessage());
                return ExitCodes.INPUT_ERRORS;
            }
            out.println("wrote   " + target);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
