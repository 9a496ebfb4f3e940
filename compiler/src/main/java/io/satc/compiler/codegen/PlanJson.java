package io.satc.compiler.codegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.satc.compiler.lower.LinkSchedule;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.plan.BaselineResult;
import io.satc.compiler.plan.Evaluation;
import io.satc.compiler.plan.HorizonEvaluation;
import io.satc.compiler.plan.Plan;
import io.satc.compiler.plan.Resource;
import io.satc.compiler.plan.SearchResult;
import io.satc.compiler.plan.SearchStats;
import io.satc.compiler.plan.StageMemory;
import io.satc.compiler.plan.WindowEvaluation;
import java.util.List;

/**
 * The {@code satc plan --json} document (docs/plan-format.md). Field order is fixed; every value
 * except {@code search.time_ms} depends only on the mission, so plans diff cleanly.
 */
public final class PlanJson {

    /** Version of this document's layout; bumped on any incompatible change. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {}

    public static String render(PlanOutcome outcome) {
        try {
            return MAPPER.writeValueAsString(document(outcome)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode document(PlanOutcome outcome) {
        PlacementProblem p = outcome.problem();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("cost_model", p.costModel());
        root.put("mission", p.mission());
        root.put("feasible", outcome.feasible());
        ObjectNode workload = root.putObject("workload");
        workload.put("batch", p.batch());
        workload.put("micro_batches", p.microBatches());
        workload.put("micro_batch_size", p.microBatchSize());
        workload.put("input_bytes_per_sample", p.inputBytesPerSample());
        workload.put("units", p.units().size());
        workload.put("accuracy_budget", p.maxLoss());
        if (outcome.evaluation().isPresent()) {
            Evaluation e = outcome.evaluation().get();
            ObjectNode objective = root.putObject("objective");
            objective.put("latency_s", e.latencySeconds());
            objective.put("comm_bytes", e.commBytes());
            objective.put("accuracy_loss", e.accuracyLoss());
            if (outcome.measuredLoss().isPresent()) {
                objective.put("measured_accuracy_loss", outcome.measuredLoss().getAsDouble());
            }
            objective.put("compression_ratio", e.compressionRatio());
            objective.put("bottleneck_s", e.bottleneckSeconds());
            objective.put(
                    "bottleneck",
                    PlanFacts.bottleneck(e).map(PlanFacts::describe).orElse("none"));
            stages(root.putArray("stages"), p, e);
            cuts(root.putArray("cuts"), p, e);
            ObjectNode io = root.putObject("transfers");
            io.set("input_route", route(PlanFacts.hops(e, 0), p.source()));
            io.set(
                    "output_route",
                    route(
                            PlanFacts.hops(e, e.plan().stageCount()),
                            e.plan().stages().get(e.plan().stageCount() - 1).node()));
            outcome.horizon().ifPresent(h -> horizon(root, p, h));
        } else {
            ArrayNode reasons = root.putArray("reasons");
            ((SearchResult.Infeasible) outcome.result()).reasons().forEach(reasons::add);
            p.schedule().ifPresent(s -> {
                // No plan: nothing of the horizon is covered, and there are no windows to show.
                ObjectNode horizon = root.putObject("horizon");
                horizon.put("start", s.start());
                horizon.put("duration_s", s.durationSeconds());
                horizon.put("coverage", 0.0);
                root.putArray("windows");
            });
        }
        ArrayNode baselines = root.putArray("baselines");
        for (BaselineResult b : outcome.baselines()) {
            ObjectNode n = baselines.addObject();
            n.put("name", b.name());
            n.put("feasible", b.feasible());
            if (b.feasible()) {
                n.put("latency_s", b.latencySeconds());
                n.put("comm_bytes", b.commBytes());
                n.put("plan", b.evaluation().map(ev -> ev.plan().toString()).orElse(""));
                outcome.evaluation().ifPresent(e -> {
                    n.put("latency_reduction", 1 - e.latencySeconds() / b.latencySeconds());
                    n.put("comm_reduction", b.commBytes() > 0 ? 1 - e.commBytes() / b.commBytes() : 0.0);
                });
            } else {
                n.putNull("latency_s");
                n.putNull("comm_bytes");
            }
            n.put("reason", String.join(" ", b.reasons()));
        }
        ArrayNode notes = root.putArray("notes");
        outcome.notes().forEach(notes::add);
        SearchStats s = outcome.result().stats();
        ObjectNode search = root.putObject("search");
        search.put("expanded", s.expanded());
        search.put("generated", s.generated());
        search.put("time_ms", s.timeMillis());
        if (Double.isNaN(s.gap())) {
            search.putNull("gap"); // no plan, so no gap (Jackson would write the string "NaN")
        } else {
            search.put("gap", s.gap());
        }
        if (p.schedule().isPresent()) {
            search.put("pruned_nodes", s.prunedNodes());
        }
        return root;
    }

    /**
     * Cost model 2's fields (shared/spec/orbits.md §4): the horizon with the plan's coverage, and
     * every window with its latency and the node list of each transfer's route; a dark window (some
     * transfer without a route) has a null latency and no routes.
     */
    private static void horizon(ObjectNode root, PlacementProblem p, HorizonEvaluation h) {
        LinkSchedule schedule = p.schedule().orElseThrow();
        ObjectNode horizon = root.putObject("horizon");
        horizon.put("start", schedule.start());
        horizon.put("duration_s", schedule.durationSeconds());
        horizon.put("coverage", h.coverage());
        ArrayNode windows = root.putArray("windows");
        for (WindowEvaluation w : h.windows()) {
            ObjectNode n = windows.addObject();
            n.put("start_s", w.startSeconds());
            n.put("end_s", w.endSeconds());
            n.put("dark", w.dark());
            if (w.dark()) {
                n.putNull("latency_s");
                continue;
            }
            n.put("latency_s", w.latencySeconds());
            ObjectNode routes = n.putObject("routes");
            routes.set("input", nodes(w.inputRoute()));
            ArrayNode cuts = routes.putArray("cuts");
            w.cutRoutes().forEach(r -> cuts.add(nodes(r)));
            routes.set("output", nodes(w.outputRoute()));
        }
    }

    private static JsonNode nodes(List<String> route) {
        ArrayNode a = MAPPER.createArrayNode();
        route.forEach(a::add);
        return a;
    }

    private static void stages(ArrayNode out, PlacementProblem p, Evaluation e) {
        Plan plan = e.plan();
        List<Resource.StageWork> works = PlanFacts.stageWorks(e);
        for (int k = 0; k < plan.stageCount(); k++) {
            StageMemory m = e.memory().get(k);
            Resource.StageWork w = works.get(k);
            ObjectNode n = out.addObject();
            n.put("node", w.node());
            n.put("kind", PlanFacts.kind(p, w.node()));
            n.put("first_unit", w.firstUnit());
            n.put("last_unit", w.lastUnit());
            n.put("first_unit_name", p.units().get(w.firstUnit()).name());
            n.put("last_unit_name", p.units().get(w.lastUnit()).name());
            n.put("memory_bytes", m.requiredBytes());
            if (Double.isInfinite(m.availableBytes())) {
                n.putNull("memory_available_bytes");
            } else {
                n.put("memory_available_bytes", m.availableBytes());
            }
            n.put("service_s", w.serviceSeconds());
            n.put("compute_s", w.computeSeconds());
            n.put("coding_s", w.codingSeconds());
        }
    }

    private static void cuts(ArrayNode out, PlacementProblem p, Evaluation e) {
        Plan plan = e.plan();
        for (int k = 1; k < plan.stageCount(); k++) {
            int after = plan.stages().get(k - 1).lastUnit();
            String codec = plan.cutCodecs().get(k - 1);
            var option = p.codec(codec).orElseThrow();
            List<Resource.Hop> hops = PlanFacts.hops(e, k);
            ObjectNode n = out.addObject();
            n.put("after_unit", after);
            n.put("after_unit_name", p.units().get(after).name());
            n.put("codec", codec);
            n.put("ratio", option.ratioPerCut().get(after));
            n.put("loss", option.lossPerCut().get(after));
            n.set("route", route(hops, plan.stages().get(k - 1).node()));
            n.put(
                    "bytes_per_microbatch",
                    PlanFacts.bytesPerMicrobatch(p, after, option.ratioPerCut().get(after)));
            n.put(
                    "link_time_s",
                    hops.stream()
                            .mapToDouble(h -> h.serviceSeconds() + h.delaySeconds())
                            .sum());
        }
    }

    private static ArrayNode route(List<Resource.Hop> hops, String from) {
        ArrayNode a = MAPPER.createArrayNode();
        a.add(hops.isEmpty() ? from : hops.get(0).from());
        hops.forEach(h -> a.add(h.to()));
        return a;
    }
}
