package io.satc.compiler.lsp;

import io.satc.compiler.sema.Dimension;
import io.satc.compiler.sema.Quantity;
import io.satc.compiler.sema.SemanticTables;
import io.satc.compiler.source.Span;
import io.satc.compiler.syntax.ast.Argument;
import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.CallValue;
import io.satc.compiler.syntax.ast.Ident;
import io.satc.compiler.syntax.ast.LinkDecl;
import io.satc.compiler.syntax.ast.ListValue;
import io.satc.compiler.syntax.ast.Mission;
import io.satc.compiler.syntax.ast.NumberValue;
import io.satc.compiler.syntax.ast.Statement;
import io.satc.compiler.syntax.ast.SymbolValue;
import io.satc.compiler.syntax.ast.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is where in one parsed mission, for the editor: the named declarations (satellites,
 * ground stations, codecs, constellations) and every place that names one, the numbers with
 * their units, and the blocks with the attributes they already have. Built once per analysed
 * snapshot from the syntax tree; sema is not changed for it.
 */
final class MissionIndex {

    /** Declaration kinds that other statements refer to by name. */
    static final Set<String> NODE_KINDS = Set.of("satellite", "ground", "constellation");

    /** The satellites of a constellation are named {@code NAME-PP-SS} (Walker) or {@code NAME-NNNNN} (TLE). */
    private static final Pattern MEMBER = Pattern.compile("(.+?)-(\\d+)(?:-(\\d+))?");

    /** A named declaration: {@code satellite leo-1 { ... }}. */
    record Declaration(String kind, String name, Span nameSpan, BlockDecl block) {
        boolean isNode() {
            return NODE_KINDS.contains(kind);
        }
    }

    /** A block and the attribute keys it has, for completion. {@code kind} is {@code mission} for the root. */
    record BlockInfo(String kind, Span body, Set<String> keys) {}

    /** Something under the cursor. */
    sealed interface Target permits Name, Number, Unit {
        Span span();
    }

    /** A declaration's name, where it is declared or where it is referred to. */
    record Name(Span span, Declaration declaration, boolean declaring, String written) implements Target {}

    /** A number with its unit (or the name of the attribute it is the value of), and that attribute. */
    record Number(Span span, NumberValue value, String key) implements Target {}

    /** A unit symbol after a number. */
    record Unit(Span span, String symbol, NumberValue value, String key) implements Target {}

    private final Mission mission;
    private final Map<String, Declaration> nodes = new LinkedHashMap<>();
    private final Map<String, Declaration> codecs = new LinkedHashMap<>();
    private final Map<Declaration, List<Span>> references = new IdentityHashMap<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<BlockInfo> blocks = new ArrayList<>();

    private MissionIndex(Mission mission) {
        this.mission = mission;
    }

    static MissionIndex of(Mission mission) {
        MissionIndex index = new MissionIndex(mission);
        index.declare(mission.body().statements());
        index.visit("mission", mission.body().span(), mission.body().statements());
        index.targets.sort(Comparator.comparingInt((Target t) -> t.span().start())
                .thenComparing(t -> -t.span().length()));
        return index;
    }

    Mission mission() {
        return mission;
    }

    /** The node declarations (satellites, ground stations, constellations) by name, in source order. */
    Map<String, Declaration> nodes() {
        return nodes;
    }

    /** The declared codecs by name, in source order. */
    Map<String, Declaration> codecs() {
        return codecs;
    }

    /** Every place a declaration is named, besides its own name, in source order. */
    List<Span> referencesTo(Declaration d) {
        return references.getOrDefault(d, List.of());
    }

    /** What is at an offset (a cursor just after a word is on it), the innermost first. */
    Optional<Target> at(int offset) {
        int lo = 0;
        int hi = targets.size() - 1;
        int last = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (targets.get(mid).span().start() <= offset) {
                last = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        Target best = null;
        for (int i = last; i >= 0 && i >= last - 3; i--) {
            Target t = targets.get(i);
            if (t.span().start() <= offset
                    && offset <= t.span().end()
                    && (best == null || t.span().length() < best.span().length())) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The innermost block whose braces contain an offset. */
    Optional<BlockInfo> blockAt(int offset) {
        BlockInfo best = null;
        for (BlockInfo b : blocks) {
            if (b.body().start() < offset
                    && offset < b.body().end()
                    && (best == null || b.body().length() < best.body().length())) {
                best = b;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The dimension of the first value of attribute {@code key} that analysis converted. */
    Optional<Dimension> dimensionOf(String key, SemanticTables tables) {
        for (Target t : targets) {
            if (t instanceof Number n && n.key().equals(key)) {
                Optional<Quantity> q = tables.quantity(n.value());
                if (q.isPresent()) {
                    return Optional.of(q.get().dimension());
                }
            }
        }
        return Optional.empty();
    }

    /** The declaration a name refers to: a node, a codec, or the constellation a member's name comes from. */
    Optional<Declaration> resolve(String name) {
        Declaration d = nodes.get(name);
        if (d == null) {
            d = codecs.get(name);
        }
        if (d == null) {
            Matcher m = MEMBER.matcher(name);
            if (m.matches()) {
                Declaration c = nodes.get(m.group(1));
                if (c != null && c.kind().equals("constellation")) {
                    d = c;
                }
            }
        }
        return Optional.ofNullable(d);
    }

    private void declare(List<Statement> statements) {
        for (Statement s : statements) {
            if (s instanceof BlockDecl b && b.name().isPresent()) {
                String kind = b.kind().text();
                Ident name = b.name().get();
                Declaration d = new Declaration(kind, name.text(), name.span(), b);
                if (NODE_KINDS.contains(kind)) {
                    nodes.putIfAbsent(name.text(), d);
                } else if (kind.equals("codec")) {
                    codecs.putIfAbsent(name.text(), d);
                }
            }
        }
        for (Declaration d : nodes.values()) {
            targets.add(new Name(d.nameSpan(), d, true, d.name()));
        }
        for (Declaration d : codecs.values()) {
            targets.add(new Name(d.nameSpan(), d, true, d.name()));
        }
    }

    private void visit(String kind, Span body, List<Statement> statements) {
        Set<String> keys = new LinkedHashSet<>();
        for (Statement s : statements) {
            if (s instanceof Assignment a) {
                keys.add(a.key().text());
                value(a.key().text(), a.value());
                if (a.value() instanceof NumberValue n) {
                    // The attribute's name hovers as its value does.
                    targets.add(new Number(a.key().span(), n, a.key().text()));
                }
            } else if (s instanceof BlockDecl b) {
                visit(b.kind().text(), b.body().span(), b.body().statements());
            } else if (s instanceof LinkDecl l) {
                refer(l.from());
                refer(l.to());
                l.body().ifPresent(block -> visit("link", block.span(), block.statements()));
            }
        }
        blocks.add(new BlockInfo(kind, body, Set.copyOf(keys)));
    }

    private void value(String key, Value v) {
        if (v instanceof NumberValue n) {
            targets.add(new Number(n.span(), n, key));
            n.unit().ifPresent(u -> targets.add(new Unit(u.span(), u.text(), n, key)));
        } else if (v instanceof SymbolValue s) {
            refer(s.name());
        } else if (v instanceof ListValue l) {
            l.elements().forEach(e -> value(key, e));
        } else if (v instanceof CallValue c) {
            for (Argument a : c.arguments()) {
                value(a.name().map(Ident::text).orElse(key), a.value());
            }
        }
    }

    private void refer(Ident name) {
        resolve(name.text()).ifPresent(d -> {
            references.computeIfAbsent(d, k -> new ArrayList<>()).add(name.span());
            targets.add(new Name(name.span(), d, false, name.text()));
        });
    }
}
