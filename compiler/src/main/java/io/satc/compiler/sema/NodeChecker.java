package io.satc.compiler.sema;

import io.satc.compiler.sema.AnalyzedMission.ConstellationFacts;
import io.satc.compiler.sema.AnalyzedMission.GroundFacts;
import io.satc.compiler.sema.AnalyzedMission.HorizonFacts;
import io.satc.compiler.sema.AnalyzedMission.SatelliteFacts;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.Ident;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code satellite}, {@code ground} and {@code constellation} blocks, taken in source order so
 * that the second of two nodes with one name is the one reported: each name is declared in
 * {@link NodeNames}, and each block is read by {@link SatelliteChecker}, {@link GroundChecker} or
 * {@link ConstellationChecker} (whose generated satellites take the constellation's place).
 */
final class NodeChecker {

    /** The satellites (declared and generated), ground stations and constellations, in declaration order. */
    record Nodes(List<SatelliteFacts> satellites, List<GroundFacts> grounds, List<ConstellationFacts> constellations) {
        Nodes {
            satellites = List.copyOf(satellites);
            grounds = List.copyOf(grounds);
            constellations = List.copyOf(constellations);
        }
    }

    private final CheckContext ctx;
    private final NodeNames names;
    private final SatelliteChecker satellites;
    private final GroundChecker grounds;
    private final ConstellationChecker constellations;

    /** {@code moving}: the mission has a {@code horizon} block; {@code horizon}: its facts, when they are valid. */
    NodeChecker(CheckContext ctx, NodeNames names, boolean moving, Optional<HorizonFacts> horizon) {
        this.ctx = ctx;
        this.names = names;
        this.satellites = new SatelliteChecker(ctx, moving);
        this.grounds = new GroundChecker(ctx, moving);
        this.constellations = new ConstellationChecker(ctx, names, moving, horizon);
    }

    Nodes check(List<BlockDecl> satelliteBlocks, List<BlockDecl> groundBlocks, List<BlockDecl> constellationBlocks) {
        List<BlockDecl> all = new ArrayList<>(satelliteBlocks);
        all.addAll(groundBlocks);
        all.addAll(constellationBlocks);
        all.sort(Comparator.comparingInt(b -> b.span().start()));
        List<SatelliteFacts> sats = new ArrayList<>();
        List<GroundFacts> gs = new ArrayList<>();
        List<ConstellationFacts> cs = new ArrayList<>();
        for (BlockDecl b : all) {
            if (b.kind().text().equals("constellation")) {
                ConstellationChecker.Constellation c = constellations.check(b);
                sats.addAll(c.satellites());
                c.facts().ifPresent(cs::add);
                continue;
            }
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
        return new Nodes(sats, gs, cs);
    }
}
