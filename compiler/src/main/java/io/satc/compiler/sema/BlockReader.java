package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.source.Span;
import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.Block;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.Ident;
import io.satc.compiler.syntax.ast.LinkDecl;
import io.satc.compiler.syntax.ast.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the shape every block shares, whatever its kind: its attributes by key (reporting
 * unknown, repeated and misplaced ones), its name, and whether it is the only block of its kind.
 * What the values mean is each checker's business.
 */
final class BlockReader {

    private final Diagnostics diags;

    BlockReader(Diagnostics diags) {
        this.diags = diags;
    }

    /** Collects a block's assignments by key; everything else in it is reported. */
    Attributes attributes(Block body, String where, List<String> allowed) {
        Map<String, Assignment> out = new HashMap<>();
        Set<String> meant = new HashSet<>();
        for (Statement s : body.statements()) {
            if (s instanceof Assignment a) {
                if (!allowed.contains(a.key().text())) {
                    Suggestions.closest(a.key().text(), allowed).ifPresent(meant::add);
                }
                attribute(a, out, where, allowed, List.of());
            } else if (s instanceof BlockDecl b) {
                diags.report(
                        DiagnosticCode.UNKNOWN_DECLARATION,
                        b.kind().span(),
                        "A `" + b.kind().text() + "` block cannot appear inside " + where + ".",
                        MissionDeclarations.DECLARATIONS.contains(b.kind().text())
                                ? "Declare it at the top level of the mission."
                                : "Only `key = value` attributes belong here.");
            } else {
                LinkDecl l = (LinkDecl) s;
                diags.report(
                        DiagnosticCode.UNKNOWN_DECLARATION,
                        l.span(),
                        "A `link` cannot appear inside " + where + ".",
                        "Declare links at the top level of the mission.");
            }
        }
        return new Attributes(out, meant);
    }

    /**
     * Adds one assignment to {@code into} unless its key is unknown or already given (both
     * reported). A key that names one of {@code blocks} gets a hint to write it as a block.
     */
    void attribute(
            Assignment a, Map<String, Assignment> into, String where, List<String> allowed, List<String> blocks) {
        String key = a.key().text();
        if (!allowed.contains(key)) {
            String help = Suggestions.didYouMean(key, allowed)
                    .orElse(
                            blocks.contains(key)
                                    ? "`" + key + "` is a block: write `" + key + " NAME { ... }`."
                                    : "Attributes of " + where + ": " + ValueReader.quoteAll(allowed) + ".");
            diags.report(
                    DiagnosticCode.UNKNOWN_ATTRIBUTE,
                    a.key().span(),
                    "Unknown attribute `" + key + "` in " + where + ".",
                    help);
            return;
        }
        Assignment first = into.get(key);
        if (first != null) {
            diags.report(
                    DiagnosticCode.DUPLICATE_ATTRIBUTE,
                    a.key().span(),
                    "`" + key + "` is given twice in " + where + ".",
                    "The first is on line " + line(first.key().span()) + "; remove one.");
            return;
        }
        into.put(key, a);
    }

    /** The first of the blocks of a kind a mission has at most one of; the others, and any name, are reported. */
    Optional<BlockDecl> singleton(List<BlockDecl> blocks, String kind) {
        for (int i = 1; i < blocks.size(); i++) {
            diags.report(
                    DiagnosticCode.DUPLICATE_BLOCK,
                    blocks.get(i).kind().span(),
                    "A mission has at most one `" + kind + "` block; this is a second one.",
                    "Merge it into the first, on line "
                            + line(blocks.get(0).kind().span()) + ".");
        }
        for (BlockDecl b : blocks) {
            b.name()
                    .ifPresent(n -> diags.report(
                            DiagnosticCode.UNEXPECTED_NAME,
                            n.span(),
                            "A `" + kind + "` block takes no name.",
                            "Write `" + kind + " { ... }`."));
        }
        return blocks.isEmpty() ? Optional.empty() : Optional.of(blocks.get(0));
    }

    /** The name of a block that needs one; a missing or blank name is reported (and a blank one is no name). */
    Optional<Ident> requireName(BlockDecl b) {
        if (b.name().isPresent() && b.name().get().text().isBlank()) {
            diags.report(
                    DiagnosticCode.MISSING_NAME,
                    b.name().get().span(),
                    "A `" + b.kind().text() + "` name cannot be empty.",
                    "Give it a name such as `" + (b.kind().text().equals("codec") ? "mask8" : "leo-1") + "`.");
            return Optional.empty();
        }
        if (b.name().isEmpty()) {
            diags.report(
                    DiagnosticCode.MISSING_NAME,
                    b.kind().span(),
                    "A `" + b.kind().text() + "` needs a name.",
                    "Write `" + b.kind().text() + " " + (b.kind().text().equals("codec") ? "mask8" : "leo-1")
                            + " { ... }`.");
        }
        return b.name();
    }

    private int line(Span span) {
        return diags.source().line(span.start());
    }
}
