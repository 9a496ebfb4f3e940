package io.satc.compiler.sema;

import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.sema.AnalyzedMission.AccuracyFacts;
import io.satc.compiler.sema.AnalyzedMission.CodecFacts;
import io.satc.compiler.sema.AnalyzedMission.HorizonFacts;
import io.satc.compiler.sema.AnalyzedMission.LinkFacts;
import io.satc.compiler.sema.AnalyzedMission.ModelFacts;
import io.satc.compiler.sema.AnalyzedMission.WorkloadFacts;
import io.satc.compiler.syntax.ParseResult;
import io.satc.compiler.syntax.ast.Mission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Checks a parsed mission against the language's rules and turns it into an
 * {@link AnalyzedMission}: names, references, units and dimensions, ranges, the model, codecs and
 * topology, and for a mission that moves (mission language 2) its constellations, orbits and
 * horizon. Reports every independent problem; never stops at the first.
 *
 * <p>Each concern is its own checker, and this class only runs them in order and assembles their
 * facts: the checkers share one {@link CheckContext} (diagnostics, the value reader, the block
 * reader), and the nodes share one {@link NodeNames}. A new block kind is a new checker called
 * from here, its word in {@link MissionDeclarations#BLOCK_KINDS}, and its facts in
 * {@link AnalyzedMission}.
 */
public final class Analyzer {

    private Analyzer() {}

    public static AnalysisResult analyze(ParseResult parsed) {
        if (parsed.mission().isEmpty()) {
            return new AnalysisResult(parsed, Optional.empty(), SemanticTables.empty(), parsed.diagnostics());
        }
        return run(parsed, parsed.mission().get());
    }

    private static AnalysisResult run(ParseResult parsed, Mission mission) {
        Diagnostics diags = new Diagnostics(parsed.source());
        diags.addAll(parsed.diagnostics());
        CheckContext ctx = CheckContext.of(diags);
        MissionDeclarations decls = MissionDeclarations.sort(mission, ctx);

        ModelChecker models = new ModelChecker(ctx);
        Optional<ModelFacts> model = models.check(mission, decls.blocks("model"));
        WorkloadFacts workload = new WorkloadChecker(ctx).check(decls.blocks("workload"));
        AccuracyFacts accuracy = new AccuracyChecker(ctx).check(decls.blocks("accuracy"));
        models.requireInput(decls.blocks("model"), model, workload);

        Map<String, CodecFacts> declaredCodecs = new CodecChecker(ctx).check(decls.blocks("codec"));
        List<CodecFacts> codecs = new CodecListChecker(ctx).check(decls.attribute("codecs"), declaredCodecs);

        // A horizon block makes the mission move, even when its values are wrong: that keeps the
        // checks of orbits and contacts on, and errors about a missing horizon off.
        boolean moving = !decls.blocks("horizon").isEmpty();
        Optional<HorizonFacts> horizon = new HorizonChecker(ctx).check(decls.blocks("horizon"));

        int errorsBeforeTopology = diags.errorCount();
        NodeNames names = new NodeNames(diags);
        NodeChecker.Nodes nodes = new NodeChecker(ctx, names, moving, horizon)
                .check(decls.blocks("satellite"), decls.blocks("ground"), decls.blocks("constellation"));
        List<LinkFacts> links = new LinkChecker(ctx, names).check(decls.links());
        EndpointChecker endpoints = new EndpointChecker(ctx, names);
        Optional<String> source = endpoints.source(mission, decls.attribute("source"));
        Optional<String> sink = endpoints.sink(mission, decls.attribute("sink"));
        ObjectiveChecker objectives = new ObjectiveChecker(ctx);
        String objective = objectives.objective(decls.attribute("objective"));
        OptionalInt maxStages = objectives.maxStages(decls.attribute("max_stages"));

        // Routes over nodes or links that already failed their own checks would only echo those errors.
        boolean clean = source.isPresent() && sink.isPresent() && diags.errorCount() == errorsBeforeTopology;
        if (clean && moving) {
            new MotionChecker(ctx)
                    .check(
                            decls.links(),
                            nodes.satellites(),
                            nodes.grounds(),
                            links,
                            sink.get(),
                            decls.attribute("sink").get().value().span());
        } else if (clean) {
            TopologyChecker.check(
                    source.get(),
                    sink.get(),
                    decls.attribute("sink").get().value().span(),
                    names.declarations(),
                    nodes.satellites(),
                    links,
                    diags);
        }

        SemanticTables tables = new SemanticTables(ctx.values().quantities(), names.references());
        if (diags.hasErrors() || model.isEmpty() || source.isEmpty() || sink.isEmpty() || moving && horizon.isEmpty()) {
            return new AnalysisResult(parsed, Optional.empty(), tables, diags.sorted());
        }
        AnalyzedMission result = new AnalyzedMission(
                mission.name().text(),
                model.get(),
                workload,
                accuracy,
                codecs,
                nodes.satellites(),
                nodes.grounds(),
                links,
                source.get(),
                sink.get(),
                objective,
                maxStages,
                nodes.constellations(),
                horizon);
        return new AnalysisResult(parsed, Optional.of(result), tables, diags.sorted());
    }
}
