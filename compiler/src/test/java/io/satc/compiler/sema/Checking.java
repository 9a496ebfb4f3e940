package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.satc.compiler.diag.Diagnostic;
import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.source.SourceFile;
import io.satc.compiler.syntax.MissionParser;
import io.satc.compiler.syntax.ParseResult;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.Mission;
import java.nio.file.Path;
import java.util.List;

/**
 * One small mission, parsed without syntax errors, and a fresh {@link CheckContext} to run the
 * checker under test with; what it reported reads as {@code "SATC2005 3:22 Message. | Help."}.
 */
final class Checking {

    private final Mission mission;
    private final CheckContext ctx;
    private MissionDeclarations declarations;

    private Checking(SourceFile source) {
        ParseResult parsed = MissionParser.parse(source);
        assertTrue(parsed.mission().isPresent(), () -> "syntax errors: " + parsed.diagnostics());
        this.mission = parsed.mission().get();
        this.ctx = CheckContext.of(new Diagnostics(source));
    }

    static Checking of(String text) {
        return new Checking(SourceFile.ofString("t.sat", text));
    }

    /** A mission read as if from {@code file}, so that its relative paths resolve beside it. */
    static Checking at(Path file, String text) {
        return new Checking(new SourceFile("t.sat", file, text));
    }

    Mission mission() {
        return mission;
    }

    CheckContext ctx() {
        return ctx;
    }

    /** The mission's top level, sorted once (top-level problems are reported then). */
    MissionDeclarations declarations() {
        if (declarations == null) {
            declarations = MissionDeclarations.sort(mission, ctx);
        }
        return declarations;
    }

    List<BlockDecl> blocks(String kind) {
        return declarations().blocks(kind);
    }

    BlockDecl block(String kind) {
        return blocks(kind).get(0);
    }

    /** Everything reported so far, in source order. */
    List<String> reported() {
        return ctx.diags().sorted().stream().map(Checking::format).toList();
    }

    static String format(Diagnostic d) {
        return d.code().id() + " " + d.line() + ":" + d.column() + " " + d.message()
                + d.help().map(h -> " | " + h).orElse("");
    }
}
