package io.satc.compiler.lsp;

import io.satc.compiler.source.SourceFile;
import io.satc.compiler.source.Span;
import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.LinkDecl;
import io.satc.compiler.syntax.ast.Mission;
import io.satc.compiler.syntax.ast.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolKind;

/**
 * The outline of a mission: the mission, then each declaration in source order (attributes as
 * children, except under satellites, ground stations and links, of which a large constellation
 * has tens of thousands), with ranges mapped onto the current text; a symbol in a region edited
 * since the last parse is left out until the next one. At most {@link #MAX_SYMBOLS} symbols, the
 * first in source order (VS Code's own JSON server stops at 5,000): an outline of
 * 30,000 entries helps nobody and costs seconds to send on every edit.
 */
final class DocumentSymbols {

    static final int MAX_SYMBOLS = 2000;

    private static final Map<String, SymbolKind> KINDS = Map.of(
            "model", SymbolKind.Class,
            "workload", SymbolKind.Namespace,
            "accuracy", SymbolKind.Namespace,
            "codec", SymbolKind.Function,
            "satellite", SymbolKind.Object,
            "ground", SymbolKind.Struct,
            "constellation", SymbolKind.Array,
            "horizon", SymbolKind.Namespace);

    private DocumentSymbols() {}

    static List<DocumentSymbol> of(Snapshot snapshot, TextMapping mapping, SourceFile current) {
        Mission m = snapshot.index().orElseThrow().mission();
        Builder b = new Builder(snapshot.source(), mapping, current);
        List<DocumentSymbol> children = new ArrayList<>();
        for (Statement s : m.body().statements()) {
            if (children.size() == MAX_SYMBOLS - 1) {
                break;
            }
            b.statement(s, true).ifPresent(children::add);
        }
        return b.symbol(
                        m.name().text(),
                        "mission",
                        SymbolKind.Module,
                        m.span(),
                        m.name().span(),
                        children)
                .map(List::of)
                .orElse(children);
    }

    private record Builder(SourceFile analysed, TextMapping mapping, SourceFile current) {

        Optional<DocumentSymbol> statement(Statement s, boolean withChildren) {
            if (s instanceof BlockDecl d) {
                String kind = d.kind().text();
                boolean leaf = kind.equals("satellite") || kind.equals("ground");
                List<DocumentSymbol> children = new ArrayList<>();
                if (withChildren && !leaf) {
                    for (Statement inner : d.body().statements()) {
                        statement(inner, true).ifPresent(children::add);
                    }
                }
                Span selection = d.name().map(n -> n.span()).orElse(d.kind().span());
                return symbol(
                        d.name().map(n -> n.text()).orElse(kind),
                        d.name().isPresent() ? kind : "",
                        KINDS.getOrDefault(kind, SymbolKind.Namespace),
                        d.span(),
                        selection,
                        children);
            }
            if (s instanceof LinkDecl l) {
                return symbol(
                        l.from().text() + (l.bidirectional() ? " <-> " : " -> ") + l.to().text(),
                        "link",
                        SymbolKind.Event,
                        l.span(),
                        l.from().span().to(l.to().span()),
                        List.of());
            }
            Assignment a = (Assignment) s;
            return symbol(
                    a.key().text(),
                    analysed.slice(a.value().span()),
                    SymbolKind.Property,
                    a.span(),
                    a.key().span(),
                    List.of());
        }

        Optional<DocumentSymbol> symbol(
                String name, String detail, SymbolKind kind, Span span, Span selection, List<DocumentSymbol> children) {
            Optional<Span> range = mapping.toCurrent(span);
            Optional<Span> sel = mapping.toCurrent(selection);
            if (range.isEmpty() || sel.isEmpty()) {
                return Optional.empty();
            }
            DocumentSymbol d = new DocumentSymbol(
                    name.isEmpty() ? "(unnamed)" : name,
                    kind,
                    Positions.range(current, range.get()),
                    Positions.range(current, sel.get()),
                    detail.isEmpty() ? null : detail);
            if (!children.isEmpty()) {
                d.setChildren(children);
            }
            return Optional.of(d);
        }
    }
}
