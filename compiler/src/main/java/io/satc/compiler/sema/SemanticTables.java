package io.satc.compiler.sema;

import io.satc.compiler.syntax.ast.Ident;
import io.satc.compiler.syntax.ast.NumberValue;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Facts the analyser learnt about AST nodes, kept beside the tree (keyed by node identity)
 * rather than in it: converted quantities and which declaration each reference names.
 */
public final class SemanticTables {

    private final Map<NumberValue, Quantity> quantities;
    private final Map<Ident, Ident> references;

    SemanticTables(Map<NumberValue, Quantity> quantities, Map<Ident, Ident> references) {
        this.quantities = Collections.unmodifiableMap(new IdentityHashMap<>(quantities));
        this.references = Collections.unmodifiableMap(new IdentityHashMap<>(references));
    }

    static SemanticTables empty() {
        return new SemanticTables(Map.of(), Map.of());
    }

    public Optional<Quantity> quantity(NumberValue node) {
        return Optional.ofNullable(quantities.get(node));
    }

    /** The declaring name of a reference (a link end, `source`, `sink`). */
    public Optional<Ident> declaration(Ident reference) {
        return Optional.ofNullable(references.get(reference));
    }

    public int quantityCount() {
        return quantities.size();
    }
}
