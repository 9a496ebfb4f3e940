package io.satc.compiler.cli;

import io.satc.compiler.diag.Diagnostic;
import io.satc.compiler.source.SourceReader;
import io.satc.compiler.syntax.format.FormatResult;
import io.satc.compiler.syntax.format.MissionFormatter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code satc fmt FILE... [--check]}: rewrite missions in the canonical layout, keeping comments. */
@Command(
        name = "fmt",
        mixinStandardHelpOptions = true,
        description = {
            "Format mission files in place in the canonical layout (comments are kept; see docs/formatting.md).",
            "With --check, change nothing: list the files that are not formatted and exit 1 if there are any.",
            "Files with syntax errors are reported and left untouched."
        })
public final class FmtCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Mission files (.sat).")
    List<String> files;

    @Option(names = "--check", description = "Do not write; exit 1 if any file would change.")
    boolean check;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MissionFormatter formatter = new MissionFormatter();
        List<Diagnostic> all = new ArrayList<>();
        int unformatted = 0;
        for (String file : files) {
            SourceReader.Result read = SourceReader.read(file);
            if (!read.ok()) {
                output.emit(read.diagnostics(), out);
                all.addAll(read.diagnostics());
                continue;
            }
            FormatResult result = formatter.format(read.source());
            if (result instanceof FormatResult.Unparsable u) {
                output.emit(u.diagnostics(), out);
                all.addAll(u.diagnostics());
                continue;
            }
            FormatResult.Formatted f = (FormatResult.Formatted) result;
            if (!f.changed()) {
                continue;
            }
            unformatted++;
            if (check) {
                out.println(file + ": not formatted");
            } else {
                writeAtomically(Path.of(file), f.text());
                err.println("formatted " + file);
            }
        }
        out.flush();
        if (!all.isEmpty()) {
            output.finish(all, files.size(), out, err);
            return ExitCodes.INPUT_ERRORS;
        }
        return check && unformatted > 0 ? ExitCodes.INPUT_ERRORS : ExitCodes.OK;
    }

    /** Never leaves a half-written mission: write a sibling temp file, then rename over. */
    private static void writeAtomically(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
