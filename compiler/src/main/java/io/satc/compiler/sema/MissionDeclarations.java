package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.Ident;
import io.satc.compiler.syntax.ast.LinkDecl;
import io.satc.compiler.syntax.ast.Mission;
import io.satc.compiler.syntax.ast.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The top level of a mission sorted by kind: the blocks of each kind in source order, the links,
 * and the mission's own attributes. Unknown declarations and attributes are reported here, once;
 * a new block kind is one more word in {@link #BLOCK_KINDS} and a checker that asks for it.
 */
final class MissionDeclarations {

    static final List<String> KEYS = List.of("codecs", "source", "sink", "objective", "max_stages");
    static final List<String> BLOCK_KINDS =
            List.of("model", "workload", "accuracy", "codec", "satellite", "ground", "constellation", "horizon");
    /** Everything a mission may declare, as help texts list it. */
    static final List<String> DECLARATIONS =
            Stream.concat(BLOCK_KINDS.stream(), Stream.of("link")).toList();

    private final Map<String, List<BlockDecl>> blocks;
    private final List<LinkDecl> links;
    private final Map<String, Assignment> attributes;

    private MissionDeclarations(
            Map<String, List<BlockDecl>> blocks, List<LinkDecl> links, Map<String, Assignment> attributes) {
        this.blocks = blocks;
        this.links = links;
        this.attributes = attributes;
    }

    static MissionDeclarations sort(Mission mission, CheckContext ctx) {
        Map<String, List<BlockDecl>> blocks = new LinkedHashMap<>();
        List<LinkDecl> links = new ArrayList<>();
        Map<String, Assignment> attributes = new HashMap<>();
        for (Statement s : mission.body().statements()) {
            if (s instanceof LinkDecl l) {
                links.add(l);
            } else if (s instanceof Assignment a) {
                ctx.blocks().attribute(a, attributes, "the mission", KEYS, DECLARATIONS);
            } else {
                BlockDecl b = (BlockDecl) s;
                if (BLOCK_KINDS.contains(b.kind().text())) {
                    blocks.computeIfAbsent(b.kind().text(), k -> new ArrayList<>())
                            .add(b);
                } else {
                    unknownDeclaration(b.kind(), ctx);
                }
            }
        }
        return new MissionDeclarations(blocks, links, attributes);
    }

    private static void unknownDeclaration(Ident kind, CheckContext ctx) {
        String help = Suggestions.didYouMean(kind.text(), DECLARATIONS)
                .orElse("Declarations allowed here: " + ValueReader.quoteAll(DECLARATIONS) + ".");
        String message = kind.text().equals("mission")
                ? "A `mission` cannot be nested inside the mission."
                : "Unknown declaration `" + kind.text() + "` in the mission.";
        ctx.diags().report(DiagnosticCode.UNKNOWN_DECLARATION, kind.span(), message, help);
    }

    /** The blocks of one kind, in source order (empty when there are none). */
    List<BlockDecl> blocks(String kind) {
        if (!BLOCK_KINDS.contains(kind)) {
            throw new IllegalArgumentException("not a block kind of the mission: " + kind);
        }
        return List.copyOf(blocks.getOrDefault(kind, List.of()));
    }

    /** The links, in source order. */
    List<LinkDecl> links() {
        return List.copyOf(links);
    }

    /** The mission's own attribute {@code key} ({@code source}, {@code codecs}, ...), if given once and known. */
    Optional<Assignment> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }
}
