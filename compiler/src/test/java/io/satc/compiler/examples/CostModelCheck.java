package io.satc.compiler.examples;

import com.fasterxml.jackson.databind.JsonNode;
import io.satc.compiler.lower.CodecOption;
import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.ModelUnit;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second implementation of cost model v1, written for the tests from
 * {@code shared/spec/cost-model.md} alone: it shares no code with the planner (no
 * {@code Evaluator}, {@code Costs} or {@code Router}; only the numeric problem's records), and
 * recomputes what a plan JSON reports (objective, stages, cuts, routes and the feasible
 * baselines) so that a golden plan is checked against an evaluation built separately.
 */
public final class CostModelCheck {

    /** Relative difference under which two figures count as equal. */
    static final double TOLERANCE = 1e-9;

    /** A decision (spec §2): stage nodes, the last unit of each stage, the codec of each cut. */
    public record Decision(List<String> nodes, List<Integer> lastUnits, List<String> codecs) {

        private static final Pattern STAGE = Pattern.compile("(\\S+)\\[(\\d+)\\.\\.(\\d+)]");
        private static final Pattern CUT = Pattern.compile("-(\\S+)->");

        /** Reads the one-line form of a plan, e.g. {@code cam[0..6] -none-> worker[7..13]}. */
        public static Decision parse(String line) {
            List<String> nodes = new ArrayList<>();
            List<Integer> lasts = new ArrayList<>();
            List<String> codecs = new ArrayList<>();
            String[] parts = line.trim().split(" ");
            for (int i = 0; i < parts.length; i++) {
                Matcher m = (i % 2 == 0 ? STAGE : CUT).matcher(parts[i]);
                if (!m.matches()) {
                    throw new IllegalArgumentException("not a plan: " + line);
                }
                if (i % 2 == 0) {
                    nodes.add(m.group(1));
                    lasts.add(Integer.parseInt(m.group(3)));
                } else {
                    codecs.add(m.group(1));
                }
            }
            return new Decision(nodes, lasts, codecs);
        }

        /** Reads the stages and cuts of a plan JSON. */
        static Decision of(JsonNode plan) {
            List<String> nodes = new ArrayList<>();
            List<Integer> lasts = new ArrayList<>();
            List<String> codecs = new ArrayList<>();
            plan.get("stages").forEach(s -> {
                nodes.add(s.get("node").asText());
                lasts.add(s.get("last_unit").asInt());
            });
            plan.get("cuts").forEach(c -> codecs.add(c.get("codec").asText()));
            return new Decision(nodes, lasts, codecs);
        }
    }

    /** A stage's figures: service time = compute + coding (spec §3), memory need (§4). */
    public record StageCost(int firstUnit, double computeSeconds, double codingSeconds, double memoryBytes) {}

    /**
     * One transfer: the route's node names (the sender alone for no hops), the payload per
     * micro-batch in bytes, and the route's Σ(τ + P); empty route nodes when there is no route.
     */
    public record TransferCost(List<String> route, double bytesPerMicroBatch, double linkSeconds) {}

    /** Everything the spec says about a decision; {@code violations} empty when it is feasible. */
    public record Costing(
            double latency,
            double volume,
            double loss,
            double compressionRatio,
            double bottleneck,
            List<StageCost> stages,
            List<TransferCost> transfers,
            List<String> violations) {}

    private record Hop(String from, String to, double rate, double delay) {}

    /** A path of links from sender to receiver, with its Σ(D/R + P) summed in hop order. */
    private record Candidate(List<String> nodes, List<Hop> hops, double latency) {}

    private final PlacementProblem problem;
    private final int b;

    public CostModelCheck(PlacementProblem problem) {
        this.problem = problem;
        this.b = problem.batch() / problem.microBatches();
    }

    /** The cost of a decision, by the spec's definitions read literally. */
    public Costing cost(Decision d) {
        List<String> violations = new ArrayList<>();
        List<ModelUnit> units = problem.units();
        int n = units.size();
        int stageCount = d.nodes().size();
        if (d.lastUnits().get(stageCount - 1) != n - 1) {
            violations.add("the last stage ends at unit " + d.lastUnits().get(stageCount - 1));
        }
        if (problem.maxStages().isPresent() && stageCount > problem.maxStages().getAsInt()) {
            violations.add(stageCount + " stages over max_stages");
        }
        if (new HashSet<>(d.nodes()).size() != stageCount) {
            violations.add("stage nodes repeat");
        }
        // The resources in order (§3), each as (τ, P).
        List<double[]> resources = new ArrayList<>();
        List<StageCost> stages = new ArrayList<>();
        List<TransferCost> transfers = new ArrayList<>();
        double volume = 0.0;
        double loss = 0.0;
        double rawAtCuts = 0.0;
        double sentAtCuts = 0.0;
        String from = problem.source();
        double sentBytes = problem.inputBytesPerSample();
        for (int k = 0; k < stageCount; k++) {
            ComputeNode node = node(d.nodes().get(k));
            int first = k == 0 ? 0 : d.lastUnits().get(k - 1) + 1;
            int last = d.lastUnits().get(k);
            if (last < first) {
                violations.add("stage " + (k + 1) + " has no units");
            }
            volume += transfer(from, node.name(), sentBytes, resources, transfers, violations);
            if (!(node.computeFlops() > 0)) {
                violations.add("stage " + (k + 1) + " is on a node without compute");
            }
            if (node.kind() == NodeKind.GROUND && k < stageCount - 1) {
                violations.add("stage " + (k + 1) + " is on a ground station before the last stage");
            }
            double flops = 0.0;
            double weights = 0.0;
            double largestOut = 0.0;
            for (int u = first; u <= last; u++) {
                flops += units.get(u).flopsPerSample();
                weights += units.get(u).weightBytes();
                largestOut = Math.max(largestOut, units.get(u).outBytesPerSample());
            }
            double aIn = first == 0
                    ? problem.inputBytesPerSample()
                    : units.get(first - 1).outBytesPerSample();
            double compute = b * flops / node.computeFlops();
            double coding = 0.0;
            if (k > 0) {
                coding += b * aIn / codec(d.codecs().get(k - 1)).throughputBytesPerSecond(); // decode
            }
            double aOut = units.get(last).outBytesPerSample();
            if (k < stageCount - 1) {
                CodecOption c = codec(d.codecs().get(k));
                coding += b * aOut / c.throughputBytesPerSecond(); // encode
                loss += c.lossPerCut().get(last);
                rawAtCuts += aOut;
                sentAtCuts += aOut / c.ratioPerCut().get(last);
                sentBytes = aOut / c.ratioPerCut().get(last);
            } else {
                sentBytes = aOut;
            }
            resources.add(new double[] {compute + coding, 0.0});
            double memory = weights + 2.0 * b * Math.max(aIn, largestOut);
            stages.add(new StageCost(first, compute, coding, memory));
            if (memory > node.memoryBytes()) {
                violations.add("stage " + (k + 1) + " needs " + memory + " B of memory, over " + node.memoryBytes());
            }
            from = node.name();
        }
        volume += transfer(from, problem.sink(), sentBytes, resources, transfers, violations);
        if (loss > problem.maxLoss() * (1 + TOLERANCE)) {
            violations.add("loss " + loss + " over the budget " + problem.maxLoss());
        }
        double sum = 0.0;
        double bottleneck = 0.0;
        for (double[] r : resources) {
            sum += r[0] + r[1];
            bottleneck = Math.max(bottleneck, r[0]);
        }
        double latency = sum + (problem.microBatches() - 1) * bottleneck;
        double ratio = sentAtCuts > 0 ? rawAtCuts / sentAtCuts : 1.0;
        return new Costing(latency, volume, loss, ratio, bottleneck, stages, transfers, violations);
    }

    /** Adds the hops of one transfer to the resources; returns the bytes they carry per batch (§4's V). */
    private double transfer(
            String from,
            String to,
            double bytesPerSample,
            List<double[]> resources,
            List<TransferCost> transfers,
            List<String> violations) {
        double bits = 8.0 * b * bytesPerSample;
        Optional<Candidate> path = route(from, to, bits);
        if (path.isEmpty()) {
            violations.add("no route from " + from + " to " + to);
            transfers.add(new TransferCost(List.of(), b * bytesPerSample, Double.POSITIVE_INFINITY));
            resources.add(new double[] {0.0, Double.POSITIVE_INFINITY});
            return 0.0;
        }
        for (Hop h : path.get().hops()) {
            resources.add(new double[] {bits / h.rate(), h.delay()});
        }
        transfers.add(new TransferCost(
                path.get().nodes(), b * bytesPerSample, path.get().latency()));
        return problem.batch() * bytesPerSample * path.get().hops().size();
    }

    /**
     * The route of a payload (§3): least Σ(D/R + P), latencies within the tolerance tied, then
     * fewer hops, then the smaller sequence of node names. Every simple path is a candidate; the
     * depth-first walk skips only those that cannot come within a loose margin of the least
     * latency (an exact Dijkstra from the receiver backwards gives the remaining least).
     */
    private Optional<Candidate> route(String from, String to, double bits) {
        if (from.equals(to)) {
            return Optional.of(new Candidate(List.of(from), List.of(), 0.0));
        }
        List<String> names = problem.nodes().stream().map(ComputeNode::name).toList();
        double[] rest = leastToReceiver(names, to, bits);
        double least = rest[names.indexOf(from)];
        if (least == Double.POSITIVE_INFINITY) {
            return Optional.empty();
        }
        List<Candidate> found = new ArrayList<>();
        Deque<Hop> hops = new ArrayDeque<>();
        walk(from, to, bits, 0.0, least * (1 + 1e-6), rest, names, new HashSet<>(Set.of(from)), hops, found);
        double best = found.stream().mapToDouble(Candidate::latency).min().orElse(Double.POSITIVE_INFINITY);
        return found.stream()
                .filter(p -> tied(p.latency(), best))
                .min((p, q) -> p.hops().size() != q.hops().size()
                        ? Integer.compare(p.hops().size(), q.hops().size())
                        : compareNames(p.nodes(), q.nodes()));
    }

    private void walk(
            String at,
            String to,
            double bits,
            double latency,
            double limit,
            double[] rest,
            List<String> names,
            Set<String> visited,
            Deque<Hop> hops,
            List<Candidate> found) {
        if (at.equals(to)) {
            List<String> nodes = new ArrayList<>();
            nodes.add(hops.getFirst().from());
            hops.forEach(h -> nodes.add(h.to()));
            found.add(new Candidate(nodes, List.copyOf(hops), latency));
            return;
        }
        for (Link l : problem.links()) {
            if (!l.from().equals(at) || visited.contains(l.to())) {
                continue;
            }
            double next = latency + (bits / l.rateBitsPerSecond() + l.propagationSeconds());
            if (next + rest[names.indexOf(l.to())] > limit) {
                continue;
            }
            visited.add(l.to());
            hops.addLast(new Hop(l.from(), l.to(), l.rateBitsPerSecond(), l.propagationSeconds()));
            walk(l.to(), to, bits, next, limit, rest, names, visited, hops, found);
            hops.removeLast();
            visited.remove(l.to());
        }
    }

    /** Least Σ(D/R + P) from every node to {@code to}, by Dijkstra over the reversed links. */
    private double[] leastToReceiver(List<String> names, String to, double bits) {
        double[] dist = new double[names.size()];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        boolean[] done = new boolean[names.size()];
        dist[names.indexOf(to)] = 0.0;
        for (int round = 0; round < names.size(); round++) {
            int v = -1;
            for (int i = 0; i < names.size(); i++) {
                if (!done[i] && (v < 0 || dist[i] < dist[v])) {
                    v = i;
                }
            }
            if (dist[v] == Double.POSITIVE_INFINITY) {
                break;
            }
            done[v] = true;
            for (Link l : problem.links()) {
                if (l.to().equals(names.get(v))) {
                    int u = names.indexOf(l.from());
                    dist[u] = Math.min(dist[u], dist[v] + bits / l.rateBitsPerSecond() + l.propagationSeconds());
                }
            }
        }
        return dist;
    }

    private static int compareNames(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    public static boolean tied(double a, double b) {
        return a == b || Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    private ComputeNode node(String name) {
        return problem.nodes().stream()
                .filter(x -> x.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown node " + name));
    }

    private CodecOption codec(String name) {
        return problem.codecs().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown codec " + name));
    }

    /**
     * Every figure of a plan JSON that this evaluation does not reproduce within the tolerance,
     * as sentences; empty when the document agrees with the spec.
     */
    List<String> mismatches(JsonNode plan) {
        List<String> out = new ArrayList<>();
        if (plan.get("feasible").asBoolean()) {
            Costing c = cost(Decision.of(plan));
            c.violations().forEach(v -> out.add("the plan is reported feasible, but " + v));
            JsonNode objective = plan.get("objective");
            compare(out, "objective latency_s", objective.get("latency_s"), c.latency());
            compare(out, "objective comm_bytes", objective.get("comm_bytes"), c.volume());
            compare(out, "objective accuracy_loss", objective.get("accuracy_loss"), c.loss());
            compare(out, "objective compression_ratio", objective.get("compression_ratio"), c.compressionRatio());
            compare(out, "objective bottleneck_s", objective.get("bottleneck_s"), c.bottleneck());
            for (int k = 0; k < c.stages().size(); k++) {
                JsonNode s = plan.get("stages").get(k);
                StageCost e = c.stages().get(k);
                String at = "stage " + (k + 1) + " ";
                compare(out, at + "first_unit", s.get("first_unit"), e.firstUnit());
                compare(out, at + "compute_s", s.get("compute_s"), e.computeSeconds());
                compare(out, at + "coding_s", s.get("coding_s"), e.codingSeconds());
                compare(out, at + "service_s", s.get("service_s"), e.computeSeconds() + e.codingSeconds());
                compare(out, at + "memory_bytes", s.get("memory_bytes"), e.memoryBytes());
            }
            // Transfer 0 is the input, 1..K−1 the cuts, K the output.
            List<TransferCost> t = c.transfers();
            compareRoute(out, "input_route", plan.get("transfers").get("input_route"), t.get(0));
            compareRoute(out, "output_route", plan.get("transfers").get("output_route"), t.get(t.size() - 1));
            for (int k = 1; k < t.size() - 1; k++) {
                JsonNode cut = plan.get("cuts").get(k - 1);
                String at = "cut " + k + " ";
                compare(
                        out,
                        at + "after_unit",
                        cut.get("after_unit"),
                        c.stages().get(k).firstUnit() - 1);
                compareRoute(out, at + "route", cut.get("route"), t.get(k));
                compare(
                        out,
                        at + "bytes_per_microbatch",
                        cut.get("bytes_per_microbatch"),
                        t.get(k).bytesPerMicroBatch());
                compare(
                        out,
                        at + "link_time_s",
                        cut.get("link_time_s"),
                        t.get(k).linkSeconds());
            }
        }
        for (JsonNode baseline : plan.get("baselines")) {
            if (baseline.get("feasible").asBoolean()) {
                String name = "baseline " + baseline.get("name").asText() + " ";
                Costing c = cost(Decision.parse(baseline.get("plan").asText()));
                c.violations().forEach(v -> out.add(name + "is reported feasible, but " + v));
                compare(out, name + "latency_s", baseline.get("latency_s"), c.latency());
                compare(out, name + "comm_bytes", baseline.get("comm_bytes"), c.volume());
            }
        }
        return out;
    }

    private static void compare(List<String> out, String what, JsonNode reported, double expected) {
        if (reported == null || !reported.isNumber() || !tied(reported.asDouble(), expected)) {
            out.add(String.format(
                    Locale.ROOT, "%s: reported %s, the cost model gives %.17g", what, reported, expected));
        }
    }

    private static void compareRoute(List<String> out, String what, JsonNode reported, TransferCost expected) {
        List<String> names = new ArrayList<>();
        reported.forEach(x -> names.add(x.asText()));
        if (!names.equals(expected.route())) {
            out.add(what + ": reported " + names + ", the cost model routes " + expected.route());
        }
    }
}
