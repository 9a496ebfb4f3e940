package io.satc.compiler.sema;

import io.satc.compiler.sema.AnalyzedMission.GroundFacts;
import io.satc.compiler.sema.AnalyzedMission.SatelliteFacts;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.Ident;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code satellite} and {@code ground} blocks, taken in source order so that the second of two
 * nodes with one name is the one reported: each name is declared in {@link NodeNames}, and each
 * block's attributes are read by {@link SatelliteChecker} or {@link GroundChecker}.
 */
final class NodeChecker {

    /** The satellites and ground stations that were declared, in declaration order. */
    record Nodes(List<SatelliteFacts> satellites, List<GroundFacts> grounds) {
        Nodes {
            satellites = List.copyOf(satellites);
            grounds = List.copyOf(grounds);
        }
    }

    private final CheckContext ctx;
    private final NodeNames names;
    private final SatelliteChecker satellites;
    private final GroundChecker grounds;

    NodeChecker(CheckContext ctx, NodeNames names) {
        this.ctx = ctx;
        this.names = names;
        this.satellites = new SatelliteChecker(ctx);
        this.grounds = new GroundChecker(ctx);
    }

    Nodes check(List<BlockDecl> satelliteBlocks, List<BlockDecl> groundBlocks) {
        List<BlockDecl> all = new ArrayList<>(satelliteBlocks);
        all.addAll(groundBlocks);
        all.sort(Comparator.comparingInt(b -> b.span().start()));
        List<SatelliteFacts> sats = new ArrayList<>();
        List<GroundFacts> gs = new ArrayList<>();
        for (BlockDecl b : all) {
            boolean satellite = b.kind().text().equals("satellite");
            Optional<Ident> name = ctx.blocks().requireName(b);
            if (name.isEmpty() || !names.declare(name.get(), b.kind().text())) {
                // Still report unknown and repeated attributes of a block that declares nothing.
                ctx.blocks()
                        .attributes(
                                b.body(),
                                b.kind().text() + " block",
                                satellite ? SatelliteChecker.KEYS : GroundChecker.KEYS);
                continue;
            }
            if (satellite) {
                sats.add(satellites.check(name.get(), b));
            } else {
                gs.add(grounds.check(name.get(), b));
            }
        }
        return new Nodes(sats, gs);
    }
}
