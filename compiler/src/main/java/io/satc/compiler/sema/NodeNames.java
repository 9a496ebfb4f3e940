package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.syntax.ast.Ident;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one namespace of satellites and ground stations: each name's declaration (in declaration
 * order) and kind, and which declaration each reference (a link end, {@code source},
 * {@code sink}) names. Every checker that declares or refers to a node goes through it. The
 * satellites a constellation generates are declared here too, under the constellation's name;
 * {@link GeneratedNames} keeps how they are named, for did-you-mean over thousands of them.
 */
final class NodeNames {

    private final Diagnostics diags;
    private final Map<String, Ident> declarations = new LinkedHashMap<>();
    private final Map<String, String> kinds = new HashMap<>();
    private final Map<Ident, Ident> references = new IdentityHashMap<>();
    /** Names declared by their own block, the candidates of an edit-distance suggestion. */
    private final List<String> declared = new ArrayList<>();
    /** Generated names to the constellation that generated them. */
    private final Map<String, String> generatedBy = new HashMap<>();

    private final Map<String, Ident> constellations = new LinkedHashMap<>();
    private final GeneratedNames generated = new GeneratedNames();

    NodeNames(Diagnostics diags) {
        this.diags = diags;
    }

    /** Declares {@code name} as a node of {@code kind}; false (and reported) when the name is taken. */
    boolean declare(Ident name, String kind) {
        Ident first = declarations.get(name.text());
        if (first != null) {
            String by = generatedBy.get(name.text());
            diags.report(
                    DiagnosticCode.DUPLICATE_NAME,
                    name.span(),
                    "The name `" + name.text() + "` is already declared.",
                    (by == null
                                    ? "The first declaration is on line " + line(first)
                                    : "Constellation `" + by + "` on line " + line(first) + " generates it")
                            + "; satellites and ground stations share one namespace.");
            return false;
        }
        declarations.put(name.text(), name);
        kinds.put(name.text(), kind);
        declared.add(name.text());
        return true;
    }

    /**
     * Declares a constellation's name (constellations have a namespace of their own); false (and
     * reported) when another constellation has it.
     */
    boolean declareConstellation(Ident name) {
        Ident first = constellations.putIfAbsent(name.text(), name);
        if (first != null) {
            diags.report(
                    DiagnosticCode.DUPLICATE_NAME,
                    name.span(),
                    "The constellation name `" + name.text() + "` is already declared.",
                    "The first is on line " + line(first) + "; give each constellation its own name.");
            return false;
        }
        return true;
    }

    /**
     * Declares the satellites a constellation generates, all at its name; false (reported once,
     * with the first clash) when any name is taken, and then none is declared.
     */
    boolean declareGenerated(Ident constellation, List<String> names, GeneratedNames.Family family) {
        List<String> taken = names.stream().filter(declarations::containsKey).toList();
        if (!taken.isEmpty()) {
            Ident first = declarations.get(taken.get(0));
            diags.report(
                    DiagnosticCode.DUPLICATE_NAME,
                    constellation.span(),
                    "Constellation `" + constellation.text() + "` generates `" + taken.get(0) + "`"
                            + (taken.size() > 1 ? " and " + (taken.size() - 1) + " more names" : "")
                            + ", already declared.",
                    "The first declaration is on line " + line(first)
                            + "; rename the constellation or that declaration.");
            generated.add(new GeneratedNames.Broken(constellation.text()));
            return false;
        }
        for (String n : names) {
            declarations.put(n, new Ident(constellation.span(), n, false));
            kinds.put(n, "satellite");
            generatedBy.put(n, constellation.text());
        }
        generated.add(family);
        return true;
    }

    /** Marks a constellation whose satellites could not be generated: references to them are not reported again. */
    void brokenConstellation(Ident constellation) {
        generated.add(new GeneratedNames.Broken(constellation.text()));
    }

    /** Records which declaration {@code ref} names; false (and reported) when none does. */
    boolean resolve(Ident ref) {
        Ident decl = declarations.get(ref.text());
        if (decl == null) {
            if (generated.ofBrokenConstellation(ref.text())) {
                return false;
            }
            diags.report(
                    DiagnosticCode.UNKNOWN_NODE,
                    ref.span(),
                    "Unknown satellite or ground station `" + ref.text() + "`.",
                    generated
                            .help(ref.text())
                            .or(() -> Suggestions.didYouMean(ref.text(), declared))
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

    /** True when {@code name} was generated by a constellation. */
    boolean generated(String name) {
        return generatedBy.containsKey(name);
    }

    private int line(Ident ident) {
        return diags.source().line(ident.span().start());
    }

    /** References to their declarations, keyed by the referring identifier's identity. */
    Map<Ident, Ident> references() {
        return Collections.unmodifiableMap(references);
    }
}
