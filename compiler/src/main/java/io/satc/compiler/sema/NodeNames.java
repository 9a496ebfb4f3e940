package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.syntax.ast.Ident;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one namespace of satellites and ground stations: each name's declaration (in declaration
 * order) and kind, and which declaration each reference (a link end, {@code source},
 * {@code sink}) names. Every checker that declares or refers to a node goes through it.
 */
final class NodeNames {

    private final Diagnostics diags;
    private final Map<String, Ident> declarations = new LinkedHashMap<>();
    private final Map<String, String> kinds = new HashMap<>();
    private final Map<Ident, Ident> references = new IdentityHashMap<>();

    NodeNames(Diagnostics diags) {
        this.diags = diags;
    }

    /** Declares {@code name} as a node of {@code kind}; false (and reported) when the name is taken. */
    boolean declare(Ident name, String kind) {
        Ident first = declarations.get(name.text());
        if (first != null) {
            diags.report(
                    DiagnosticCode.DUPLICATE_NAME,
                    name.span(),
                    "The name `" + name.text() + "` is already declared.",
                    "The first declaration is on line "
                            + diags.source().line(first.span().start())
                            + "; satellites and ground stations share one namespace.");
            return false;
        }
        declarations.put(name.text(), name);
        kinds.put(name.text(), kind);
        return true;
    }

    /** Records which declaration {@code ref} names; false (and reported) when none does. */
    boolean resolve(Ident ref) {
        Ident decl = declarations.get(ref.text());
        if (decl == null) {
            diags.report(
                    DiagnosticCode.UNKNOWN_NODE,
                    ref.span(),
                    "Unknown satellite or ground station `" + ref.text() + "`.",
                    Suggestions.didYouMean(ref.text(), declarations.keySet())
                            .orElse("Declare it with `satellite " + ref.text() + " { ... }` or `ground " + ref.text()
                                    + " { ... }`."));
            return false;
        }
        references.put(ref, decl);
        return true;
    }

    /** The block kind ({@code satellite}, {@code ground}) a declared name was declared with. */
    String kind(String name) {
        return kinds.get(name);
    }

    /** Declared names to their declaring identifiers, in declaration order. */
    Map<String, Ident> declarations() {
        return Collections.unmodifiableMap(declarations);
    }

    /** References to their declarations, keyed by the referring identifier's identity. */
    Map<Ident, Ident> references() {
        return Collections.unmodifiableMap(references);
    }
}
