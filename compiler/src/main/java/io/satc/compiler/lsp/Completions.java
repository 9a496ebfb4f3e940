package io.satc.compiler.lsp;

import io.satc.compiler.sema.Dimension;
import io.satc.compiler.sema.Units;
import io.satc.compiler.sema.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion items for a {@link CompletionContext}: attribute names of the enclosing block (those
 * not yet given) and, in the mission, what it may declare; unit names after a number (the
 * dimension the same attribute has elsewhere in the mission first); node names for links,
 * {@code source} and {@code sink}; codec names in {@code codecs}; the words of attributes that
 * take one. Filtered by the word typed so far and capped at {@link #MAX_ITEMS} (then marked
 * incomplete, so the editor asks again as the user types): a 10,000-satellite mission does not
 * send 10,000 items per keystroke.
 */
final class Completions {

    static final int MAX_ITEMS = 200;

    private Completions() {}

    /**
     * @param block   the enclosing block's kind and existing keys, when known
     * @param index   the newest parsed index (maybe of an earlier version), for names
     * @param replace the range of the current text the chosen item replaces
     */
    static CompletionList of(
            CompletionContext ctx,
            Optional<MissionIndex.BlockInfo> block,
            Optional<MissionIndex> index,
            Optional<Snapshot> snapshot,
            Range replace) {
        List<CompletionItem> all = new ArrayList<>();
        String kind =
                ctx.openedBlock().orElse(block.map(MissionIndex.BlockInfo::kind).orElse("mission"));
        Set<String> given = ctx.openedBlock().isPresent()
                ? Set.of()
                : block.map(MissionIndex.BlockInfo::keys).orElse(Set.of());
        switch (ctx.kind()) {
            case KEY -> {
                for (String key : Vocabulary.attributes(kind).orElse(List.of())) {
                    if (!given.contains(key)) {
                        all.add(item(key, CompletionItemKind.Property, kind + " attribute", key + " = ", replace));
                    }
                }
                if (kind.equals("mission")) {
                    for (String decl : Vocabulary.declarations()) {
                        all.add(item(decl, CompletionItemKind.Keyword, "declaration", decl + " ", replace));
                    }
                }
            }
            case UNIT -> {
                Optional<Dimension> expected = ctx.key().flatMap(k -> snapshot.flatMap(s -> s.dimensionOf(k)));
                for (String symbol : Units.symbols()) {
                    Dimension d = Units.lookup(symbol).orElseThrow().dimension();
                    CompletionItem item = item(symbol, CompletionItemKind.Unit, d.noun(), symbol, replace);
                    item.setSortText((expected.isPresent() && expected.get() == d ? "0 " : "1 ") + symbol);
                    all.add(item);
                }
            }
            case LINK_END -> index.ifPresent(i -> nodes(i, "", all, replace));
            case VALUE -> value(ctx.key().orElse(""), index, all, replace);
            case NONE -> {}
        }
        String typed = ctx.prefix().toLowerCase(Locale.ROOT);
        List<CompletionItem> shown = new ArrayList<>();
        for (CompletionItem item : all) {
            if (item.getLabel().toLowerCase(Locale.ROOT).startsWith(typed)) {
                if (shown.size() == MAX_ITEMS) {
                    return new CompletionList(true, shown);
                }
                shown.add(item);
            }
        }
        return new CompletionList(false, shown);
    }

    private static void value(String key, Optional<MissionIndex> index, List<CompletionItem> all, Range replace) {
        switch (key) {
            case "source" -> index.ifPresent(i -> nodes(i, "satellite", all, replace));
            case "sink" -> index.ifPresent(i -> nodes(i, "ground", all, replace));
            case "codecs" -> {
                for (String c : Vocabulary.builtInCodecs()) {
                    all.add(item(
                            c,
                            CompletionItemKind.Value,
                            "built-in codec",
                            c.equals("topk") ? "topk(10 %)" : c,
                            replace));
                }
                index.ifPresent(i -> i.codecs()
                        .keySet()
                        .forEach(c -> all.add(item(c, CompletionItemKind.Reference, "declared codec", c, replace))));
            }
            case "arch" ->
                Vocabulary.architectures()
                        .forEach(a -> all.add(item(a, CompletionItemKind.Class, "architecture", a + "(", replace)));
            default ->
                Vocabulary.options(key)
                        .ifPresent(options ->
                                options.forEach(o -> all.add(item(o, CompletionItemKind.EnumMember, key, o, replace))));
        }
    }

    private static void nodes(MissionIndex index, String onlyKind, List<CompletionItem> all, Range replace) {
        for (MissionIndex.Declaration d : index.nodes().values()) {
            if (onlyKind.isEmpty() || d.kind().equals(onlyKind)) {
                all.add(item(d.name(), CompletionItemKind.Reference, d.kind(), d.name(), replace));
            }
        }
    }

    private static CompletionItem item(String label, CompletionItemKind kind, String detail, String insert, Range at) {
        CompletionItem item = new CompletionItem(label);
        item.setKind(kind);
        item.setDetail(detail);
        item.setTextEdit(Either.forLeft(new TextEdit(at, insert)));
        return item;
    }
}
